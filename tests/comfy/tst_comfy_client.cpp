// What a ComfyUI server offers, asked over HTTP: against a fake server answering as the
// recorded v0.3.32 and v0.3.65 did, with a token, refusing, unreachable, not ComfyUI at all,
// or answering without end; and `eikona-cli server info` on it.

#include "comfy_graph.h"
#include "comfy_jobs.h"
#include "comfy_server.h"
#include "fake_comfy_server.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>

#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace eikona::comfy;
using eikona::testing::FakeComfyServer;

namespace {

const QString k_transcripts = QStringLiteral(EIKONA_TEST_DATA "/comfyui/");

QString errorOf(const QString& url, const QString& token = {})
{
    try {
        fetchServerInfo(QUrl(url), token, 5000);
    } catch (const ComfyError& error) {
        return QString::fromUtf8(error.what());
    }
    return QStringLiteral("(no error)");
}

} // namespace

class TestComfyClient : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void infoOfBothVersions_data()
    {
        QTest::addColumn<QString>("transcript");
        QTest::addColumn<QString>("version");
        QTest::newRow("v0.3.32") << QStringLiteral("comfyui-v0332.jsonl") << QStringLiteral("0.3.32");
        QTest::newRow("v0.3.65") << QStringLiteral("comfyui-v0365feat.jsonl") << QStringLiteral("0.3.65");
    }

    void infoOfBothVersions()
    {
        QFETCH(QString, transcript);
        QFETCH(QString, version);
        FakeComfyServer server(k_transcripts + transcript);
        const auto info = fetchServerInfo(QUrl(server.url()));
        QCOMPARE(info.version, version);
        QCOMPARE(info.devices.size(), 1);
        QCOMPARE(info.devices[0].type, QStringLiteral("cpu"));
        QVERIFY(info.devices[0].vramTotal > 1'000'000'000);
        QVERIFY(info.ramTotal > 1'000'000'000);
        QCOMPARE(info.checkpoints, QStringList{QStringLiteral("sd15-random.safetensors")});
        QVERIFY(info.samplers.contains(QStringLiteral("euler_ancestral")) && info.samplers.size() > 30);
        QVERIFY(info.schedulers.contains(QStringLiteral("karras")) && info.schedulers.size() > 5);
        QCOMPARE(server.requests, (QStringList{QStringLiteral("GET /system_stats"),
                                               QStringLiteral("GET /object_info/CheckpointLoaderSimple"),
                                               QStringLiteral("GET /object_info/KSampler")}));
        QVERIFY(server.authorizations.join(QString()).isEmpty()); // no token given, none sent
    }

    // A server behind a reverse proxy under a path keeps it.
    void pathPrefixIsKept()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        const auto answers = server.answers;
        server.answers.clear();
        for (auto it = answers.begin(); it != answers.end(); ++it)
            server.answers.insert(QStringLiteral("/comfy") + it.key(), it.value());
        QCOMPARE(fetchServerInfo(QUrl(server.url() + QStringLiteral("/comfy/"))).version,
                 QStringLiteral("0.3.32"));
    }

    void tokenIsSentAndNeeded()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0365feat.jsonl"));
        server.requiredToken = QStringLiteral("s3cret");
        QVERIFY2(errorOf(server.url()).contains(QStringLiteral("needs a token")),
                 qPrintable(errorOf(server.url())));
        QCOMPARE(fetchServerInfo(QUrl(server.url()), QStringLiteral("s3cret")).version,
                 QStringLiteral("0.3.65"));
        QVERIFY(server.authorizations.contains(QStringLiteral("Bearer s3cret")));
    }

    void refusalsAndStrangersAreSaid()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        server.answers.insert(QStringLiteral("/system_stats"), {403, ""});
        QVERIFY(errorOf(server.url()).contains(QStringLiteral("refuses this origin")));
        server.answers.insert(QStringLiteral("/system_stats"),
                              {200, "<html>a router's page</html>", "text/html"});
        QVERIFY(errorOf(server.url()).contains(QStringLiteral("is it a ComfyUI server")));
        server.answers.insert(QStringLiteral("/system_stats"), {200, "{\"hello\": 1}"});
        QVERIFY(errorOf(server.url()).contains(QStringLiteral("does not answer as ComfyUI does")));
        server.answers.remove(QStringLiteral("/system_stats"));
        QVERIFY(errorOf(server.url()).contains(QStringLiteral("HTTP 404")));
        QVERIFY(
            errorOf(QStringLiteral("ftp://example.com")).contains(QStringLiteral("not a server address")));
    }

    // A hostile server's endless answer is cut off at a bound, not read into memory.
    void endlessAnswerIsCutOff()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        server.answers.insert(QStringLiteral("/system_stats"), {200, QByteArray(12 << 20, ' ')});
        QVERIFY(!errorOf(server.url()).contains(QStringLiteral("(no error)")));
    }

    void unreachableServerIsSaid()
    {
        QTcpServer probe; // a port nobody listens on
        probe.listen(QHostAddress::LocalHost, 0);
        const auto port = probe.serverPort();
        probe.close();
        const auto message = errorOf(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QVERIFY2(message.contains(QStringLiteral("cannot reach the server at http://127.0.0.1:")),
                 qPrintable(message));
        // Told apart from a refusal: a job for it can wait.
        QVERIFY_THROWS_EXCEPTION(
            ComfyUnreachable,
            fetchServerInfo(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), {}, 5000));
        FakeComfyServer refusing(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        refusing.requiredToken = QStringLiteral("t");
        try {
            fetchServerInfo(QUrl(refusing.url()), {}, 5000);
        } catch (const ComfyUnreachable&) {
            QFAIL("a refusal taken for an unreachable server");
        } catch (const ComfyError&) {
        }
    }

    // A job's life over HTTP, as the recorded v0.3.32 lived it: the picture uploaded, the
    // graph submitted under our client id, the record read from /history, the picture fetched.
    void jobOverHttp()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        const auto id = QStringLiteral("a46fbe6b-7893-44c6-9cc1-08a6699eb0b7");
        server.postAnswers.insert(QStringLiteral("/upload/image"),
                                  {200, R"({"name": "eikona-in.png", "subfolder": "", "type": "input"})"});
        server.postAnswers.insert(
            QStringLiteral("/prompt"),
            {200,
             R"({"prompt_id": "a46fbe6b-7893-44c6-9cc1-08a6699eb0b7", "number": 4, "node_errors": {}})"});
        QImage picture(64, 64, QImage::Format_RGB888);
        picture.fill(Qt::darkCyan);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        picture.save(&buffer, "PNG");
        server.answers.insert(QStringLiteral("/view?filename=probe_00001_.png&subfolder=&type=output"),
                              {200, png, "image/png"});

        ComfyHttp http(QUrl(server.url()), QStringLiteral("tok"));
        QCOMPARE(uploadImage(http, png, QStringLiteral("eikona-in.png")), QStringLiteral("eikona-in.png"));
        QVERIFY(server.bodies.last().contains(png));
        QVERIFY(server.bodies.last().contains("filename=\"eikona-in.png\""));
        ComfyJob job;
        job.checkpoint = QStringLiteral("sd15-random.safetensors");
        job.prompt = QStringLiteral("a red fox");
        const auto graph = comfyGraph(job);
        QCOMPARE(submitPrompt(http, graph, QStringLiteral("client-1")), id);
        const auto sent = QJsonDocument::fromJson(server.bodies.last()).object();
        QCOMPARE(sent.value(QStringLiteral("prompt")).toObject(), graph);
        QCOMPARE(sent.value(QStringLiteral("client_id")).toString(), QStringLiteral("client-1"));
        const auto record = history(http, id);
        QVERIFY(record && record->completed);
        QCOMPARE(record->status, QStringLiteral("success"));
        QCOMPARE(record->images.size(), 1);
        QCOMPARE(fetchImage(http, record->images[0]), png);
        for (const auto& authorization : std::as_const(server.authorizations))
            QCOMPARE(authorization, QStringLiteral("Bearer tok"));
    }

    void historyOfAPromptNotYetDone()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        server.answers.insert(QStringLiteral("/history/waiting"), {200, "{}"});
        ComfyHttp http{QUrl(server.url())};
        QVERIFY(!history(http, QStringLiteral("waiting")));
        // The interrupted job's record: not completed, its status said.
        const auto interrupted = history(http, QStringLiteral("bcdd1dfb-de0f-4d66-8bc2-b64d665e399c"));
        QVERIFY(interrupted && !interrupted->completed);
        QVERIFY(interrupted->images.isEmpty());
    }

    void refusedJobIsSaidByNodeAndField()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        server.postAnswers.insert(
            QStringLiteral("/prompt"),
            {400,
             R"({"error": {"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation", "details": "", "extra_info": {}}, "node_errors": {"3": {"errors": [{"type": "value_smaller_than_min", "message": "Value 0 smaller than min of 1", "details": "steps", "extra_info": {"input_name": "steps"}}], "dependent_outputs": ["9"], "class_type": "KSampler"}}})"});
        ComfyHttp http{QUrl(server.url())};
        try {
            submitPrompt(http, comfyGraph(ComfyJob{}), QStringLiteral("c"));
            QFAIL("a refused job was taken");
        } catch (const ComfyError& error) {
            QVERIFY2(
                QString::fromUtf8(error.what()).contains(QStringLiteral("KSampler (node 3), steps: Value 0")),
                error.what());
        }
    }

    // A hostile server: a picture said to be 2 GB is refused from its length; an answer that
    // is no picture is refused; nothing reaches the caller.
    void hostilePicturesAreRefused()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        const auto path = QStringLiteral("/view?filename=../../escape.png&subfolder=&type=output");
        ComfyHttp http{QUrl(server.url())};
        const ComfyImageRef hostile{QStringLiteral("../../escape.png"), QString(), QStringLiteral("output")};
        server.answers.insert(path, {200, "\x89PNG", "image/png", qint64{2} << 30});
        try {
            fetchImage(http, hostile);
            QFAIL("a 2 GB picture, taken");
        } catch (const ComfyError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("more than 256 MB")),
                     error.what());
        }
        server.answers.insert(path, {200, "<html>not a picture</html>", "image/png"});
        try {
            fetchImage(http, hostile);
            QFAIL("not a picture, taken");
        } catch (const ComfyError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("not a picture")),
                     qPrintable(QString::fromUtf8(error.what()) + u' ' + server.requests.last()));
        }
    }

    void interruptAndDeleteAsRecorded()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0332.jsonl"));
        server.postAnswers.insert(QStringLiteral("/interrupt"), {200, "", "text/plain"});
        server.postAnswers.insert(QStringLiteral("/queue"), {200, "", "text/plain"});
        ComfyHttp http{QUrl(server.url())};
        interrupt(http);
        deleteWaiting(http, {QStringLiteral("01446e92-c4e3-43ba-8f4a-4ecef9a55787")});
        QCOMPARE(server.requests,
                 (QStringList{QStringLiteral("POST /interrupt"), QStringLiteral("POST /queue")}));
        QCOMPARE(QJsonDocument::fromJson(server.bodies.last()).object(),
                 (QJsonObject{{QStringLiteral("delete"),
                               QJsonArray{QStringLiteral("01446e92-c4e3-43ba-8f4a-4ecef9a55787")}}}));
    }

    void cliServerInfo()
    {
        FakeComfyServer server(k_transcripts + QStringLiteral("comfyui-v0365feat.jsonl"));
        QProcess cli;
        cli.start(QStringLiteral(EIKONA_CLI),
                  {QStringLiteral("server"), QStringLiteral("info"), server.url()});
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000); // the fake answers meanwhile
        const auto out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        QVERIFY2(out.startsWith(QStringLiteral("ComfyUI 0.3.65 at ")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("  sd15-random.safetensors\n")));
        QVERIFY(out.contains(QStringLiteral("samplers it runs: ddim, lms, euler, euler_a*,")));
        QVERIFY(out.contains(QStringLiteral("pndm (ComfyUI has no counterpart of the sampler pndm)")));

        QProcess refused;
        server.requiredToken = QStringLiteral("t");
        refused.start(QStringLiteral(EIKONA_CLI),
                      {QStringLiteral("server"), QStringLiteral("info"), server.url()});
        QTRY_VERIFY_WITH_TIMEOUT(refused.state() == QProcess::NotRunning, 30000);
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY(QString::fromUtf8(refused.readAllStandardError()).contains(QStringLiteral("needs a token")));
    }
};

QTEST_GUILESS_MAIN(TestComfyClient)
#include "tst_comfy_client.moc"
