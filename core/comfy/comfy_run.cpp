#include "comfy_run.h"

#include "comfy_jobs.h"
#include "proxy_settings.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>
#include <utility>

namespace eikona::comfy {

namespace {

constexpr qsizetype k_maxEarlyMessages = 1000;

QUrl webSocketUrl(const QUrl& server, const QString& clientId)
{
    QUrl url = server;
    url.setScheme(server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    auto prefix = server.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + QStringLiteral("/ws"));
    url.setQuery(QStringLiteral("clientId=") + clientId);
    return url;
}

[[noreturn]] void refuse(const QString& message)
{
    throw ComfyError(message.toStdString());
}

// One prompt watched over the WebSocket until it ends. The socket's handlers only note what
// came and wake the loop in wait(), so no request is made from inside a socket's signal.
class PromptRun {
  public:
    PromptRun(const QUrl& server, const QString& token, const ComfyRunCallbacks& callbacks,
              const ComfyRunOptions& options)
        : m_http(server, token, options.requestTimeoutMs), m_callbacks(callbacks), m_options(options),
          m_clientId(options.clientId.isEmpty() ? newComfyClientId() : options.clientId)
    {
        m_request = QNetworkRequest(webSocketUrl(server, m_clientId));
        // The environment's proxy, as for the HTTP requests (asked for the http(s) address: a
        // ws:// one has no variable of its own); none named: the system's settings.
        if (const auto proxy = store::environmentProxyFor(server, QProcessEnvironment::systemEnvironment()))
            m_socket.setProxy(*proxy);
        if (!token.isEmpty())
            m_request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QObject::connect(&m_socket, &QWebSocket::connected, &m_loop, [this] {
            m_connected = true;
            // Previews with their prompt id (v0.3.65 and later; older servers ignore it).
            m_socket.sendTextMessage(
                QStringLiteral(R"({"type": "feature_flags", "data": {"supports_preview_metadata": true}})"));
            m_loop.quit();
        });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_loop, [this] {
            m_connected = false;
            m_lost = true;
            m_loop.quit();
        });
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_loop,
                         [this](const QString& text) { onText(text.toUtf8()); });
        QObject::connect(&m_socket, &QWebSocket::binaryMessageReceived, &m_loop,
                         [this](const QByteArray& frame) { onBinary(frame); });
        m_poll.setInterval(100); // cancellation, and the wake-up for timeouts
        QObject::connect(&m_poll, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        m_poll.start();
    }

    ComfyHttp& http() { return m_http; }
    const QString& clientId() const { return m_clientId; }

    // Connected before anything is sent: events of a quick job would be missed otherwise.
    void connect()
    {
        QElapsedTimer waiting;
        waiting.start();
        m_socket.open(m_request);
        while (!m_connected) {
            if (m_lost || waiting.elapsed() > m_options.requestTimeoutMs)
                throw ComfyUnreachable(QStringLiteral("cannot reach the server at %1 over its WebSocket: %2")
                                           .arg(m_http.where(), m_socket.errorString())
                                           .toStdString());
            if (cancelledNow())
                throw ComfyCancelled("cancelled before the job was sent");
            m_loop.exec();
        }
    }

    // The prompt is known: events held back until now are read.
    void follow(const QString& promptId)
    {
        m_promptId = promptId;
        for (const auto& message : std::exchange(m_early, {})) {
            if (message.binary)
                onBinary(message.bytes);
            else
                onText(message.bytes);
        }
    }

    // A prompt picked up again: done already, running, waiting, or unknown to the server
    // (restarted: its queue and history are gone).
    void checkStanding()
    {
        if (!lookAtServer())
            lostOnServer();
    }

