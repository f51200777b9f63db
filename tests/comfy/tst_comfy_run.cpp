// A whole job on a ComfyUI server: against a fake server that plays a job's events over its
// WebSocket as the recorded servers did: txt2img and img2img end to end (the graph sent,
// steps and previews received, the picture fetched), the WebSocket dropped mid-job and the
// result still fetched, a refused job, the server gone for good, cancelling a running and a
// waiting job.

#include "comfy_run.h"
#include "fake_comfy_jobs.h"
#include "scoped_environment.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QTest>
#include <QtEndian>

using namespace eikona::comfy;
using eikona::testing::FakeComfyServer;

namespace {

const QString k_transcript = QStringLiteral(EIKONA_TEST_DATA "/comfyui/comfyui-v0332.jsonl");
const QString k_prompt = QStringLiteral("11111111-2222-3333-4444-555555555555");

QByteArray png(Qt::GlobalColor color)
{
    QImage picture(64, 64, QImage::Format_RGB888);
    picture.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    return bytes;
}

QByteArray message(const char* type, const QJsonObject& data)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject ofPrompt(QJsonObject data = {})
{
    data.insert(QStringLiteral("prompt_id"), k_prompt);
    return data;
}

QByteArray previewFrame()
{
    QByteArray frame(8, '\0');
    qToBigEndian<quint32>(1, frame.data());
    qToBigEndian<quint32>(1, frame.data() + 4);
    return frame + QByteArray("\xff\xd8\xff\xe0 a preview", 14);
}

/// A server whose job ends with one picture; `play` plays its events.
struct Setup {
    FakeComfyServer server{k_transcript};
    QByteArray picture = png(Qt::darkMagenta);

    Setup()
    {
        server.postAnswers.insert(
            QStringLiteral("/prompt"),
            {200, QJsonDocument(QJsonObject{{QStringLiteral("prompt_id"), k_prompt},
                                            {QStringLiteral("number"), 1},
                                            {QStringLiteral("node_errors"), QJsonObject{}}})
                      .toJson()});
        server.postAnswers.insert(QStringLiteral("/upload/image"),
                                  {200, R"({"name": "eikona-in.png", "subfolder": "", "type": "input"})"});
        server.postAnswers.insert(QStringLiteral("/interrupt"), {200, "", "text/plain"});
        server.postAnswers.insert(QStringLiteral("/queue"), {200, "", "text/plain"});
        server.answers.insert(QStringLiteral("/history/") + k_prompt, {200, "{}"});
        queue({}, {k_prompt});
        server.answers.insert(QStringLiteral("/view?filename=eikona_00001_.png&subfolder=&type=output"),
                              {200, picture, "image/png"});
    }

    void queue(const QStringList& running, const QStringList& pending)
    {
        server.answers.insert(QStringLiteral("/queue"), eikona::testing::queueAnswer(running, pending));
    }

    void finishJob(const char* status = "success", bool completed = true)
    {
        const auto record = QJsonObject{
            {k_prompt,
             QJsonObject{
                 {QStringLiteral("outputs"),
                  QJsonObject{
                      {QStringLiteral("9"),
                       QJsonObject{{QStringLiteral("images"),
                                    QJsonArray{QJsonObject{
                                        {QStringLiteral("filename"), QStringLiteral("eikona_00001_.png")},
                                        {QStringLiteral("subfolder"), QString()},
                                        {QStringLiteral("type"), QStringLiteral("output")}}}}}}}},
                 {QStringLiteral("status"), QJsonObject{{QStringLiteral("status_str"), QLatin1String(status)},
                                                        {QStringLiteral("completed"), completed}}}}}};
        server.answers.insert(QStringLiteral("/history/") + k_prompt, {200, QJsonDocument(record).toJson()});
    }

    void playSteps(int from, int to)
    {
        for (int step = from; step <= to; ++step) {
            server.sendText(message("progress", ofPrompt({{QStringLiteral("value"), step},
                                                          {QStringLiteral("max"), 3},
                                                          {QStringLiteral("node"), QStringLiteral("3")}})));
            server.sendBinary(previewFrame());
        }
    }

