// What a ComfyUI server offers, asked over HTTP: against a fake server answering as the
// recorded v0.3.32 and v0.3.65 did, with a token, refusing, unreachable, not ComfyUI at all,
// or answering without end; and `eikona-cli server info` on it.

#include "comfy_server.h"
#include "fake_comfy_server.h"

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