    void wait()
    {
        int retryMs = m_options.firstRetryMs;
        QElapsedTimer sinceLost;
        QElapsedTimer nextTry;
        QElapsedTimer sincePoll;
        sincePoll.start();
        while (!m_finished) {
            m_loop.exec();
            if (m_callbacks.leave && m_callbacks.leave())
                throw ComfyLeft(QStringLiteral("stopped waiting for prompt %1; it runs on, on the server")
                                    .arg(m_promptId)
                                    .toStdString());
            if (!m_cancelSent && cancelledNow()) {
                // ComfyUI runs one prompt at a time: /interrupt stops whichever runs, so ours
                // only once it has started; a waiting one leaves the queue instead.
                if (m_started)
                    interrupt(m_http);
                else
                    deleteWaiting(m_http, {m_promptId});
                m_cancelSent = true;
                if (!m_started)
                    throw ComfyCancelled("cancelled while it waited on the server");
            }
            if (m_lost && !m_connected) {
                if (!sinceLost.isValid()) {
                    sinceLost.start();
                    nextTry.start();
                    say(QStringLiteral("the connection to %1 was lost; reconnecting in %2 s")
                            .arg(m_http.where())
                            .arg(retryMs / 1000.0));
                }
                if (sinceLost.elapsed() > m_options.giveUpAfterMs)
                    throw ComfyUnreachable(
                        QStringLiteral("the server at %1 has been unreachable for %2 s; the "
                                       "job (prompt %3) stays on it")
                            .arg(m_http.where())
                            .arg(sinceLost.elapsed() / 1000)
                            .arg(m_promptId)
                            .toStdString());
                if (nextTry.elapsed() >= retryMs && m_socket.state() == QAbstractSocket::UnconnectedState) {
                    m_socket.open(m_request);
                    nextTry.start();
                    retryMs = std::min(retryMs * 2, m_options.lastRetryMs);
                }
            }
            if (m_lost && m_connected) {
                // Back: what happened while we were away is in the prompt's record.
                m_lost = false;
                sinceLost.invalidate();
                retryMs = m_options.firstRetryMs;
                say(QStringLiteral("reconnected to %1").arg(m_http.where()));
                lookAgain();
                sincePoll.start();
            } else if (m_connected && sincePoll.elapsed() >= m_options.historyPollMs) {
                lookAgain();
                sincePoll.start();
            }
        }
        m_socket.close();
    }

    ComfyRunResult result()
    {
        if (!m_failure.isEmpty())
            refuse(m_failure);
        if (m_cancelSent)
            throw ComfyCancelled("cancelled");
        const auto record = history(m_http, m_promptId);
        if (!record || !record->completed)
            refuse(QStringLiteral("the server did not finish the job (%1)")
                       .arg(record ? record->status : QStringLiteral("no record of it")));
        ComfyRunResult result;
        result.promptId = m_promptId;
        for (const auto& image : record->images)
            if (image.type == QLatin1String("output"))
                result.images.append(fetchImage(m_http, image));
        return result;
    }

  private:
    struct Early {
        bool binary = false;
        QByteArray bytes;
    };

    bool cancelledNow() const { return m_callbacks.cancelled && m_callbacks.cancelled(); }

    void say(const QString& message) const
    {
        if (m_callbacks.status)
            m_callbacks.status(message);
    }

    [[noreturn]] void lostOnServer() const
    {
        throw ComfyForgotten(
            QStringLiteral("the server at %1 no longer knows the job (prompt %2): it may have restarted; "
                           "queue it again")
                .arg(m_http.where(), m_promptId)
                .toStdString());
    }

    // The prompt's record and the queue: false when the server knows nothing of the prompt.
    // The record is read again after the queue, as the prompt may have left one for the other
    // between the two answers.
    bool lookAtServer()
    {
        if (history(m_http, m_promptId)) {
            m_finished = true;
            return true;
        }
        const auto waiting = queue(m_http);
        if (waiting.running.contains(m_promptId))
            m_started = true;
        if (waiting.contains(m_promptId))
            return true;
        if (history(m_http, m_promptId)) {
            m_finished = true;
            return true;
        }
        return false;
    }

