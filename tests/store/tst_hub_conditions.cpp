// The hub client under the conditions of real machines, against the hub-shaped nginx: proxies
// named by the environment, a download process killed mid-file, a full disk and a cache folder
// the user may not write to.

#include "hub_client.h"
#include "hub_test_server.h"
#include "scoped_environment.h"
#include "model_hash.h"
#include "proxy_settings.h"

#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

#include <unistd.h>

using namespace eikona::store;
using eikona::testing::HubTestServer;
using eikona::testing::runCliWithHub;
using eikona::testing::ScopedEnvironment;

namespace {

const QString k_model = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");

QString repo()
{
    return QLatin1String(HubTestServer::k_repo);
}

QString describe(const std::optional<QNetworkProxy>& proxy)
{
    if (!proxy)
        return QStringLiteral("system");
    if (proxy->type() == QNetworkProxy::NoProxy)
        return QStringLiteral("direct");
    auto text =
        proxy->type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("socks ") : QStringLiteral("http ");
    if (!proxy->user().isEmpty())
        text += proxy->user() + u':' + proxy->password() + u'@';
    return text + proxy->hostName() + u':' + QString::number(proxy->port());
}

// A forward HTTP proxy on 127.0.0.1 that relays bytes to the host the request names and
// remembers each request line. It runs on the test's thread: the download's own event loop
// serves it.
class RelayProxy {
  public:
    RelayProxy()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (auto* client = m_server.nextPendingConnection())
                relay(client);
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    const QStringList& requests() const { return m_requests; }

  private:
    void relay(QTcpSocket* client)
    {
        auto* upstream = new QTcpSocket(client);
        auto pending = std::make_shared<QByteArray>();
        QObject::connect(client, &QTcpSocket::readyRead, client, [this, client, upstream, pending] {
            const auto bytes = client->readAll();
            static const QRegularExpression requestLine(QStringLiteral("^(?:GET|HEAD) (http://[^ ]+) HTTP"),
                                                        QRegularExpression::MultilineOption);
            auto lines = requestLine.globalMatch(QString::fromLatin1(bytes));
            while (lines.hasNext())
                m_requests.append(lines.next().captured(1));
            if (upstream->state() == QAbstractSocket::ConnectedState) {
                upstream->write(bytes);
                return;
            }
            pending->append(bytes);
            if (upstream->state() == QAbstractSocket::UnconnectedState && !m_requests.isEmpty()) {
                const QUrl target(m_requests.last());
                upstream->connectToHost(target.host(), static_cast<quint16>(target.port(80)));
            }
        });
        QObject::connect(upstream, &QTcpSocket::connected, client, [upstream, pending] {
            upstream->write(*pending);
            pending->clear();
        });
        QObject::connect(upstream, &QTcpSocket::readyRead, client,
                         [client, upstream] { client->write(upstream->readAll()); });
        QObject::connect(upstream, &QTcpSocket::disconnected, client,
                         [client] { client->disconnectFromHost(); });
        QObject::connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
    }

    QTcpServer m_server;
    QStringList m_requests;
};

} // namespace

class TestHubConditions : public QObject {
    Q_OBJECT

  private:
    HubTestServer m_server;