    void playWholeJob()
    {
        server.sendText(message("execution_start", ofPrompt()));
        server.sendText(message("executing", ofPrompt({{QStringLiteral("node"), QStringLiteral("3")}})));
        playSteps(1, 3);
        finishJob();
        server.sendText(message("execution_success", ofPrompt()));
        server.sendText(message("executing", ofPrompt({{QStringLiteral("node"), QJsonValue::Null}})));
    }
};

ComfyJob job()
{
    ComfyJob job;
    job.checkpoint = QStringLiteral("sd15-random.safetensors");
    job.prompt = QStringLiteral("a red fox");
    job.steps = 3;
    job.width = job.height = 64;
    job.seed = 42;
    return job;
}

ComfyRunOptions quick()
{
    ComfyRunOptions options;
    options.requestTimeoutMs = 5000;
    options.firstRetryMs = 100;
    options.lastRetryMs = 400;
    return options;
}

} // namespace

class TestComfyRun : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void txt2imgEndToEnd()
    {
        Setup setup;
        setup.server.onPost = [&](const QString& path, const QJsonObject&) {
            if (path == QStringLiteral("/prompt"))
                setup.playWholeJob();
        };
        QList<int> steps;
        int previews = 0;
        ComfyRunCallbacks callbacks;
        callbacks.progress = [&](int step, int of) {
            steps << step;
            QCOMPARE(of, 3);
        };
        callbacks.preview = [&](const ComfyPreview& preview) {
            previews += preview.mimeType == QStringLiteral("image/jpeg") ? 1 : 0;
        };
        const auto result = runComfyJob(QUrl(setup.server.url()), {}, job(), {}, callbacks, quick());
        QCOMPARE(result.promptId, k_prompt);
        QCOMPARE(result.images, QList<QByteArray>{setup.picture});
        QCOMPARE(steps, (QList<int>{1, 2, 3}));
        QCOMPARE(previews, 3);
        // Connected before the job was sent, under the client id the job names.
        QCOMPARE(setup.server.webSocketClientIds.size(), 1);
        const auto sent =
            QJsonDocument::fromJson(
                setup.server.bodies[setup.server.requests.indexOf(QStringLiteral("POST /prompt"))])
                .object();
        QCOMPARE(sent.value(QStringLiteral("client_id")).toString(), setup.server.webSocketClientIds[0]);
        QCOMPARE(sent.value(QStringLiteral("prompt")).toObject(), comfyGraph(job()));
        QVERIFY(setup.server.webSocketReceived.join(QString()).contains(
            QStringLiteral("supports_preview_metadata")));
    }

    void img2imgUploadsThePictureFirst()
    {
        Setup setup;
        setup.server.onPost = [&](const QString& path, const QJsonObject&) {
            if (path == QStringLiteral("/prompt"))
                setup.playWholeJob();
        };
        const auto init = png(Qt::darkGreen);
        auto img2img = job();
        img2img.strength = 0.6;
        runComfyJob(QUrl(setup.server.url()), {}, img2img, init, {}, quick());
        const auto upload = setup.server.requests.indexOf(QStringLiteral("POST /upload/image"));
        const auto prompt = setup.server.requests.indexOf(QStringLiteral("POST /prompt"));
        QVERIFY(upload >= 0 && upload < prompt);
        QVERIFY(setup.server.bodies[upload].contains(init));
        const auto graph = QJsonDocument::fromJson(setup.server.bodies[prompt])
                               .object()
                               .value(QStringLiteral("prompt"))
                               .toObject();
        QCOMPARE(graph.value(QStringLiteral("10"))
                     .toObject()
                     .value(QStringLiteral("inputs"))
                     .toObject()
                     .value(QStringLiteral("image"))
                     .toString(),
                 QStringLiteral("eikona-in.png"));
    }

    // The WebSocket drops after the first step and the job finishes while we are away: on
    // reconnecting, its record says so and the picture is fetched.
    void droppedConnectionStillGetsThePicture()
    {
        Setup setup;
        setup.server.onPost = [&](const QString& path, const QJsonObject&) {
            if (path != QStringLiteral("/prompt"))
                return;
            setup.server.sendText(message("execution_start", ofPrompt()));
            setup.playSteps(1, 1);
            setup.server.dropWebSockets();
            setup.finishJob(); // done meanwhile; its events went nowhere
        };
        QStringList said;
        ComfyRunCallbacks callbacks;
        callbacks.status = [&](const QString& message) { said << message; };
        const auto result = runComfyJob(QUrl(setup.server.url()), {}, job(), {}, callbacks, quick());
        QCOMPARE(result.images, QList<QByteArray>{setup.picture});
        QCOMPARE(setup.server.webSocketClientIds.size(), 2);
        QVERIFY2(said.join(u'\n').contains(QStringLiteral("lost")) &&
                     said.join(u'\n').contains(QStringLiteral("reconnected")),
                 qPrintable(said.join(u'\n')));
    }

    // The server restarted while we were away: the prompt is in neither its history nor its
    // queue, and waiting for it would last for ever.
    void droppedConnectionToARestartedServerSaysSo()
    {
        Setup setup;
        setup.server.onPost = [&](const QString& path, const QJsonObject&) {
            if (path != QStringLiteral("/prompt"))
                return;
            setup.server.sendText(message("execution_start", ofPrompt()));
            setup.queue({}, {});
            setup.server.dropWebSockets();
        };
        try {
            runComfyJob(QUrl(setup.server.url()), {}, job(), {}, {}, quick());
            QFAIL("a job the server forgot, waited for");
        } catch (const ComfyForgotten& error) {
            const auto text = QString::fromUtf8(error.what());
            QVERIFY2(text.contains(QStringLiteral("no longer knows")) && text.contains(k_prompt),
                     error.what());
        }
    }

    // Events that never come (a proxy that loses them): the prompt's record, read now and then,
    // still ends the wait.
    void recordReadWithoutEvents()
    {
        Setup setup;
        setup.server.onPost = [&](const QString& path, const QJsonObject&) {
            if (path == QStringLiteral("/prompt"))
                setup.finishJob();
        };
        auto options = quick();
        options.historyPollMs = 200;
        const auto result = runComfyJob(QUrl(setup.server.url()), {}, job(), {}, {}, options);
        QCOMPARE(result.images, QList<QByteArray>{setup.picture});
    }

    // After a restart of the app: a prompt that finished meanwhile is fetched, nothing sent.
    void resumedFinishedJobIsFetched()
    {
        Setup setup;
        setup.finishJob();
        const auto result = resumeComfyJob(QUrl(setup.server.url()), {}, k_prompt, {}, quick());
        QCOMPARE(result.images, QList<QByteArray>{setup.picture});
        QVERIFY(!setup.server.requests.contains(QStringLiteral("POST /prompt")));
    }

    // A prompt still running is followed under the client id it was submitted with (ComfyUI
    // sends its events to that client only).
    void resumedRunningJobIsFollowed()
    {
        Setup setup;
        setup.queue({k_prompt}, {});
        setup.server.onConnected = [&] {
            QTimer::singleShot(50, &setup.server, [&] { setup.playWholeJob(); });
        };
        auto options = quick();
        options.clientId = QStringLiteral("0123456789abcdef0123456789abcdef");
        QList<int> steps;
        ComfyRunCallbacks callbacks;
        callbacks.progress = [&](int step, int) { steps << step; };
        const auto result = resumeComfyJob(QUrl(setup.server.url()), {}, k_prompt, callbacks, options);
        QCOMPARE(result.images, QList<QByteArray>{setup.picture});
        QCOMPARE(steps, (QList<int>{1, 2, 3}));
        QCOMPARE(setup.server.webSocketClientIds, QStringList{options.clientId});
    }

    void resumedUnknownJobIsSaid()
    {
        Setup setup;
        setup.queue({QStringLiteral("someone-elses")}, {});
        try {
            resumeComfyJob(QUrl(setup.server.url()), {}, k_prompt, {}, quick());
            QFAIL("a job the server does not know, waited for");
        } catch (const ComfyForgotten& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("no longer knows")),
                     error.what());
        }
    }

    // The WebSocket goes through the proxy the environment names, as the HTTP requests do: its
    // first words to the proxy ask for a tunnel to the server.
    void webSocketTakesTheEnvironmentsProxy()
    {
        Setup setup;
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        QByteArray heard;
        connect(&proxy, &QTcpServer::newConnection, &proxy, [&] {
            while (auto* socket = proxy.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket,
                        [&heard, socket] { heard += socket->readAll(); });
        });
        eikona::testing::ScopedEnvironment environment;
        for (const auto* name : {"no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "HTTP_PROXY"})
            environment.unset(name);
        environment.set("http_proxy", QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort()).toUtf8());
        auto options = quick();
        options.requestTimeoutMs = 1500;
        QVERIFY_THROWS_EXCEPTION(ComfyUnreachable,
                                 runComfyJob(QUrl(setup.server.url()), {}, job(), {}, {}, options));
        QVERIFY2(heard.startsWith("CONNECT 127.0.0.1:" + QByteArray::number(QUrl(setup.server.url()).port())),
                 heard.left(200).constData());
        QVERIFY(setup.server.webSocketClientIds.isEmpty()); // nothing went around the proxy
    }

    void serverGoneForGoodIsSaidWithThePrompt()
    {
        Setup setup;
        setup.server.onPost = [&](const QString& path, const QJsonObject&) {
            if (path != QStringLiteral("/prompt"))
                return;
            setup.server.refuseWebSockets(true);
            setup.server.dropWebSockets();
        };
        auto options = quick();
        options.giveUpAfterMs = 1500;
        try {
            runComfyJob(QUrl(setup.server.url()), {}, job(), {}, {}, options);
            QFAIL("a lost server, not said");
        } catch (const ComfyUnreachable& error) {
            const auto text = QString::fromUtf8(error.what());
            QVERIFY2(text.contains(QStringLiteral("unreachable")) && text.contains(k_prompt), error.what());
        }
    }

    void refusedJobIsSaid()
    {
        Setup setup;
        setup.server.postAnswers.insert(
            QStringLiteral("/prompt"),
            {400,
             R"({"error": {"message": "Prompt outputs failed validation"}, "node_errors": {"4": {"errors": [{"message": "Value not in list", "details": "ckpt_name: 'x' not in ['y']", "extra_info": {"input_name": "ckpt_name"}}], "class_type": "CheckpointLoaderSimple"}}})"});
        try {
            runComfyJob(QUrl(setup.server.url()), {}, job(), {}, {}, quick());
            QFAIL("a refused job, taken");
        } catch (const ComfyError& error) {
            QVERIFY2(QString::fromUtf8(error.what())
                         .contains(QStringLiteral("CheckpointLoaderSimple (node 4), ckpt_name")),
                     error.what());
        }
    }

    void cancelRunningInterruptsIt()
    {
        Setup setup;
        bool stop = false;
        setup.server.onPost = [&](const QString& path, const QJsonObject&) {
            if (path == QStringLiteral("/prompt")) {
                setup.server.sendText(message("execution_start", ofPrompt()));
                setup.playSteps(1, 1);
            } else if (path == QStringLiteral("/interrupt")) {
                setup.finishJob("error", false);
                setup.server.sendText(message("execution_interrupted", ofPrompt()));
                setup.server.sendText(
                    message("executing", ofPrompt({{QStringLiteral("node"), QJsonValue::Null}})));
            }
        };
        ComfyRunCallbacks callbacks;
        callbacks.progress = [&](int, int) { stop = true; };
        callbacks.cancelled = [&] { return stop; };
        QVERIFY_THROWS_EXCEPTION(ComfyCancelled,
                                 runComfyJob(QUrl(setup.server.url()), {}, job(), {}, callbacks, quick()));
        QVERIFY(setup.server.requests.contains(QStringLiteral("POST /interrupt")));
        QVERIFY(!setup.server.requests.contains(QStringLiteral("POST /queue")));
    }

    void cancelWaitingDeletesIt()
    {
        Setup setup; // the job never starts: another one runs on the server
        bool submitted = false;
        ComfyRunCallbacks callbacks;
        callbacks.submitted = [&](const QString&) { submitted = true; };
        callbacks.cancelled = [&] { return submitted; };
        QVERIFY_THROWS_EXCEPTION(ComfyCancelled,
                                 runComfyJob(QUrl(setup.server.url()), {}, job(), {}, callbacks, quick()));
        const auto at = setup.server.requests.indexOf(QStringLiteral("POST /queue"));
        QVERIFY(at >= 0);
        QCOMPARE(QJsonDocument::fromJson(setup.server.bodies[at])
                     .object()
                     .value(QStringLiteral("delete"))
                     .toArray(),
                 QJsonArray{k_prompt});
        QVERIFY(!setup.server.requests.contains(QStringLiteral("POST /interrupt")));
    }
};

QTEST_GUILESS_MAIN(TestComfyRun)
#include "tst_comfy_run.moc"
