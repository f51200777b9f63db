#include "cli/picture_output.h"

#include "cli/cli_command.h"

#include "gallery_store.h"
#include "picture_file.h"

#include <QDateTime>
#include <QFileInfo>

#include <cstdio>

namespace eikona::cli {

namespace {

// Where image `index` of `count` goes: --out FILE.png (numbered when several), or a folder
// (made if needed) with the app's names — date, seed and the prompt's words — that never
// overwrite, so the CLI's pictures sit in a gallery beside the window's.
QString outputPath(const QString& out, int index, int count, quint64 seed, const QString& prompt)
{
    if (out.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) {
        if (count == 1)
            return out;
        return out.left(out.size() - 4) + QStringLiteral("-%1.png").arg(index);
    }
    return store::namedPicturePath(out.isEmpty() ? QStringLiteral(".") : out, seed, prompt,
                                   QDateTime::currentDateTime());
}

} // namespace

PictureOutput::PictureOutput(QString out, int total, bool gallery) : m_out(std::move(out)), m_total(total)
{
    // The gallery is the app's too: a busy timeout waits for the app's writes. Without a
    // gallery the pictures are still saved.
    if (!gallery)
        return;
    m_gallery = std::make_unique<store::GalleryStore>();
    if (!m_gallery->isOpen()) {
        std::fprintf(stderr, "note: the gallery cannot be opened (%s); the pictures are saved without it\n",
                     qUtf8Printable(m_gallery->lastError()));
        m_gallery.reset();
    }
}

PictureOutput::~PictureOutput() = default;

QString PictureOutput::folderOf(const QString& out)
{
    if (out.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        return QFileInfo(out).absolutePath();
    return out.isEmpty() ? QStringLiteral(".") : out;
}

bool PictureOutput::save(const backend::GeneratedImage& image)
{
    const auto path = outputPath(m_out, image.index, m_total, image.seed, image.parameters.prompt);
    if (m_gallery) {
        if (!m_gallery->savePicture(path, image.image, image.parameters)) {
            if (!QFileInfo::exists(path)) {
                m_error = m_gallery->lastError();
                return false;
            }
            std::fprintf(stderr,
                         "note: %s is saved but not yet in the gallery (%s); the next rescan adds it\n",
                         qUtf8Printable(path), qUtf8Printable(m_gallery->lastError()));
        }
    } else if (const auto problem = store::writePicture(path, image.image, image.parameters);
               !problem.isEmpty()) {
        m_error = problem;
        return false;
    }
    ++m_saved;
    printOut(path);
    return true;
}

} // namespace eikona::cli
