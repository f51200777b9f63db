#include "hub_client.h"

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

namespace {

constexpr int k_maxRedirects = 10;

std::string text(const QString& message)
{
    return message.toStdString();
}

HubFailure httpFailure(int status)
{
    if (status == 401 || status == 403)
        return HubFailure::NeedsAccess;
    return status == 404 ? HubFailure::NotFound : HubFailure::Other;
}

QString httpProblem(int status, const QString& what, const QString& repoId, const QByteArray& errorCode)
{
    if (status == 401 || status == 403) {
        if (errorCode == "GatedRepo")
            return QStringLiteral("%1 is a gated model: accept its licence on the Hugging Face website, then "
                                  "set HF_TOKEN to an "
                                  "access token of that account (HTTP %2)")
                .arg(repoId)
                .arg(status);
        return QStringLiteral("the hub refused access to %1 (HTTP %2): it is private or gated, or HF_TOKEN "
                              "is missing or wrong; "
                              "set HF_TOKEN to a token that can read it")
            .arg(what)
            .arg(status);
    }
    if (status == 404)
        return QStringLiteral("%1 was not found on the hub (HTTP 404): check the repository id and revision")
            .arg(what);
    return QStringLiteral("the hub answered HTTP %1 for %2").arg(status).arg(what);
}

// One network conversation, redirects followed by hand so the token never travels to another host.
class Hub {
  public:
    explicit Hub(const HubOptions& options) : m_options(options)
    {
        m_network.setProxyFactory(
            new EnvironmentProxyFactory); // HTTPS_PROXY/HTTP_PROXY/NO_PROXY, else the system's
        m_endpointHost = QUrl(m_options.endpoint).host();
    }

    QNetworkReply* get(const QUrl& url, qint64 offset = 0)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("User-Agent", "eikona/" EIKONA_VERSION);
        request.setRawHeader("Accept-Encoding", "identity");
        if (!m_options.token.isEmpty() && url.host() == m_endpointHost)
            request.setRawHeader("Authorization", "Bearer " + m_options.token.toUtf8());
        if (offset > 0)
            request.setRawHeader("Range", "bytes=" + QByteArray::number(offset) + '-');
        request.setTransferTimeout(60000);
        return m_network.get(request);
    }

    QNetworkAccessManager& network() { return m_network; }

  private:
    HubOptions m_options;
    QString m_endpointHost;
    QNetworkAccessManager m_network;
};

