#include "gallery_export.h"

#include "exif_comment.h"
#include "picture_file.h"
#include "png_text.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <zip.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <signal.h>

namespace eikona::store {

namespace {

constexpr int k_sheetThumbnail = 256;

std::string text(const QString& message)
{
    return message.toStdString();
}

QString extensionOf(ExportOptions::ImageFormat format)
{
    switch (format) {
    case ExportOptions::ImageFormat::Jpeg:
        return QStringLiteral("jpg");
    case ExportOptions::ImageFormat::Webp:
        return QStringLiteral("webp");
    case ExportOptions::ImageFormat::Png:
        break;
    }
    return QStringLiteral("png");
}

// The pixels alone: Qt keeps a PNG's text chunks on the QImage and writes them back out (as
// PNG text or JPEG comments), which would defeat stripping.
QImage readImage(const QString& path)
{
    QString problem;
    const auto image = readPicture(path, 0, &problem);
    if (image.isNull())
        throw ExportError(text(problem));
    const auto rgb = image.hasAlphaChannel() ? image.convertToFormat(QImage::Format_ARGB32)
                                             : image.convertToFormat(QImage::Format_RGB32);
    QImage pixels(rgb.size(), rgb.format());
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(pixels.scanLine(y), rgb.constScanLine(y), static_cast<std::size_t>(rgb.bytesPerLine()));
    return pixels;
}

QByteArray encode(const QImage& image, const char* format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(format == QByteArray("jpeg") ? image.convertToFormat(QImage::Format_RGB888) : image))
        throw ExportError(text(QStringLiteral("cannot encode a picture as %1: %2")
                                   .arg(QLatin1String(format), writer.errorString())));
    return bytes;
}

bool hasParameters(const GalleryEntry& entry)
{
    return entry.source != PictureMetadata::Source::None && !entry.parameters.prompt.isEmpty();
}

// The exported file's bytes: the original PNG untouched where that keeps everything it carries.
QByteArray exportedBytes(const GalleryEntry& entry, const ExportOptions& options, const QDir& scratch)
{
    const bool png = options.imageFormat == ExportOptions::ImageFormat::Png;
    if (png && !options.stripMetadata && entry.path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) {
        QFile file(entry.path);
        if (!file.open(QIODevice::ReadOnly))
            throw ExportError(text(QStringLiteral("cannot read %1: %2").arg(entry.path, file.errorString())));
        return file.readAll();
    }
    const auto image = readImage(entry.path);
    const auto parameters = formatParameters(entry.parameters);
    if (png) {
        auto bytes = encode(image, "png", options.quality);
        return options.stripMetadata || !hasParameters(entry)
                   ? bytes
                   : withPngText(bytes, {{QStringLiteral("parameters"), parameters}});
    }
    const auto bytes = encode(
        image, options.imageFormat == ExportOptions::ImageFormat::Jpeg ? "jpeg" : "webp", options.quality);
    if (options.stripMetadata || !hasParameters(entry))
        return bytes;
    // exiv2 writes into files: the picture goes through one in the scratch folder.
    const auto scratchFile = scratch.filePath(QStringLiteral("picture.") + extensionOf(options.imageFormat));
    QFile file(scratchFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw ExportError(text(QStringLiteral("cannot write %1: %2").arg(scratchFile, file.errorString())));
    file.close();
    if (const auto problem = writeExifComment(scratchFile, parameters); !problem.isEmpty())
        throw ExportError(text(problem));
    if (!file.open(QIODevice::ReadOnly))
        throw ExportError(text(QStringLiteral("cannot read %1").arg(scratchFile)));
    return file.readAll();
}

// "name.ext", else "name (2).ext", ... : never a name that is taken.
QString uniqueName(const QString& base, const QString& extension,
                   const std::function<bool(const QString&)>& taken)
{
    auto name = base + u'.' + extension;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1 (%2).%3").arg(base, QString::number(n), extension);
    return name;
}

QString uniquePath(const QString& wanted)
{
    const QFileInfo info(wanted);
    const QDir folder = info.absoluteDir();
    return folder.filePath(uniqueName(info.completeBaseName(), info.suffix(), [&](const QString& name) {
        return QFileInfo::exists(folder.filePath(name));
    }));
}

QString escaped(const QString& value)
{
    return value.toHtmlEscaped();
}

struct Run {
    const QList<GalleryEntry>& entries;
    const ExportOptions& options;
    const std::function<void(int, int)>& progress;
    const std::function<bool()>& cancelled;

    bool stop() const { return cancelled && cancelled(); }
    void done(int count) const
    {
        if (progress)
            progress(count, static_cast<int>(entries.size()));
    }
};

// Each picture's exported bytes under a name `taken` does not know, handed to `write`, until
// the run is cancelled.
void eachExported(const Run& run, const QDir& scratch, ExportResult& result,
                  const std::function<bool(const QString&)>& taken,
                  const std::function<void(const QString&, const QByteArray&)>& write)
{
    for (const auto& entry : run.entries) {
        if (run.stop()) {
            result.cancelled = true;
            return;
        }
        const auto bytes = exportedBytes(entry, run.options, scratch);
        write(
            uniqueName(QFileInfo(entry.path).completeBaseName(), extensionOf(run.options.imageFormat), taken),
            bytes);
        run.done(++result.exported);
    }
}

ExportResult toFolder(const Run& run, const QDir& scratch)
{
    const QDir folder(run.options.out);
    if (!QDir().mkpath(folder.absolutePath()))
        throw ExportError(text(QStringLiteral("cannot create the folder %1").arg(run.options.out)));
    ExportResult result;
    result.written = folder.absolutePath();
    eachExported(
        run, scratch, result, [&](const QString& name) { return QFileInfo::exists(folder.filePath(name)); },
        [&](const QString& name, const QByteArray& bytes) {
            QSaveFile file(folder.filePath(name));
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                throw ExportError(text(
                    QStringLiteral("cannot write %1: %2").arg(folder.filePath(name), file.errorString())));
        });
    return result;
}

ExportResult toZip(const Run& run, const QDir& scratch)
{
    const auto final = uniquePath(run.options.out);
    const auto partial = scratch.filePath(QStringLiteral("archive.zip"));
    int error = 0;
    zip_t* archive = zip_open(QFile::encodeName(partial).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive)
        throw ExportError(text(QStringLiteral("cannot create the archive (libzip error %1)").arg(error)));
    ExportResult result;
    QSet<QString> names;
    try {
        eachExported(
            run, scratch, result, [&](const QString& name) { return names.contains(name); },
            [&](const QString& name, const QByteArray& bytes) {
                names.insert(name);
                void* copy = std::malloc(static_cast<std::size_t>(bytes.size()));
                std::memcpy(copy, bytes.constData(), static_cast<std::size_t>(bytes.size()));
                zip_source_t* source =
                    zip_source_buffer(archive, copy, static_cast<zip_uint64_t>(bytes.size()), 1);
                if (!source) {
                    std::free(copy);
                    throw ExportError(text(QStringLiteral("cannot add %1 to the archive").arg(name)));
                }
                const auto index = zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
                if (index < 0) {
                    zip_source_free(source);
                    throw ExportError(text(QStringLiteral("cannot add %1 to the archive: %2")
                                               .arg(name, QString::fromUtf8(zip_strerror(archive)))));
                }
                // Pictures are compressed already: stored, not deflated again.
                zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
            });
    } catch (...) {
        zip_discard(archive);
        throw;
    }
    if (result.cancelled) {
        zip_discard(archive); // nothing is left behind
        QFile::remove(partial);
        return result;
    }
    if (zip_close(archive) < 0) {
        const auto message = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        throw ExportError(text(QStringLiteral("cannot write the archive: %1").arg(message)));
    }
    QDir().mkpath(QFileInfo(final).absolutePath());
    if (!QFile::rename(partial, final) && !(QFile::copy(partial, final) && QFile::remove(partial)))
        throw ExportError(text(QStringLiteral("cannot write %1").arg(final)));
    result.written = final;
    return result;
}

ExportResult toHtml(const Run& run)
{
    const auto final = uniquePath(run.options.out);
    QDir().mkpath(QFileInfo(final).absolutePath());
    QSaveFile file(final);
    if (!file.open(QIODevice::WriteOnly))
        throw ExportError(text(QStringLiteral("cannot write %1: %2").arg(final, file.errorString())));
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Eikona</title><style>"
        "body{font-family:sans-serif;background:#f4f4f4;margin:24px}"
        ".sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:16px}"
        "figure{background:#fff;margin:0;padding:12px;border-radius:6px;box-shadow:0 1px 3px #0002}"
        "img{max-width:100%;display:block;margin:0 auto 8px}p{margin:0 0 6px;font-size:14px}"
        "pre{white-space:pre-wrap;font-size:11px;color:#555;margin:0}"
        "</style></head><body><div class=\"sheet\">\n");
    ExportResult result;
    for (const auto& entry : run.entries) {
        if (run.stop()) {
            result.cancelled = true;
            file.cancelWriting(); // nothing is left behind
            return result;
        }
        const auto thumbnail =
            readImage(entry.path)
                .scaled(k_sheetThumbnail, k_sheetThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        html += QStringLiteral("<figure><img alt=\"%1\" src=\"data:image/jpeg;base64,%2\"><figcaption>")
                    .arg(escaped(QFileInfo(entry.path).fileName()),
                         QString::fromLatin1(encode(thumbnail, "jpeg", 85).toBase64()));
        if (!entry.parameters.prompt.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(escaped(entry.parameters.prompt));
        if (hasParameters(entry) && !run.options.stripMetadata)
            html += QStringLiteral("<pre>%1</pre>").arg(escaped(formatParameters(entry.parameters)));
        html += QStringLiteral("</figcaption></figure>\n");
        run.done(++result.exported);
    }
    html += QStringLiteral("</div></body></html>\n");
    const auto bytes = html.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw ExportError(text(QStringLiteral("cannot write %1: %2").arg(final, file.errorString())));
    result.written = final;
    return result;
}

// An export works in a hidden folder beside its target (one file system: the archive moves
// into place by rename), named after its process. One killed mid-way leaves that folder
// behind; the next export there removes the ones whose process is gone.
const QString k_scratchPrefix = QStringLiteral(".eikona-export-");

bool processIsAlive(qint64 pid)
{
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

void removeScratchOfDeadExports(const QDir& folder)
{
    const auto leftovers =
        folder.entryList({k_scratchPrefix + u'*'}, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const auto& name : leftovers) {
        bool ok = false;
        const auto pid = name.mid(k_scratchPrefix.size()).section(u'-', 0, 0).toLongLong(&ok);
        if (ok && !processIsAlive(pid))
            QDir(folder.filePath(name)).removeRecursively();
    }
}

} // namespace

ExportResult exportPictures(const QList<GalleryEntry>& entries, const ExportOptions& options,
                            const std::function<void(int, int)>& progress,
                            const std::function<bool()>& cancelled)
{
    if (options.out.isEmpty())
        throw ExportError("no place to export to was given");
    const QDir parent(QFileInfo(options.out).absolutePath());
    if (!QDir().mkpath(parent.path()))
        throw ExportError(text(QStringLiteral("cannot create the folder %1").arg(parent.path())));
    removeScratchOfDeadExports(parent);
    QTemporaryDir scratch(parent.filePath(
        k_scratchPrefix + QString::number(QCoreApplication::applicationPid()) + QStringLiteral("-XXXXXX")));
    if (!scratch.isValid())
        throw ExportError(text(QStringLiteral("cannot write into %1").arg(parent.path())));
    const Run run{entries, options, progress, cancelled};
    switch (options.target) {
    case ExportOptions::Target::Zip:
        return toZip(run, QDir(scratch.path()));
    case ExportOptions::Target::Html:
        return toHtml(run);
    case ExportOptions::Target::Folder:
        break;
    }
    return toFolder(run, QDir(scratch.path()));
}

} // namespace eikona::store
