// Settings ▸ Servers as stored: names and addresses with the settings, each token in a file
// only its owner may read and never in the settings file, addresses compared as one.

#include "render_servers.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using eikona::backend::RenderServer;
using eikona::backend::RenderServers;

class TestRenderServers : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_dir;

  private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("eikona-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_render_servers"));
        QSettings().clear();
    }

    void addressesAreComparedAsOne()
    {
        QCOMPARE(RenderServers::normalised(QStringLiteral(" HTTP://GPU-Box:8188/ ")),
                 QStringLiteral("http://gpu-box:8188"));
        QCOMPARE(RenderServers::normalised(QStringLiteral("https://me:pw@host/comfy//")),
                 QStringLiteral("https://host/comfy"));
        for (const auto bad :
             {"", "gpu-box:8188", "ftp://host", "http://", "http://host/?x=1", "file:///etc"})
            QVERIFY2(RenderServers::normalised(QLatin1String(bad)).isEmpty(), bad);
    }

    void tokensStayOutOfTheSettings()
    {
        const auto tokenFile = m_dir.filePath(QStringLiteral("config/server-tokens.json"));
        RenderServers servers(tokenFile);
        QCOMPARE(servers.save({QStringLiteral("Studio GPU"), QUrl(QStringLiteral("http://gpu-box:8188/"))},
                              QStringLiteral("t0ken-1")),
                 QString());
        QCOMPARE(servers.save({{}, QUrl(QStringLiteral("https://render.example"))}, {}), QString());
        QCOMPARE(servers.list(),
                 (QList<RenderServer>{
                     {QStringLiteral("Studio GPU"), QUrl(QStringLiteral("http://gpu-box:8188"))},
                     {QStringLiteral("render.example"), QUrl(QStringLiteral("https://render.example"))}}));
        QCOMPARE(servers.token(QStringLiteral("HTTP://gpu-box:8188")), QStringLiteral("t0ken-1"));
        QCOMPARE(servers.token(QStringLiteral("https://render.example")), QString());
        // 0600: its owner reads and writes it, nobody else anything.
        const auto permissions = QFile::permissions(tokenFile);
        QVERIFY(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(!(permissions & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                 QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther |
                                 QFileDevice::ExeOwner)));
        QSettings settings;
        settings.sync();
        QFile settingsFile(settings.fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const auto text = settingsFile.readAll();
        QVERIFY(text.contains("gpu-box"));
        QVERIFY(!text.contains("t0ken-1"));

        // Replaced in place, renamed, token changed; then removed with its token.
        QCOMPARE(servers.save({QStringLiteral("Big box"), QUrl(QStringLiteral("http://gpu-box:8188"))},
                              QStringLiteral("t0ken-2")),
                 QString());
        QCOMPARE(servers.list().size(), 2);
        QCOMPARE(servers.find(QStringLiteral("http://gpu-box:8188/"))->name, QStringLiteral("Big box"));
        QCOMPARE(servers.token(QStringLiteral("http://gpu-box:8188")), QStringLiteral("t0ken-2"));
        // The checkpoints it had when it last answered, kept for when it does not.
        servers.rememberCheckpoints(QStringLiteral("http://gpu-box:8188/"),
                                    {QStringLiteral("sd15/v1-5.safetensors")});
        QCOMPARE(servers.checkpoints(QStringLiteral("HTTP://gpu-box:8188")),
                 QStringList{QStringLiteral("sd15/v1-5.safetensors")});
        QVERIFY(servers.checkpoints(QStringLiteral("https://render.example")).isEmpty());
        servers.remove(QStringLiteral("http://gpu-box:8188"));
        QVERIFY(servers.checkpoints(QStringLiteral("http://gpu-box:8188")).isEmpty());
        QCOMPARE(servers.list().size(), 1);
        QVERIFY(!servers.find(QStringLiteral("http://gpu-box:8188")));
        QCOMPARE(servers.token(QStringLiteral("http://gpu-box:8188")), QString());
        QFile tokens(tokenFile);
        QVERIFY(tokens.open(QIODevice::ReadOnly));
        QVERIFY(!tokens.readAll().contains("t0ken"));
    }

    void badAddressIsRefusedInWords()
    {
        RenderServers servers(m_dir.filePath(QStringLiteral("t.json")));
        const auto before = servers.list();
        QVERIFY(servers.save({{}, QUrl(QStringLiteral("gpu-box:8188"))}, QStringLiteral("x"))
                    .contains(QStringLiteral("not a server address")));
        QCOMPARE(servers.list(), before);
    }

    void unwritableTokenFileIsSaid()
    {
        RenderServers servers(QStringLiteral("/proc/eikona/tokens.json"));
        const auto problem =
            servers.save({{}, QUrl(QStringLiteral("http://other:8188"))}, QStringLiteral("x"));
        QVERIFY2(!problem.isEmpty(), "a token that could not be kept, taken");
        QVERIFY(!servers.find(QStringLiteral("http://other:8188")));
    }
};

QTEST_GUILESS_MAIN(TestRenderServers)
#include "tst_render_servers.moc"
