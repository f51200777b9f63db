#include "picture_file.h"

#include "png_text.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>

namespace eikona::store {

QString writePicture(const QString& path, const QImage& image, const GenerationParameters& parameters)
{
    QByteArray encoded;
    QBuffer buffer(&encoded);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image))
        return QStringLiteral("cannot encode the picture as PNG: ") + writer.errorString();
    const auto withText =
        withPngText(encoded, {{QStringLiteral("parameters"), formatParameters(parameters)}});
    if (withText.isEmpty())
        return QStringLiteral("cannot embed the parameters in the PNG");
    // Unbuffered, so a short write (a full disk, a file-size limit) shows in write()'s count
    // rather than in a buffered flush that commit() took for done: a truncated PNG under its
    // final name, reported saved. Without commit() the temporary file goes, the name stays free.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (const auto written = file.write(withText); written != withText.size()) {
        const auto reason =
            written < 0
                ? file.errorString()
                : QStringLiteral("only %1 of %2 bytes could be written").arg(written).arg(withText.size());
        file.cancelWriting();
        return QStringLiteral("cannot write %1: %2 (is the disk full?)").arg(path, reason);
    }
    if (!file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

QImage readPicture(const QString& path, int longestSide, QString* error)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    reader.setAllocationLimit(k_pictureMemoryLimitMb);
    const auto size = reader.size();
    if (longestSide > 0 && size.isValid() && (size.width() > longestSide || size.height() > longestSide))
        reader.setScaledSize(size.scaled(longestSide, longestSide, Qt::KeepAspectRatio));
    auto image = reader.read();
    if (image.isNull()) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, reader.errorString());
        return image;
    }
    // Formats that cannot read at a size are scaled after.
    if (longestSide > 0 && (image.width() > longestSide || image.height() > longestSide))
        image = image.scaled(longestSide, longestSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QString nextPicturePath(const QString& folder, quint64 seed)
{
    const QDir dir(folder);
    dir.mkpath(QStringLiteral("."));
    for (int number = 0;; ++number) {
        const auto prefix = QStringLiteral("%1-").arg(number, 5, 10, QLatin1Char('0'));
        if (dir.entryList({prefix + QStringLiteral("*.png")}, QDir::Files).isEmpty())
            return dir.filePath(prefix + QString::number(seed) + QStringLiteral(".png"));
    }
}

QString namedPicturePath(const QString& folder, quint64 seed, const QString& prompt, const QDateTime& when)
{
    // The words of the prompt without its syntax: "(oil painting:1.2)" gives "oil-painting".
    static const QRegularExpression weights(QStringLiteral(":\\s*[-+]?\\d*\\.?\\d+"));
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    auto words = QString(prompt).remove(weights).toLower().split(separators, Qt::SkipEmptyParts);
    QString slug;
    for (const auto& word : std::as_const(words)) {
        if (word == QStringLiteral("break") || slug.size() + word.size() + 1 > 40)
            continue;
        slug += (slug.isEmpty() ? QString() : QStringLiteral("-")) + word;
    }
    const QDir dir(folder);
    dir.mkpath(QStringLiteral("."));
    const auto base = when.toString(QStringLiteral("yyyyMMdd-HHmmss")) + u'-' + QString::number(seed) +
                      (slug.isEmpty() ? QString() : u'-' + slug);
    auto name = base + QStringLiteral(".png");
    for (int n = 2; QFileInfo::exists(dir.filePath(name)); ++n)
        name = base + QStringLiteral("-%1.png").arg(n);
    return dir.filePath(name);
}

std::optional<QString> readParametersText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto entries = readPngText(file.read(k_maxPngTextFileBytes)); // never a hostile file whole
    if (!entries)
        return std::nullopt;
    for (const auto& [keyword, text] : *entries)
        if (keyword == QStringLiteral("parameters"))
            return text;
    return std::nullopt;
}

} // namespace eikona::store
