#pragma once
// A1111's way of carrying parameters in JPEG and WebP files: the EXIF UserComment (Unicode),
// written and read through exiv2; exports add the same text as XMP dc:description.

#include <QString>

#include <optional>

namespace eikona::store {

/// Writes `text` into the picture file at `path` (JPEG or WebP). Empty on success, else why not.
QString writeExifComment(const QString& path, const QString& text);
/// The UserComment of a JPEG or WebP file; nullopt when there is none or it cannot be read.
std::optional<QString> readExifComment(const QString& path);

} // namespace eikona::store