    // While running: a failed look is no news (the WebSocket or the next look tells); a server
    // that no longer knows the prompt ends the wait.
    void lookAgain()
    {
        bool known = true;
        try {
            known = lookAtServer();
        } catch (const ComfyError&) {
            return;
        }
        if (!known)
            lostOnServer();
    }

    // A quick server sends the prompt's first events before POST /prompt has answered with
    // its id: they wait until the id is known (a bounded number: a server that floods the
    // socket meanwhile loses the rest, not our memory).
    bool heldBack(bool binary, const QByteArray& bytes)
    {
        if (!m_promptId.isEmpty())
            return false;
        if (m_early.size() < k_maxEarlyMessages)
            m_early.append({binary, bytes});
        return true;
    }

    void onText(const QByteArray& text)
    {
        if (heldBack(false, text))
            return;
        const auto event = parseComfyMessage(text);
        if (!event || event->promptId != m_promptId)
            return;
        switch (event->kind) {
        case ComfyEvent::Kind::Started:
            m_started = true;
            break;
        case ComfyEvent::Kind::Progress:
            m_started = true;
            if (m_callbacks.progress)
                m_callbacks.progress(event->value, event->maximum);
            break;
        case ComfyEvent::Kind::Executing:
            m_started = true;
            if (event->finished) {
                m_finished = true;
                m_loop.quit();
            }
            break;
        case ComfyEvent::Kind::Failed:
            m_failure = event->message.isEmpty()
                            ? QStringLiteral("the server could not run the job")
                            : QStringLiteral("the server could not run the job: %1").arg(event->message);
            m_finished = true;
            m_loop.quit();
            break;
        default:
            break;
        }
    }

    // ComfyUI sends previews only to the client that submitted the prompt.
    void onBinary(const QByteArray& frame)
    {
        if (heldBack(true, frame) || m_finished || !m_callbacks.preview)
            return;
        const auto preview = parsePreviewFrame(frame);
        if (preview && (preview->promptId.isEmpty() || preview->promptId == m_promptId))
            m_callbacks.preview(*preview);
    }

    ComfyHttp m_http;
    const ComfyRunCallbacks& m_callbacks;
    const ComfyRunOptions& m_options;
    QString m_clientId;
    QNetworkRequest m_request;
    QWebSocket m_socket;
    QEventLoop m_loop;
    QTimer m_poll;
    QString m_promptId;
    QList<Early> m_early;
    bool m_connected = false;
    bool m_lost = false;
    bool m_started = false;  ///< our prompt began to run
    bool m_finished = false; ///< our prompt ended (done, failed or interrupted)
    bool m_cancelSent = false;
    QString m_failure;
};

} // namespace

QString newComfyClientId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).remove(u'-');
}

ComfyRunResult runComfyJob(const QUrl& server, const QString& token, ComfyJob job, const QByteArray& initPng,
                           const ComfyRunCallbacks& callbacks, const ComfyRunOptions& options)
{
    PromptRun run(server, token, callbacks, options);
    run.connect();
    if (!initPng.isEmpty())
        job.initImage =
            uploadImage(run.http(), initPng, QStringLiteral("eikona-%1.png").arg(run.clientId().left(12)));
    const auto promptId = submitPrompt(run.http(), comfyGraph(job), run.clientId());
    if (callbacks.submitted)
        callbacks.submitted(promptId);
    run.follow(promptId);
    run.wait();
    return run.result();
}

ComfyRunResult resumeComfyJob(const QUrl& server, const QString& token, const QString& promptId,
                              const ComfyRunCallbacks& callbacks, const ComfyRunOptions& options)
{
    PromptRun run(server, token, callbacks, options);
    run.connect();
    run.follow(promptId);
    run.checkStanding();
    run.wait();
    return run.result();
}

} // namespace eikona::comfy
