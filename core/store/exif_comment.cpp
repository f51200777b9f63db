#include "exif_comment.h"

#include <QFile>

#include <exiv2/exiv2.hpp>

namespace eikona::store {

QString writeExifComment(const QString& path, const QString& text)
{
    try {
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        auto& exif = image->exifData();
        exif["Exif.Photo.UserComment"] = "charset=Unicode " + text.toStdString();
        auto& xmp = image->xmpData();
        xmp["Xmp.dc.description"] = text.toStdString();
        image->writeMetadata();
        return {};
    } catch (const std::exception& error) {
        return QStringLiteral("cannot write the parameters into %1: %2")
            .arg(path, QString::fromUtf8(error.what()));
    }
}

std::optional<QString> readExifComment(const QString& path)
{
    try {
        auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        const auto& exif = image->exifData();
        const auto found = exif.findKey(Exiv2::ExifKey("Exif.Photo.UserComment"));
        if (found == exif.end())
            return std::nullopt;
        const auto* comment = dynamic_cast<const Exiv2::CommentValue*>(&found->value());
        const auto text = comment ? comment->comment() : found->toString();
        if (text.empty())
            return std::nullopt;
        return QString::fromStdString(text);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace eikona::store
