#include "hub_client.h"

#include "hub_downloader.h"

#include "hub_cache.h"
#include "hub_listing.h"
#include "model_hash.h"
#include "proxy_settings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <exception>
#include <memory>
#include <optional>

namespace eikona::store {

using namespace hub_detail;

namespace {

// GET a JSON document from the hub.
QJsonObject fetchJson(Hub& hub, QUrl url, const QString& what, const QString& repoId,
                      const std::function<bool()>& cancelled, bool& unreachable)
{
    for (int hop = 0; hop <= k_maxRedirects; ++hop) {
        QEventLoop loop;
        auto* reply = hub.get(url);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, [&] {
            if (cancelled && cancelled())
                reply->abort();
        });
        poll.start(100);
        loop.exec();
        reply->deleteLater();
        if (cancelled && cancelled())
            throw HubCancelled();
        if (const auto target = redirectTarget(reply)) {
            url = *target;
            continue;
        }
        const int status = statusOf(reply);
        if (status == 0) {
            unreachable = true;
            throw HubError(text(QStringLiteral("cannot reach the hub at %1: %2")
                                    .arg(url.toString(QUrl::RemoveQuery), reply->errorString())),
                           HubFailure::Unreachable);
        }
        if (status != 200)
            throw HubError(text(httpProblem(status, what, repoId, reply->rawHeader("X-Error-Code"))),
                           httpFailure(status));
        QJsonParseError error{};
        const auto document = QJsonDocument::fromJson(reply->readAll(), &error);
        if (!document.isObject())
            throw HubError(text(QStringLiteral("the hub's answer for %1 is not the JSON expected (%2)")
                                    .arg(what, error.errorString())));
        return document.object();
    }
    throw HubError(text(QStringLiteral("too many redirects for %1").arg(what)));
}

} // namespace

namespace {

// The model API's answer for a revision: its commit and every file with size and hashes.
QUrl revisionInfoUrl(const HubOptions& options, const QString& repoId, const QString& revision)
{
    return QUrl(options.endpoint + QStringLiteral("/api/models/") + repoId + QStringLiteral("/revision/") +
                QString::fromLatin1(QUrl::toPercentEncoding(revision)) + QStringLiteral("?blobs=true"));
}

} // namespace

QString canonicalRepoId(const QString& repoId)
{
    if (repoId.compare(QStringLiteral("runwayml/stable-diffusion-v1-5"), Qt::CaseInsensitive) == 0)
        return k_defaultModel;
    return repoId;
}

HubOptions HubOptions::fromEnvironment()
{
    HubOptions options;
    options.endpoint = qEnvironmentVariable("HF_ENDPOINT", QStringLiteral("https://huggingface.co"));
    while (options.endpoint.endsWith(QLatin1Char('/')))
        options.endpoint.chop(1);
    options.token = qEnvironmentVariable("HF_TOKEN");
    options.cacheDirectory = hubCacheDirectory();
    const auto offline = qEnvironmentVariable("HF_HUB_OFFLINE").toLower();
    options.offline = offline == QStringLiteral("1") || offline == QStringLiteral("true") ||
                      offline == QStringLiteral("yes");
    return options;
}

DownloadResult downloadModel(const QString& repoId, const QString& revision, const QString& variant,
                             const HubOptions& options,
                             const std::function<void(const DownloadProgress&)>& progress,
                             const std::function<bool()>& cancelled)
{
    return downloadRepository(repoId, revision, pipelineFiles(variant), options, progress, cancelled);
}

qint64 pipelineDownloadSize(const QString& repoId, const QString& revision, const QString& variant,
                            const HubOptions& options, const std::function<bool()>& cancelled)
{
    return repositoryDownloadSize(repoId, revision, pipelineFiles(variant), options, cancelled);
}

