#pragma once
// Where `generate`'s pictures go, each saved the moment it exists: --out FILE.png (numbered
// when several) or a folder with the app's names, added to the gallery the window shares
// (written first, then its row), its path printed on stdout.

#include "generation_types.h"

#include <QString>

#include <memory>

namespace eikona::store {
class GalleryStore;
}

namespace eikona::cli {

class PictureOutput {
  public:
    /// `out`: as --out gives it (empty: the current folder); `total` pictures in the job.
    PictureOutput(QString out, int total, bool gallery);
    ~PictureOutput();

    /// The folder the pictures go into (--out's, or its file's).
    static QString folderOf(const QString& out);

    /// Saves `image`; an error (then error() says it) stops the job: the next would fail alike.
    bool save(const backend::GeneratedImage& image);
    int savedCount() const { return m_saved; }
    const QString& error() const { return m_error; }

  private:
    QString m_out;
    int m_total = 1;
    std::unique_ptr<store::GalleryStore> m_gallery;
    int m_saved = 0;
    QString m_error;
};

} // namespace eikona::cli
