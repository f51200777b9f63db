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

QString sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

QString shortModelHash(const QString& weightsFile)
{
    const QFileInfo info(weightsFile);
    if (!info.exists())
        return {};
    // A hub cache snapshot links to blobs/<sha256> for LFS files.
    static const QRegularExpression sha256Name(QStringLiteral("^[0-9a-f]{64}$"));
    if (const auto target = QFileInfo(info.canonicalFilePath()).fileName(); sha256Name.match(target).hasMatch())
        return target.left(10);

    const auto key = info.canonicalFilePath();
    const auto stamp = QStringLiteral("%1:%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    auto memo = readMemo();
    if (const auto entry = memo.value(key).toObject(); entry.value(QStringLiteral("stamp")).toString() == stamp)
        return entry.value(QStringLiteral("sha256")).toString().left(10);
    const auto sha = sha256OfFile(key);
    if (sha.isEmpty())
        return {};
    memo.insert(key, QJsonObject{{QStringLiteral("stamp"), stamp}, {QStringLiteral("sha256"), sha}});
    writeMemo(memo);
    return sha.left(10);
}

} // namespace eikona::store
