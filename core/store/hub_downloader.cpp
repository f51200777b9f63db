#include "hub_downloader.h"

#include "hub_cache.h"
#include "model_hash.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLockFile>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <exception>
#include <memory>

namespace eikona::store::hub_detail {

namespace {

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

} // namespace

qint64 downloadFiles(Hub& hub, const HubOptions& options, const RepoCache& cache, QString repoId,
                     QString commit, QList<HubFile> files,
                     const std::function<void(const DownloadProgress&)>& progress,
                     const std::function<bool()>& cancelled)
{
    return Downloader(hub, options, cache, std::move(repoId), std::move(commit), std::move(files), progress,
                      cancelled)
        .run();
}

} // namespace eikona::store::hub_detail
