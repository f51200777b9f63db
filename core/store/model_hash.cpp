#include "model_hash.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace eikona::store {

namespace {

QString memoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/eikona/model-hashes.json");
}

QJsonObject readMemo()
{
    QFile file(memoPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void writeMemo(const QJsonObject& memo)
{
    QDir().mkpath(QFileInfo(memoPath()).absolutePath());
    QSaveFile file(memoPath());
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(memo).toJson());
        file.commit();
    }
}

} // namespace

std::optional<QString> hashDevice(QIODevice& file, QCryptographicHash::Algorithm algorithm,
                                  const QByteArray& prefix, const std::function<void(qint64)>& step,
                                  const std::function<bool()>& cancelled)
{
    constexpr qint64 chunkBytes = 4 * 1024 * 1024;
    QCryptographicHash hash(algorithm);
    hash.addData(prefix);
    while (!file.atEnd()) {
        if (cancelled && cancelled())
            return std::nullopt;
        const auto chunk = file.read(chunkBytes);
        if (chunk.isEmpty())
            return QString();
        hash.addData(chunk);
        if (step)
            step(chunk.size());
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString gitBlobId(QIODevice& file)
{
    file.seek(0);
    return hashDevice(file, QCryptographicHash::Sha1, "blob " + QByteArray::number(file.size()) + '\0')
        .value_or(QString());
}

QString sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return hashDevice(file, QCryptographicHash::Sha256).value_or(QString());
}

QString shortModelHash(const QString& weightsFile)
{
    const QFileInfo info(weightsFile);
    if (!info.exists())
        return {};
    // A hub cache snapshot links to blobs/<sha256> for LFS files.
    static const QRegularExpression sha256Name(QStringLiteral("^[0-9a-f]{64}$"));
    if (const auto target = QFileInfo(info.canonicalFilePath()).fileName();
        sha256Name.match(target).hasMatch())
        return target.left(10);

    const auto key = info.canonicalFilePath();
    const auto stamp = QStringLiteral("%1:%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    auto memo = readMemo();
    if (const auto entry = memo.value(key).toObject();
        entry.value(QStringLiteral("stamp")).toString() == stamp)
        return entry.value(QStringLiteral("sha256")).toString().left(10);
    const auto sha = sha256OfFile(key);
    if (sha.isEmpty())
        return {};
    memo.insert(key, QJsonObject{{QStringLiteral("stamp"), stamp}, {QStringLiteral("sha256"), sha}});
    writeMemo(memo);
    return sha.left(10);
}

} // namespace eikona::store
