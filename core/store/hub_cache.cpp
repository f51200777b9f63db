#include "hub_cache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace eikona::store {

QString hubCacheDirectory()
{
    const QString explicitCache = qEnvironmentVariable("HF_HUB_CACHE");
    if (!explicitCache.isEmpty())
        return QDir::cleanPath(explicitCache);
    const QString home = qEnvironmentVariable("HF_HOME");
    if (!home.isEmpty())
        return QDir::cleanPath(home + QStringLiteral("/hub"));
    const QString xdgCache = qEnvironmentVariable("XDG_CACHE_HOME");
    const QString base = xdgCache.isEmpty() ? QDir::homePath() + QStringLiteral("/.cache") : xdgCache;
    return QDir::cleanPath(base + QStringLiteral("/huggingface/hub"));
}

QString repoFolderName(const QString& repoId)
{
    // The hub's own rule for names: letters, digits, '-', '_', '.', no "--" or ".." runs.
    static const QRegularExpression valid(
        QRegularExpression::anchoredPattern(QStringLiteral(R"((?:[\w.-]+/)?[\w.-]+)")));
    if (!valid.match(repoId).hasMatch() || repoId.contains(QStringLiteral("--")) ||
        repoId.contains(QStringLiteral("..")))
        return {};
    return QStringLiteral("models--") + QString(repoId).replace(QLatin1Char('/'), QStringLiteral("--"));
}

QString cachedSnapshot(const QString& repoId, const QString& revision, const QString& cacheDirectory)
{
    const auto folder = repoFolderName(repoId);
    if (folder.isEmpty() || revision.isEmpty() || revision.contains(QLatin1Char('/')) ||
        revision.contains(QStringLiteral("..")))
        return {};
    const QDir repo(cacheDirectory + u'/' + folder);
    QString commit = revision;
    QFile ref(repo.filePath(QStringLiteral("refs/") + revision));
    if (ref.open(QIODevice::ReadOnly)) {
        // A ref names a commit, 40 hex digits; anything else is not followed out of the cache.
        static const QRegularExpression commitPattern(
            QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{40}")));
        commit = QString::fromLatin1(ref.read(256)).trimmed();
        if (!commitPattern.match(commit).hasMatch())
            return {};
    }
    const auto snapshot = repo.filePath(QStringLiteral("snapshots/") + commit);
    return QFileInfo(snapshot).isDir() ? snapshot : QString();
}

} // namespace eikona::store
