#include "picture_file.h"

#include "png_text.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
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
    const auto withText = withPngText(encoded, {{QStringLiteral("parameters"), formatParameters(parameters)}});
    if (withText.isEmpty())
        return QStringLiteral("cannot embed the parameters in the PNG");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (file.write(withText) != withText.size() || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
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

std::optional<QString> readParametersText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto entries = readPngText(file.readAll());
    if (!entries)
        return std::nullopt;
    for (const auto& [keyword, text] : *entries)
        if (keyword == QStringLiteral("parameters"))
            return text;
    return std::nullopt;
}

} // namespace eikona::store
