#include "comfy_run.h"

#include "comfy_jobs.h"

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

// What the WebSocket brought, for the loop in runComfyJob to act on: handlers only note and
// wake it, so no request is made from inside a socket's signal.
struct Notes {
    bool connected = false;
    bool lost = false;
    bool started = false;  ///< our prompt began to run
    bool finished = false; ///< our prompt ended (done, failed or interrupted)
    QString failure;
};

} // namespace

ComfyRunResult runComfyJob(const QUrl& server, const QString& token, ComfyJob job, const QByteArray& initPng,
                           const ComfyRunCallbacks& callbacks, const ComfyRunOptions& options)
{
    ComfyHttp http(server, token, options.requestTimeoutMs);
    const auto clientId = QUuid::createUuid().toString(QUuid::WithoutBraces).remove(u'-');
    QNetworkRequest request(webSocketUrl(server, clientId));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());

    QWebSocket socket;
    QEventLoop loop;
    Notes notes;
    QString promptId;
    const auto say = [&](const QString& message) {
        if (callbacks.status)
            callbacks.status(message);
    };
    QObject::connect(&socket, &QWebSocket::connected, &loop, [&] {
        notes.connected = true;
        // Previews with their prompt id (v0.3.65 and later; older servers ignore it).
        socket.sendTextMessage(
            QStringLiteral(R"({"type": "feature_flags", "data": {"supports_preview_metadata": true}})"));
        loop.quit();
    });
    QObject::connect(&socket, &QWebSocket::disconnected, &loop, [&] {
        notes.connected = false;
        notes.lost = true;
        loop.quit();
    });
    // A quick server sends the prompt's first events before POST /prompt has answered with its
    // id: they wait here until the id is known (a bounded number: a server that floods the
    // socket meanwhile loses the rest, not our memory).
    struct Early {
        bool binary = false;
        QByteArray bytes;
    };
    QList<Early> early;
    const auto onText = [&](const QString& text) {
        if (promptId.isEmpty()) {
            if (early.size() < k_maxEarlyMessages)
                early.append({false, text.toUtf8()});
            return;
        }
        const auto event = parseComfyMessage(text.toUtf8());
        if (!event || event->promptId != promptId)
            return;
        switch (event->kind) {
        case ComfyEvent::Kind::Started:
            notes.started = true;
            break;
        case ComfyEvent::Kind::Progress:
            notes.started = true;
            if (callbacks.progress)
                callbacks.progress(event->value, event->maximum);
            break;
        case ComfyEvent::Kind::Executing:
            notes.started = true;
            if (event->finished) {
                notes.finished = true;
                loop.quit();
            }
            break;
        case ComfyEvent::Kind::Failed:
            notes.failure = event->message.isEmpty()
                                ? QStringLiteral("the server could not run the job")
                                : QStringLiteral("the server could not run the job: %1").arg(event->message);
            notes.finished = true;
            loop.quit();
            break;
        default:
            break;
        }
    };
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &loop, onText);
    // ComfyUI sends previews only to the client that submitted the prompt (our id is this run's).
    const auto onBinary = [&](const QByteArray& frame) {
        if (promptId.isEmpty()) {
            if (early.size() < k_maxEarlyMessages)
                early.append({true, frame});
            return;
        }
        if (notes.finished || !callbacks.preview)
            return;
        const auto preview = parsePreviewFrame(frame);
        if (preview && (preview->promptId.isEmpty() || preview->promptId == promptId))
            callbacks.preview(*preview);
    };
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &loop, onBinary);
    QTimer poll; // cancellation, and the wake-up for timeouts
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start();

    const auto cancelledNow = [&] { return callbacks.cancelled && callbacks.cancelled(); };
    // Connected before anything is sent: events of a quick job would be missed otherwise.
    QElapsedTimer waiting;
    waiting.start();
    socket.open(request);
    while (!notes.connected) {
        if (notes.lost || waiting.elapsed() > options.requestTimeoutMs)
            throw ComfyError(QStringLiteral("cannot reach the server at %1 over its WebSocket: %2")
                                 .arg(http.where(), socket.errorString())
                                 .toStdString());
        if (cancelledNow())
            throw ComfyCancelled("cancelled before the job was sent");
        loop.exec();
    }

    if (!initPng.isEmpty())
        job.initImage = uploadImage(http, initPng, QStringLiteral("eikona-%1.png").arg(clientId.left(12)));
    promptId = submitPrompt(http, comfyGraph(job), clientId);
    if (callbacks.submitted)
        callbacks.submitted(promptId);
    for (const auto& message : std::exchange(early, {})) {
        if (message.binary)
            onBinary(message.bytes);
        else
            onText(QString::fromUtf8(message.bytes));
    }

    int retryMs = options.firstRetryMs;
    QElapsedTimer sinceLost;
    QElapsedTimer nextTry;
    bool cancelSent = false;
    while (!notes.finished) {
        loop.exec();
        if (!cancelSent && cancelledNow()) {
            // ComfyUI runs one prompt at a time: /interrupt stops whichever runs, so ours only
            // once it has started; a waiting one leaves the queue instead.
            if (notes.started)
                interrupt(http);
            else
                deleteWaiting(http, {promptId});
            cancelSent = true;
            if (!notes.started)
                throw ComfyCancelled("cancelled while it waited on the server");
        }
        if (notes.lost && !notes.connected) {
            if (!sinceLost.isValid()) {
                sinceLost.start();
                nextTry.start();
                say(QStringLiteral("the connection to %1 was lost; reconnecting in %2 s")
                        .arg(http.where())
                        .arg(retryMs / 1000.0));
            }
            if (sinceLost.elapsed() > options.giveUpAfterMs)
                throw ComfyError(
                    QStringLiteral("the server at %1 has been unreachable for %2 s; the job (prompt %3) "
                                   "stays on it")
                        .arg(http.where())
                        .arg(sinceLost.elapsed() / 1000)
                        .arg(promptId)
                        .toStdString());
            if (nextTry.elapsed() >= retryMs && socket.state() == QAbstractSocket::UnconnectedState) {
                socket.open(request);
                nextTry.start();
                retryMs = std::min(retryMs * 2, options.lastRetryMs);
            }
        }
        if (notes.lost && notes.connected) {
            // Back: what happened while we were away is in the prompt's record.
            notes.lost = false;
            sinceLost.invalidate();
            retryMs = options.firstRetryMs;
            say(QStringLiteral("reconnected to %1").arg(http.where()));
            try {
                if (history(http, promptId))
                    notes.finished = true;
            } catch (const ComfyError&) {
                // The server went again: the WebSocket says so next.
            }
        }
    }
    socket.close();
    if (!notes.failure.isEmpty())
        throw ComfyError(notes.failure.toStdString());
    if (cancelSent)
        throw ComfyCancelled("cancelled");
    const auto record = history(http, promptId);
    if (!record || !record->completed)
        throw ComfyError(QStringLiteral("the server did not finish the job (%1)")
                             .arg(record ? record->status : QStringLiteral("no record of it"))
                             .toStdString());
    ComfyRunResult result;
    result.promptId = promptId;
    for (const auto& image : record->images)
        if (image.type == QLatin1String("output"))
            result.images.append(fetchImage(http, image));
    return result;
}

} // namespace eikona::comfy