DownloadResult downloadRepository(const QString& requestedRepoId, const QString& revision,
                                  const FileSelection& select, const HubOptions& options,
                                  const std::function<void(const DownloadProgress&)>& progress,
                                  const std::function<bool()>& cancelled)
{
    const auto repoId = canonicalRepoId(requestedRepoId);
    const auto folder = repoFolderName(repoId);
    if (folder.isEmpty())
        throw HubError(text(
            QStringLiteral("\"%1\" is not a Hugging Face repository id (ORG/NAME)").arg(requestedRepoId)));
    if (!safeRepoPath(revision))
        throw HubError(text(
            QStringLiteral("\"%1\" is not a revision (a branch, tag or commit)").arg(revision.left(200))));
    RepoCache cache{QDir(options.cacheDirectory + u'/' + folder),
                    QDir(options.cacheDirectory + QStringLiteral("/.locks/") + folder)};
    const auto cachedOnly = [&](const QString& why, HubFailure kind) {
        const auto snapshot = cachedSnapshot(repoId, revision, options.cacheDirectory);
        if (snapshot.isEmpty())
            throw HubError(text(why + QStringLiteral("; and %1 (%2) is not in the cache at %3")
                                          .arg(repoId, revision, options.cacheDirectory)),
                           kind);
        return DownloadResult{snapshot, QFileInfo(snapshot).fileName(), 0, true};
    };
    if (options.offline)
        return cachedOnly(QStringLiteral("offline mode (HF_HUB_OFFLINE) is on"), HubFailure::Offline);

    Hub hub(options);
    QJsonObject info;
    bool unreachable = false;
    try {
        info = fetchJson(hub, revisionInfoUrl(options, repoId, revision), repoId + u'@' + revision, repoId,
                         cancelled, unreachable);
    } catch (const HubCancelled&) {
        throw;
    } catch (const HubError& error) {
        if (unreachable && !cachedSnapshot(repoId, revision, options.cacheDirectory).isEmpty())
            return cachedOnly(QString::fromStdString(error.what()), error.kind());
        throw;
    }
    const auto commit = info.value(QStringLiteral("sha")).toString();
    static const QRegularExpression commitPattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{40}")));
    if (!commitPattern.match(commit).hasMatch())
        throw HubError(text(QStringLiteral("the hub named no commit for %1@%2").arg(repoId, revision)));
    const auto files = select(repoId, parseSiblings(info.value(QStringLiteral("siblings")).toArray()));
    checkListing(files, repoId);

    for (const auto& path :
         {cache.repo.filePath(QStringLiteral("blobs")), cache.repo.filePath(QStringLiteral("refs")),
          cache.snapshot(commit), cache.locks.path()})
        if (!QDir().mkpath(path))
            throw HubError(
                text(QStringLiteral("cannot create %1: check the permissions of the cache folder").arg(path)),
                HubFailure::Storage);
    if (revision != commit) {
        QFile ref(cache.repo.filePath(QStringLiteral("refs/") + revision));
        QDir().mkpath(QFileInfo(ref).absolutePath()); // "refs/pr/1" is a revision too
        if (!ref.open(QIODevice::WriteOnly) || ref.write(commit.toLatin1()) != commit.size())
            throw HubError(text(QStringLiteral("cannot write %1: %2").arg(ref.fileName(), ref.errorString())),
                           HubFailure::Storage);
    }
    QList<HubFile> missing;
    for (const auto& file : files)
        if (!linkedAndPresent(cache, commit, file))
            missing.append(file);
    qint64 fetched = 0;
    if (!missing.isEmpty())
        fetched = downloadFiles(hub, options, cache, repoId, commit, missing, progress, cancelled);
    return {cache.snapshot(commit), commit, fetched, false};
}

qint64 repositoryDownloadSize(const QString& requestedRepoId, const QString& revision,
                              const FileSelection& select, const HubOptions& options,
                              const std::function<bool()>& cancelled)
{
    const auto repoId = canonicalRepoId(requestedRepoId);
    const auto folder = repoFolderName(repoId);
    if (folder.isEmpty())
        throw HubError(text(
            QStringLiteral("\"%1\" is not a Hugging Face repository id (ORG/NAME)").arg(requestedRepoId)));
    if (!safeRepoPath(revision))
        throw HubError(text(
            QStringLiteral("\"%1\" is not a revision (a branch, tag or commit)").arg(revision.left(200))));
    RepoCache cache{QDir(options.cacheDirectory + u'/' + folder),
                    QDir(options.cacheDirectory + QStringLiteral("/.locks/") + folder)};
    if (options.offline) {
        if (!cachedSnapshot(repoId, revision, options.cacheDirectory).isEmpty())
            return 0;
        throw HubError(
            text(QStringLiteral("offline mode (HF_HUB_OFFLINE) is on; and %1 (%2) is not in the cache at %3")
                     .arg(repoId, revision, options.cacheDirectory)),
            HubFailure::Offline);
    }
    Hub hub(options);
    bool unreachable = false;
    const auto info = fetchJson(hub, revisionInfoUrl(options, repoId, revision), repoId + u'@' + revision,
                                repoId, cancelled, unreachable);
    const auto commit = info.value(QStringLiteral("sha")).toString();
    const auto files = select(repoId, parseSiblings(info.value(QStringLiteral("siblings")).toArray()));
    checkListing(files, repoId);
    qint64 bytes = 0;
    for (const auto& file : files)
        if (!linkedAndPresent(cache, commit, file))
            bytes += file.size;
    return bytes;
}

} // namespace eikona::store
