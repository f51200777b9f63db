#pragma once
// Exporting pictures with their parameters: to a folder (PNG, JPEG or WebP; the parameters
// kept as PNG text or, for JPEG and WebP, as EXIF UserComment + XMP the way A1111 writes
// them, or stripped on request), to a ZIP archive, or to a self-contained HTML contact sheet
// (thumbnails inline, every text escaped). Names never overwrite existing files; a cancelled
// export leaves no partial archive or sheet.

#include "gallery_store.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <stdexcept>

namespace eikona::store {

class ExportError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct ExportOptions {
    enum class Target { Folder, Zip, Html };
    enum class ImageFormat { Png, Jpeg, Webp };
    Target target = Target::Folder;
    ImageFormat imageFormat = ImageFormat::Png;
    bool stripMetadata = false;
    QString out;      ///< the folder, the .zip or the .html
    int quality = 92; ///< JPEG and WebP
};

struct ExportResult {
    int exported = 0;
    QString written; ///< the archive or sheet; the folder for Folder
    bool cancelled = false;
};

/// Throws ExportError (a picture unreadable, the target unwritable) before anything final is
/// left behind; `progress(done, total)`; `cancelled()` is polled between pictures.
ExportResult exportPictures(const QList<GalleryEntry>& entries, const ExportOptions& options,
                            const std::function<void(int, int)>& progress = {},
                            const std::function<bool()>& cancelled = {});

} // namespace eikona::store
