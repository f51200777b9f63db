// No network surprise: with HF_HUB_OFFLINE=1 the CLI's every path that could reach for the hub
// (a repository id, `models download`, --draft's TAESD) stays on this machine; and the
// window, started with a model and left alone, connects nowhere even when online. Every proxy
// variable and HF_ENDPOINT point at local ports that count connection attempts.

#include "cli_process.h"

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString k_model = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");

// Listens on a free local port and counts who knocks.
class Trap {
  public:
    Trap() { m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int knocks()
    {
        QCoreApplication::processEvents();
        m_server.waitForNewConnection(
            0); // attempts made while the test waited on a process sit in the backlog
        while (m_server.hasPendingConnections()) {
            ++m_count;
            delete m_server.nextPendingConnection();
        }
        return m_count;
    }

  private:
    QTcpServer m_server;
    int m_count = 0;
};

} // namespace

class TestNoNetwork : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_home;
    Trap m_proxy;
    Trap m_hub;

    QProcessEnvironment environment(bool offline) const
    {
        auto environment = QProcessEnvironment::systemEnvironment();
        for (const auto* name :
             {"http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"})
            environment.insert(QString::fromLatin1(name), m_proxy.url());
        environment.remove(QStringLiteral("no_proxy"));
        environment.remove(QStringLiteral("NO_PROXY"));
        environment.insert(QStringLiteral("HF_ENDPOINT"), m_hub.url());
        environment.insert(QStringLiteral("HF_HUB_CACHE"), m_home.filePath(QStringLiteral("hub")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        if (offline)
            environment.insert(QStringLiteral("HF_HUB_OFFLINE"), QStringLiteral("1"));
        else
            environment.remove(QStringLiteral("HF_HUB_OFFLINE"));
        return environment;
    }

    eikona::testing::CliRun cli(const QStringList& arguments, bool offline = true) const
    {
        return eikona::testing::runCli(arguments, environment(offline));
    }

  private Q_SLOTS:
    void theTrapsWork()
    {
        // The proof is only as good as the traps: a real client's attempt is counted.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(QUrl(m_hub.url()).port()));
        QVERIFY(socket.waitForConnected(2000));
        QTRY_COMPARE(m_hub.knocks(), 1);
        socket.disconnectFromHost();
        // Online, the CLI does try (through the proxy): the traps close each connection at
        // once, so the attempt fails fast.
        QProcess download;
        download.setProcessEnvironment(environment(/*offline=*/false));
        download.start(QStringLiteral(EIKONA_CLI), {QStringLiteral("models"), QStringLiteral("download"),
                                                    QStringLiteral("someone/model")});
        while (!download.waitForFinished(50)) {
            m_proxy.knocks();
            m_hub.knocks();
        }
        QCOMPARE(download.exitCode(), 1);
        QVERIFY(m_proxy.knocks() > 0);
    }

    void offlineTheCliConnectsNowhere()
    {
        const int before = m_hub.knocks() + m_proxy.knocks();
        const auto repo =
            cli({QStringLiteral("generate"), QStringLiteral("--model"), QStringLiteral("someone/model"),
                 QStringLiteral("--prompt"), QStringLiteral("x"), QStringLiteral("--out"),
                 m_home.filePath(QStringLiteral("a"))});
        QCOMPARE(repo.exitCode, 1);
        QVERIFY2(repo.err.contains(QStringLiteral("not in the cache")), qPrintable(repo.err));
        const auto download =
            cli({QStringLiteral("models"), QStringLiteral("download"), QStringLiteral("someone/model")});
        QCOMPARE(download.exitCode, 1);
        QVERIFY2(download.err.contains(QStringLiteral("offline")), qPrintable(download.err));
        const QStringList picture{QStringLiteral("generate"),
                                  QStringLiteral("--model"),
                                  k_model,
                                  QStringLiteral("--prompt"),
                                  QStringLiteral("a harbour"),
                                  QStringLiteral("--steps"),
                                  QStringLiteral("1"),
                                  QStringLiteral("--width"),
                                  QStringLiteral("64"),
                                  QStringLiteral("--height"),
                                  QStringLiteral("64"),
                                  QStringLiteral("--out"),
                                  m_home.filePath(QStringLiteral("out"))};
        const auto draft = cli(picture + QStringList{QStringLiteral("--draft")});
        QCOMPARE(draft.exitCode, 1);
        QVERIFY2(draft.err.contains(QStringLiteral("--draft needs TAESD")), qPrintable(draft.err));
        const auto made = cli(picture);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QCOMPARE(m_hub.knocks() + m_proxy.knocks(), before);
    }

    void theWindowConnectsNowhereUntilADownload()
    {
        QCOMPARE(cli({QStringLiteral("models"), QStringLiteral("add"), k_model}).exitCode, 0);
        const int before = m_hub.knocks() + m_proxy.knocks();
        QProcess app;
        auto env = environment(/*offline=*/false); // online: still nothing is sent unasked
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(EIKONA_APP));
        QVERIFY(app.waitForStarted(10000));
        QTest::qWait(6000); // start-up, the model readied in the background, the gallery scanned
        QCOMPARE(app.state(), QProcess::Running);
        QCOMPARE(m_hub.knocks() + m_proxy.knocks(), before);
        app.terminate();
        if (!app.waitForFinished(10000))
            app.kill();
    }
};

QTEST_GUILESS_MAIN(TestNoNetwork)
#include "tst_no_network.moc"
