// The built `eikona` on a real X server (Xvfb, the xcb platform), driven by real X input events
// (xdotool): the first-run dialog downloads the model from a hub-shaped server, a prompt typed
// and Ctrl+Enter make a PNG, and jobs queued with Ctrl+Shift+Enter survive a kill -9 of the app
// and run on the next start. Screenshots come from the X server; EIKONA_SCREENSHOT_DIR keeps them.

#include "../store/hub_test_server.h"
#include "job_queue.h"
#include "picture_file.h"
#include "x_server.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace eikona;

namespace {

const QString k_tinyModel = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");

} // namespace

class TestRealWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        if (const auto problem = m_x.start(); !problem.isEmpty())
            QFAIL(qPrintable(problem));
        QString error;
        // The UNet arrives at 3 MB/s, so the download is seen in progress.
        QVERIFY2(m_hub.start(k_tinyModel, &error, 3'000'000), qPrintable(error));
        m_pictures = m_home.filePath(QStringLiteral("pictures"));
        QDir().mkpath(m_home.filePath(QStringLiteral("config/Eikona")));
        QFile config(m_home.filePath(QStringLiteral("config/Eikona/Eikona.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[files]\noutputFolder=" + m_pictures.toUtf8() + "\n");
    }

    void cleanupTestCase() { stopApp(); }

    void firstRunDownloadThenAPictureFromTheKeyboard()
    {
        startApp();
        const auto dialog = m_x.waitForWindow(QStringLiteral("^Welcome to Eikona$"));
        QVERIFY2(!dialog.isEmpty(), "the first-run dialog did not appear");
        m_x.focus(dialog);
        QTest::qWait(1500); // the hub answers with the size
        shoot(QStringLiteral("first-run.png"));
        m_x.key(QStringLiteral("Return")); // Download is the default button
        QTest::qWait(2500);
        shoot(QStringLiteral("first-run-downloading.png"));
        QTRY_VERIFY_WITH_TIMEOUT(m_x.run(QStringLiteral("xdotool"),
                                         {QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"),
                                          QStringLiteral("^Welcome to Eikona$")})
                                     .isEmpty(),
                                 180000);
        QVERIFY(QDir(m_home.filePath(QStringLiteral("hub/models--stable-diffusion-v1-5--stable-diffusion-v1-5"))).exists());

        const auto window = m_x.waitForWindow(QStringLiteral("^Eikona$"));
        QVERIFY(!window.isEmpty());
        m_x.focus(window);
        m_x.type(QStringLiteral("a lighthouse at dusk, (oil painting:1.2)"));
        m_x.key(QStringLiteral("ctrl+Return"));
        QTRY_COMPARE_WITH_TIMEOUT(pictures().size(), 1, 300000);
        QTest::qWait(500);
        shoot(QStringLiteral("window.png"));
        m_x.key(QStringLiteral("ctrl+2"));
        QTest::qWait(1500); // thumbnails arrive
        shoot(QStringLiteral("gallery.png"));
        m_x.key(QStringLiteral("ctrl+1"));
        m_x.focus(window);
        const auto parameters = store::readParametersText(QDir(m_pictures).filePath(pictures().first()));
        QVERIFY(parameters);
        QVERIFY2(parameters->startsWith(QStringLiteral("a lighthouse at dusk, (oil painting:1.2)\n")), qPrintable(*parameters));
        QVERIFY(parameters->contains(QStringLiteral("Model: stable-diffusion-v1-5")));
    }

    void queueSurvivesKillNine()
    {
        const auto window = m_x.waitForWindow(QStringLiteral("^Eikona$"));
        QVERIFY(!window.isEmpty());
        m_x.focus(window);
        const auto before = pictures().size();
        for (int i = 0; i < 3; ++i)
            m_x.key(QStringLiteral("ctrl+shift+Return"));
        const auto queueFile = m_home.filePath(QStringLiteral("data/Eikona/Eikona/queue.json"));
        QTRY_VERIFY_WITH_TIMEOUT(backend::JobQueue(queueFile).size() == 3, 10000);
        ::kill(static_cast<pid_t>(m_app->processId()), SIGKILL);
        m_app->waitForFinished();
        const auto left = backend::JobQueue(queueFile).size();
        QVERIFY(left >= 1); // the tiny model is quick: some may have finished before the kill
        const auto made = pictures().size();
        startApp();
        QVERIFY(!m_x.waitForWindow(QStringLiteral("^Eikona$")).isEmpty());
        // The jobs left waiting (the interrupted one again) run by themselves on the next start.
        QTRY_COMPARE_WITH_TIMEOUT(pictures().size(), made + left, 300000);
        QTRY_COMPARE_WITH_TIMEOUT(backend::JobQueue(queueFile).size(), 0, 10000);
        QVERIFY(pictures().size() >= before + 3);
    }

private:
    void startApp()
    {
        stopApp();
        m_app = std::make_unique<QProcess>();
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DISPLAY"), m_x.display());
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("HF_HUB_CACHE"), m_home.filePath(QStringLiteral("hub")));
        environment.insert(QStringLiteral("HF_ENDPOINT"), m_hub.endpoint());
        environment.insert(QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8"));
        m_app->setProcessEnvironment(environment);
        m_app->setProcessChannelMode(QProcess::ForwardedChannels);
        m_app->start(QStringLiteral(EIKONA_APP), {});
        QVERIFY(m_app->waitForStarted());
    }

    void stopApp()
    {
        if (m_app && m_app->state() != QProcess::NotRunning) {
            m_app->kill();
            m_app->waitForFinished();
        }
    }

    QStringList pictures() const { return QDir(m_pictures).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name); }

    void shoot(const QString& name)
    {
        const auto path = m_home.filePath(name);
        QVERIFY2(m_x.screenshot(path), qPrintable(name));
        if (const auto keep = qEnvironmentVariable("EIKONA_SCREENSHOT_DIR"); !keep.isEmpty()) {
            QDir().mkpath(keep);
            QFile::remove(QDir(keep).filePath(name));
            QFile::copy(path, QDir(keep).filePath(name));
        }
    }

    QTemporaryDir m_home;
    testing::XServer m_x;
    testing::HubTestServer m_hub;
    std::unique_ptr<QProcess> m_app;
    QString m_pictures;
};

QTEST_GUILESS_MAIN(TestRealWindow)
#include "tst_real_window.moc"
