#include "hub_cache.h"

#include <QDir>
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
    static const QRegularExpression valid(QStringLiteral(R"(^(?:[\w.-]+/)?[\w.-]+$)"));
    if (!valid.match(repoId).hasMatch() || repoId.contains(QStringLiteral("--")) ||
        repoId.contains(QStringLiteral("..")))
        return {};
    return QStringLiteral("models--") + QString(repoId).replace(QLatin1Char('/'), QStringLiteral("--"));
}

} // namespace eikona::store