int statusOf(QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

std::optional<QUrl> redirectTarget(QNetworkReply* reply)
{
    const int status = statusOf(reply);
    if (status < 300 || status >= 400 || status == 304)
        return std::nullopt;
    const auto location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    if (!location.isValid())
        return std::nullopt;
    return reply->url().resolved(location);
}

struct RepoCache {
    QDir repo;
    QDir locks;

    QString blob(const QString& etag) const { return repo.filePath(QStringLiteral("blobs/") + etag); }
    QString snapshot(const QString& commit) const
    {
        return repo.filePath(QStringLiteral("snapshots/") + commit);
    }
};

// snapshots/<commit>/<path> -> ../../blobs/<etag>, relative like huggingface_hub's.
bool linkIntoSnapshot(const RepoCache& cache, const QString& commit, const HubFile& file)
{
    const auto link = QDir(cache.snapshot(commit)).filePath(file.path);
    QDir().mkpath(QFileInfo(link).absolutePath());
    const auto target = QFileInfo(link).absoluteDir().relativeFilePath(cache.blob(file.etag()));
    if (QFileInfo(link).isSymLink() || QFileInfo::exists(link))
        QFile::remove(link);
    return QFile::link(target, link);
}

bool linkedAndPresent(const RepoCache& cache, const QString& commit, const HubFile& file)
{
    const QFileInfo link(QDir(cache.snapshot(commit)).filePath(file.path));
    return link.exists() && link.size() == file.size;
}

// One file's transfer into blobs/<etag>.incomplete.
struct Transfer {
    HubFile file;
    std::unique_ptr<QLockFile> lock;
    QFile partial;
    QPointer<QNetworkReply> reply;
    qint64 offset = 0; ///< bytes already on disk when this request started
    int redirects = 0;
    int restarts = 0; ///< from the first byte, after a range answer that did not fit
    bool writing = false;
    bool rangeRefused = false;
};

class Downloader {
  public:
    Downloader(Hub& hub, const HubOptions& options, const RepoCache& cache, QString repoId, QString commit,
               QList<HubFile> files, const std::function<void(const DownloadProgress&)>& progress,
               const std::function<bool()>& cancelled)
        : m_hub(hub), m_options(options), m_cache(cache), m_repoId(std::move(repoId)),
          m_commit(std::move(commit)), m_queue(std::move(files)), m_progress(progress), m_cancelled(cancelled)
    {
        for (const auto& file : m_queue)
            m_total.bytesTotal += file.size;
        m_total.filesTotal = static_cast<int>(m_queue.size());
    }

    qint64 run()
    {
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, [this] { tick(); });
        ticker.start(200);
        m_clock.start();
        QTimer::singleShot(0, [this] { startMore(); });
        m_loop.exec();
        for (auto& transfer : m_active)
            abort(*transfer);
        m_active.clear();
        report();
        if (m_error)
            std::rethrow_exception(m_error);
        return m_fetched;
    }

  private:
    template <typename Error> void fail(const Error& error)
    {
        if (!m_error)
            m_error = std::make_exception_ptr(error); // keeps the type: HubCancelled stays one
        m_loop.quit();
    }

    void tick()
    {
        if (m_cancelled && m_cancelled())
            return fail(HubCancelled());
        startMore(); // retries files whose lock another process held
        report();
    }

    void report()
    {
        if (!m_progress)
            return;
        auto progress = m_total;
        for (const auto& transfer : m_active)
            progress.bytesDone += transfer->partial.isOpen() ? transfer->partial.size() : 0;
        const double seconds = static_cast<double>(m_clock.elapsed()) / 1000.0;
        progress.bytesPerSecond =
            seconds > 0 ? static_cast<double>(m_fetched + activeFetched()) / seconds : 0;
        m_progress(progress);
    }

    qint64 activeFetched() const
    {
        qint64 bytes = 0;
        for (const auto& transfer : m_active)
            if (transfer->partial.isOpen())
                bytes += transfer->partial.size() - transfer->offset;
        return bytes;
    }

    void finishFile(const HubFile& file)
    {
        m_total.bytesDone += file.size;
        ++m_total.filesDone;
    }

    // Starts files until `parallelFiles` run. begin() may complete a file at once (its part was
    // already whole), and complete() asks for more: that nested call must not run, since the
    // files waiting for another process's lock are out of the queue until this loop ends, and a
    // queue that looked empty would end the download with them missing.
    void startMore()
    {
        if (m_error || m_starting)
            return;
        m_starting = true;
        QList<HubFile> waiting;
        while (!m_queue.isEmpty() &&
               m_active.size() < static_cast<std::size_t>(std::max(1, m_options.parallelFiles))) {
            const auto file = m_queue.takeFirst();
            if (!begin(file))
                waiting.append(file); // another process holds its lock: try again on the next tick
            if (m_error)
                break;
        }
        m_starting = false;
        m_queue = waiting + m_queue;
        if (!m_error && m_queue.isEmpty() && m_active.empty())
            m_loop.quit();
    }

    // Returns false when another process is fetching the same blob.
    bool begin(const HubFile& file)
    {
        const auto blob = m_cache.blob(file.etag());
        auto lock =
            std::make_unique<QLockFile>(m_cache.locks.filePath(file.etag() + QStringLiteral(".lock")));
        lock->setStaleLockTime(0); // only a dead owner makes a lock stale, never its age
        if (!lock->tryLock(0)) {
            if (lock->error() == QLockFile::LockFailedError)
                return false;
            fail(HubError(text(QStringLiteral("cannot create a lock file in %1: check its permissions")
                                   .arg(m_cache.locks.path())),
                          HubFailure::Storage));
            return true;
        }
        if (QFileInfo(blob).size() == file.size && QFileInfo::exists(blob)) {
            link(file);
            return true;
        }
        auto transfer = std::make_unique<Transfer>();
        transfer->file = file;
        transfer->lock = std::move(lock);
        transfer->partial.setFileName(blob + QStringLiteral(".incomplete"));
        if (!transfer->partial.open(QIODevice::ReadWrite |
                                    QIODevice::Unbuffered)) { // write errors show at once
            fail(HubError(text(QStringLiteral("cannot write %1: %2")
                                   .arg(transfer->partial.fileName(), transfer->partial.errorString())),
                          HubFailure::Storage));
            return true;
        }
        if (transfer->partial.size() > file.size)
            transfer->partial.resize(0); // not ours after all: start over
        transfer->offset = transfer->partial.size();
        transfer->partial.seek(transfer->offset);
        auto* raw = transfer.get();
        m_active.push_back(std::move(transfer));
        if (raw->offset == file.size)
            complete(*raw);
        else
            request(*raw, QUrl(m_options.endpoint + u'/' + m_repoId + QStringLiteral("/resolve/") + m_commit +
                               u'/' + file.path));
        return true;
    }

    void request(Transfer& transfer, const QUrl& url)
    {
        transfer.writing = false;
        auto* reply = m_hub.get(url, transfer.offset);
        transfer.reply = reply;
        QObject::connect(reply, &QNetworkReply::metaDataChanged, [this, &transfer, reply] {
            const int status = statusOf(reply);
            if (status == 206) {
                // A part other than the one asked for (a proxy's cache, a broken mirror) would be
                // spliced onto the partial file: refused, and the file fetched again from its start.
                if (rangeContinues(reply->rawHeader("Content-Range"), transfer.offset, transfer.file.size)) {
                    transfer.writing = true;
                } else {
                    transfer.rangeRefused = true;
                    reply->abort();
                }
            } else if (status == 200) {
                // The server sends the whole file: start it over.
                transfer.partial.resize(0);
                transfer.partial.seek(0);
                transfer.offset = 0;
                transfer.writing = true;
            }
        });
        QObject::connect(reply, &QNetworkReply::readyRead, [this, &transfer, reply] {
            if (!transfer.writing)
                return;
            const auto bytes = reply->readAll();
            if (transfer.partial.write(bytes) != bytes.size()) {
                // The error first: aborting finishes the reply at once, and its handler must see it.
                fail(HubError(
                    text(QStringLiteral(
                             "cannot write %1 (%2): is the disk full? The part already fetched is kept "
                             "and resumes next time")
                             .arg(transfer.partial.fileName(), transfer.partial.errorString())),
                    HubFailure::Storage));
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, [this, &transfer, reply, url] {
            reply->deleteLater();
            if (m_error)
                return;
            if (transfer.rangeRefused) {
                transfer.rangeRefused = false;
                if (transfer.offset == 0 || ++transfer.restarts > 1)
                    return fail(HubError(
                        text(QStringLiteral("the server answered %1 with a part of it other than the one "
                                            "asked for (Content-Range \"%2\"); nothing was cached")
                                 .arg(transfer.file.path,
                                      QString::fromLatin1(reply->rawHeader("Content-Range").left(100)))),
                        HubFailure::Corrupt));
                transfer.partial.resize(0);
                transfer.partial.seek(0);
                transfer.offset = 0;
                return request(transfer, url);
            }
            if (const auto target = redirectTarget(reply)) {
                if (++transfer.redirects > k_maxRedirects)
                    return fail(
                        HubError(text(QStringLiteral("too many redirects for %1").arg(transfer.file.path))));
                return request(transfer, *target);
            }
            const int status = statusOf(reply);
            if (status == 416 && transfer.partial.size() == transfer.file.size)
                return complete(transfer);
            if (reply->error() != QNetworkReply::NoError && status != 200 && status != 206) {
                if (status >= 400)
                    return fail(HubError(text(httpProblem(status, transfer.file.path, m_repoId,
                                                          reply->rawHeader("X-Error-Code"))),
                                         httpFailure(status)));
                return fail(HubError(
                    text(QStringLiteral(
                             "downloading %1 failed: %2 (what was fetched is kept and resumes next time)")
                             .arg(transfer.file.path, reply->errorString())),
                    HubFailure::Unreachable));
            }
            if (reply->error() != QNetworkReply::NoError)
                return fail(
                    HubError(text(QStringLiteral("downloading %1 was interrupted: %2 (it resumes next time)")
                                      .arg(transfer.file.path, reply->errorString())),
                             HubFailure::Unreachable));
            complete(transfer);
        });
    }

    void complete(Transfer& transfer)
    {
        const auto& file = transfer.file;
        transfer.partial.flush();
        const auto size = transfer.partial.size();
        if (size != file.size) {
            transfer.partial.remove();
            return fail(HubError(
                text(QStringLiteral("%1 arrived with %2 bytes instead of %3; it was discarded, not cached")
                         .arg(file.path)
                         .arg(size)
                         .arg(file.size)),
                HubFailure::Corrupt));
        }
        // LFS files by their SHA-256, the others by their git blob id: either names the blob.
        QString actual;
        if (!file.sha256.isEmpty()) {
            transfer.partial.seek(0);
            actual = hashDevice(transfer.partial, QCryptographicHash::Sha256).value_or(QString());
        } else {
            actual = gitBlobId(transfer.partial);
        }
        if (actual != file.etag()) {
            transfer.partial.remove();
            return fail(HubError(
                text(QStringLiteral("%1 is corrupt (its %2 does not match the hub's); it was discarded, "
                                    "not cached: try again")
                         .arg(file.path, file.sha256.isEmpty() ? QStringLiteral("git blob SHA-1")
                                                               : QStringLiteral("SHA-256"))),
                HubFailure::Corrupt));
        }
        transfer.partial.close();
        const auto blob = m_cache.blob(file.etag());
        QFile::remove(blob);
        if (!transfer.partial.rename(blob))
            return fail(HubError(text(QStringLiteral("cannot move %1 into the cache: %2")
                                          .arg(file.path, transfer.partial.errorString())),
                                 HubFailure::Storage));
        m_fetched += size - transfer.offset;
        link(file);
        transfer.lock->unlock();
        std::erase_if(m_active, [&](const auto& active) { return active.get() == &transfer; });
        startMore();
    }

    void link(const HubFile& file)
    {
        if (!linkIntoSnapshot(m_cache, m_commit, file))
            return fail(HubError(text(QStringLiteral("cannot link %1 into the snapshot folder %2")
                                          .arg(file.path, m_cache.snapshot(m_commit))),
                                 HubFailure::Storage));
        finishFile(file);
    }

    void abort(Transfer& transfer)
    {
        if (transfer.reply)
            transfer.reply->abort();
        transfer.partial.close(); // the .incomplete file stays: it resumes next time
    }

    Hub& m_hub;
    const HubOptions& m_options;
    const RepoCache& m_cache;
    QString m_repoId;
    QString m_commit;
    QList<HubFile> m_queue;
    std::vector<std::unique_ptr<Transfer>> m_active;
    std::function<void(const DownloadProgress&)> m_progress;
    std::function<bool()> m_cancelled;
    DownloadProgress m_total;
    qint64 m_fetched = 0;
    bool m_starting = false; ///< inside startMore()
    QElapsedTimer m_clock;
    QEventLoop m_loop;
    std::exception_ptr m_error;
};

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
        fetched = Downloader(hub, options, cache, repoId, commit, missing, progress, cancelled).run();
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
