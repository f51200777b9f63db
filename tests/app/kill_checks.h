#pragma once
// What a start after a kill -9 must find, for the kill tests: every file under a final name
// whole, the gallery index sound and true to its files, the hub cache's blobs true to their
// names. Each check returns the problems it found, in words (empty: none).

#include "model_hash.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

namespace eikona::testing {

/// A PNG is whole when it ends with its IEND chunk: a file cut anywhere before does not.
inline bool isWholePng(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() < 8 + 12)
        return false;
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    static const QByteArray iend("\0\0\0\0IEND\xae\x42\x60\x82", 12);
    if (file.read(8) != signature)
        return false;
    file.seek(file.size() - 12);
    return file.read(12) == iend;
}

/// Every *.png under `folder` (recursively) is whole.
inline QStringList brokenPngs(const QString& folder)
{
    QStringList problems;
    QDirIterator it(folder, {QStringLiteral("*.png")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto path = it.next();
        if (!isWholePng(path))
            problems << QStringLiteral("a PNG cut short under its final name: %1").arg(path);
    }
    return problems;
}

/// SQLite's own integrity check passes, and every row's file exists with the bytes whose hash
/// the row holds. A missing database is sound (nothing was written yet).
inline QStringList galleryProblems(const QString& database)
{
    if (!QFileInfo::exists(database))
        return {};
    QStringList problems;
    const auto connection = QUuid::createUuid().toString();
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(database);
        if (!db.open()) {
            problems << QStringLiteral("the gallery index does not open: %1").arg(database);
        } else {
            QSqlQuery integrity(db);
            if (!integrity.exec(QStringLiteral("PRAGMA integrity_check")) || !integrity.next() ||
                integrity.value(0).toString() != QStringLiteral("ok"))
                problems << QStringLiteral("integrity_check: %1").arg(integrity.value(0).toString());
            QSqlQuery rows(db);
            rows.exec(QStringLiteral("SELECT path, content_hash FROM pictures"));
            while (rows.next()) {
                const auto path = rows.value(0).toString();
                if (!QFileInfo::exists(path))
                    problems << QStringLiteral("a row without its file: %1").arg(path);
                else if (store::sha256OfFile(path) != rows.value(1).toString())
                    problems << QStringLiteral("a row whose hash is not its file's: %1").arg(path);
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return problems;
}

/// Every blob in the cache is named by its hash (SHA-256, or the git blob id of a small file)
/// and is what its name says; every snapshot entry leads to a blob that exists.
inline QStringList hubCacheProblems(const QString& cache)
{
    static const QRegularExpression sha256(QStringLiteral("\\A[0-9a-f]{64}\\z"));
    static const QRegularExpression gitBlob(QStringLiteral("\\A[0-9a-f]{40}\\z"));
    QStringList problems;
    QDirIterator blobs(cache, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (blobs.hasNext()) {
        const auto path = blobs.next();
        if (QFileInfo(path).dir().dirName() != QStringLiteral("blobs"))
            continue;
        const auto name = QFileInfo(path).fileName();
        if (name.endsWith(QStringLiteral(".incomplete")))
            continue; // a partial download, under a name no reader takes for whole
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        if (sha256.match(name).hasMatch()) {
            if (store::sha256OfFile(path) != name)
                problems << QStringLiteral("a blob that is not its SHA-256: %1").arg(path);
        } else if (gitBlob.match(name).hasMatch()) {
            if (store::gitBlobId(file) != name)
                problems << QStringLiteral("a blob that is not its git blob id: %1").arg(path);
        } else {
            problems << QStringLiteral("a blob with a name that is no hash: %1").arg(path);
        }
    }
    QDirIterator links(cache, QDir::Files | QDir::System, QDirIterator::Subdirectories);
    while (links.hasNext()) {
        const auto path = links.next();
        if (path.contains(QStringLiteral("/snapshots/")) && !QFileInfo(path).exists())
            problems << QStringLiteral("a snapshot entry leading nowhere: %1").arg(path);
    }
    return problems;
}

} // namespace eikona::testing