  private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(k_model, &error), qPrintable(error));
        // Hermetic: a proxy set on the machine must not stand between the tests and 127.0.0.1.
        for (const char* name : {"http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY",
                                 "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"})
            qunsetenv(name);
    }

    void proxyFromTheEnvironment_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        const QString hub = QStringLiteral("https://huggingface.co/api/models/x");
        QTest::newRow("nothing set") << QStringList{} << hub << QStringLiteral("system");
        QTest::newRow("HTTPS_PROXY") << QStringList{QStringLiteral("HTTPS_PROXY=http://proxy.lan:3128")}
                                     << hub << QStringLiteral("http proxy.lan:3128");
        QTest::newRow("lower case wins") << QStringList{QStringLiteral("HTTPS_PROXY=http://upper:1"),
                                                        QStringLiteral("https_proxy=http://lower:2")}
                                         << hub << QStringLiteral("http lower:2");
        QTest::newRow("HTTP_PROXY is not for https")
            << QStringList{QStringLiteral("HTTP_PROXY=http://proxy.lan:8080")} << hub
            << QStringLiteral("system");
        QTest::newRow("HTTP_PROXY for http")
            << QStringList{QStringLiteral("HTTP_PROXY=proxy.lan:8080")}
            << QStringLiteral("http://mirror.lan/x") << QStringLiteral("http proxy.lan:8080");
        QTest::newRow("ALL_PROXY socks") << QStringList{QStringLiteral("ALL_PROXY=socks5://gate:1080")} << hub
                                         << QStringLiteral("socks gate:1080");
        QTest::newRow("credentials") << QStringList{QStringLiteral(
                                            "HTTPS_PROXY=http://ann:p%40ss@proxy.lan:3128")}
                                     << hub << QStringLiteral("http ann:p@ss@proxy.lan:3128");
        const QString proxy = QStringLiteral("HTTPS_PROXY=http://proxy.lan:3128");
        QTest::newRow("NO_PROXY host") << QStringList{proxy, QStringLiteral("NO_PROXY=huggingface.co")} << hub
                                       << QStringLiteral("direct");
        QTest::newRow("NO_PROXY subdomain")
            << QStringList{proxy, QStringLiteral("NO_PROXY=example.org, huggingface.co")}
            << QStringLiteral("https://cdn-lfs.huggingface.co/blob") << QStringLiteral("direct");
        QTest::newRow("NO_PROXY leading dot")
            << QStringList{proxy, QStringLiteral("no_proxy=.huggingface.co")}
            << QStringLiteral("https://cdn-lfs.huggingface.co/blob") << QStringLiteral("direct");
        QTest::newRow("NO_PROXY not a suffix match") << QStringList{proxy, QStringLiteral("NO_PROXY=face.co")}
                                                     << hub << QStringLiteral("http proxy.lan:3128");
        QTest::newRow("NO_PROXY star")
            << QStringList{proxy, QStringLiteral("NO_PROXY=*")} << hub << QStringLiteral("direct");
        QTest::newRow("NO_PROXY address")
            << QStringList{QStringLiteral("HTTP_PROXY=http://proxy.lan:3128"),
                           QStringLiteral("NO_PROXY=127.0.0.1")}
            << QStringLiteral("http://127.0.0.1:8080/x") << QStringLiteral("direct");
        QTest::newRow("NO_PROXY other port")
            << QStringList{QStringLiteral("HTTP_PROXY=http://proxy.lan:3128"),
                           QStringLiteral("NO_PROXY=localhost:9090")}
            << QStringLiteral("http://localhost:8080/x") << QStringLiteral("http proxy.lan:3128");
    }

    void proxyFromTheEnvironment()
    {
        QFETCH(QStringList, environment);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QProcessEnvironment variables;
        for (const auto& entry : environment)
            variables.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
        QCOMPARE(describe(environmentProxyFor(QUrl(url), variables)), expected);
    }

    // HTTP_PROXY (upper case, which Qt alone ignores) carries every request; NO_PROXY sends them direct.
    void downloadsThroughTheProxyTheEnvironmentNames()
    {
        RelayProxy proxy;
        ScopedEnvironment environment;
        environment.set("HTTP_PROXY", "http://127.0.0.1:" + QByteArray::number(proxy.port()));
        QTemporaryDir cache;
        const auto result =
            downloadModel(repo(), QStringLiteral("main"), {}, m_server.optionsFor(cache.path()));
        QVERIFY(
            QFileInfo::exists(result.snapshot + QStringLiteral("/unet/diffusion_pytorch_model.safetensors")));
        const auto& seen = proxy.requests();
        QVERIFY2(std::any_of(seen.begin(), seen.end(),
                             [](const QString& r) { return r.contains(QStringLiteral("/api/models/")); }),
                 qPrintable(seen.join(u' ')));
        QVERIFY2(std::any_of(seen.begin(), seen.end(),
                             [](const QString& r) { return r.contains(QStringLiteral("/cdn/")); }),
                 qPrintable(seen.join(u' '))); // the redirected VAE too

        environment.set("NO_PROXY", "127.0.0.1");
        const auto before = proxy.requests().size();
        QTemporaryDir direct;
        downloadModel(repo(), QStringLiteral("main"), {}, m_server.optionsFor(direct.path()));
        QCOMPARE(proxy.requests().size(), before);
    }

    // A process killed mid-download leaves its lock and a partial file; the next run takes the
    // lock over at once (its owner is gone) and resumes.
    void staleLockOfAKilledProcessIsTakenOver()
    {
        HubTestServer slow; // the UNet at 2 MB/s
        QString error;
        QVERIFY2(slow.start(k_model, &error, 2'000'000), qPrintable(error));
        QTemporaryDir home;
        const auto unet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
        const QString repoFolder =
            home.path() + QStringLiteral("/hub/models--stable-diffusion-v1-5--stable-diffusion-v1-5");
        const QString lock =
            home.path() +
            QStringLiteral("/hub/.locks/models--stable-diffusion-v1-5--stable-diffusion-v1-5/") +
            slow.sha256(unet) + QStringLiteral(".lock");
        const QString partial =
            repoFolder + QStringLiteral("/blobs/") + slow.sha256(unet) + QStringLiteral(".incomplete");
        QProcess victim;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HF_ENDPOINT"), slow.endpoint());
        environment.insert(QStringLiteral("HF_HUB_CACHE"), home.path() + QStringLiteral("/hub"));
        victim.setProcessEnvironment(environment);
        victim.start(QStringLiteral(EIKONA_CLI),
                     {QStringLiteral("models"), QStringLiteral("download"), repo()});
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partial).size() > 500'000, 20000);
        victim.kill(); // SIGKILL: no chance to clean up
        QVERIFY(victim.waitForFinished(5000));
        QVERIFY(QFileInfo::exists(lock));

        QElapsedTimer clock;
        clock.start();
        const auto resumed = runCliWithHub({QStringLiteral("models"), QStringLiteral("download"), repo()},
                                           slow.endpoint(), home.path());
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2(clock.elapsed() < 30000, "waited on a dead process's lock");
        QCOMPARE(slow.requests(unet, 206), 1);
        QCOMPARE(sha256OfFile(repoFolder + QStringLiteral("/snapshots/") +
                              QLatin1String(HubTestServer::k_commit) + u'/' + unet),
                 slow.sha256(unet));
    }

    // The disk fills (a file-size limit stands in for it): the error says so, nothing partial
    // enters the cache, and the next run resumes where the disk stopped it.
    void diskFullIsReportedAndResumable()
    {
        QTemporaryDir home;
        const auto unet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
        // dash's ulimit -f counts 512-byte blocks: 2 MB, less than the UNet file.
        const auto full = runCliWithHub({QStringLiteral("models"), QStringLiteral("download"), repo()},
                                        m_server.endpoint(), home.path(),
                                        {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                         QStringLiteral("ulimit -f 4096; exec \"$0\" \"$@\"")});
        QCOMPARE(full.exitCode, 1);
        QVERIFY2(full.err.contains(QStringLiteral("is the disk full?")), qPrintable(full.err));
        const QString repoFolder =
            home.path() + QStringLiteral("/hub/models--stable-diffusion-v1-5--stable-diffusion-v1-5");
        QVERIFY(!QFileInfo::exists(repoFolder + QStringLiteral("/blobs/") + m_server.sha256(unet)));
        QVERIFY(!QFileInfo::exists(repoFolder + QStringLiteral("/snapshots/") +
                                   QLatin1String(HubTestServer::k_commit) + u'/' + unet));
        const auto resumed = runCliWithHub({QStringLiteral("models"), QStringLiteral("download"), repo()},
                                           m_server.endpoint(), home.path());
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(sha256OfFile(repoFolder + QStringLiteral("/snapshots/") +
                              QLatin1String(HubTestServer::k_commit) + u'/' + unet),
                 m_server.sha256(unet));
    }

    // A cache folder the user may not write to: said in words, with the folder named.
    void permissionErrorsAreExplained()
    {
        QTemporaryDir home;
        QFile::setPermissions(home.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                               QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                               QFileDevice::ExeGroup);
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral("hub")));
        QFile::setPermissions(home.path() + QStringLiteral("/hub"),
                              QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                  QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        // root may write anywhere: run as nobody then, from a copy of the tool nobody may run
        // (the build folder can sit in a home that only root may enter).
        const bool root = ::geteuid() == 0;
        const QStringList wrapper =
            root ? QStringList{QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                               QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups")}
                 : QStringList{};
        QString program = QStringLiteral(EIKONA_CLI);
        if (root) {
            program = home.filePath(QStringLiteral("eikona-cli"));
            QVERIFY(QFile::copy(QStringLiteral(EIKONA_CLI), program));
        }
        const auto denied = runCliWithHub({QStringLiteral("models"), QStringLiteral("download"), repo()},
                                          m_server.endpoint(), home.path(), wrapper, program);
        QCOMPARE(denied.exitCode, 1);
        QVERIFY2(denied.err.contains(QStringLiteral("cannot create")) &&
                     denied.err.contains(QStringLiteral("permissions")) &&
                     denied.err.contains(home.path() + QStringLiteral("/hub")),
                 qPrintable(denied.err));
        QVERIFY(QDir(home.path() + QStringLiteral("/hub")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHubConditions)
#include "tst_hub_conditions.moc"
