// Render servers in the window (offscreen, against the fake ComfyUI): Settings ▸ Servers adds
// one, tests the connection off the window's thread and keeps it only on OK; choosing it beside
// Generate lists its checkpoints as the models and says what happens to seeds; a job queued
// there shows where it runs, forms step by step and lands in the strip and on disk with the
// server named; a server that does not answer is said, and nothing is queued without a
// checkpoint.

#include "app_settings.h"
#include "fake_comfy_jobs.h"
#include "generation_panel.h"
#include "job_queue.h"
#include "job_runner.h"
#include "language.h"
#include "main_window.h"
#include "number_field.h"
#include "prompt_edit.h"
#include "picture_file.h"
#include "render_servers.h"
#include "render_target_field.h"
#include "servers_page.h"
#include "settings_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>
#include <QCheckBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace eikona;
using testing::FakeComfyJobs;
using testing::FakeComfyServer;

namespace {

const QString k_transcript = QStringLiteral(EIKONA_TEST_DATA "/comfyui/comfyui-v0365feat.jsonl");

template <typename T> T* child(QObject* parent, const char* name)
{
    auto* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestServerWindow : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_home;
    int m_round = 0;

    std::unique_ptr<ui::MainWindow> openWindow()
    {
        auto window =
            std::make_unique<ui::MainWindow>(m_home.filePath(QStringLiteral("queue-%1.json").arg(m_round)));
        window->show();
        return window;
    }

  private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        backend::AppSettings settings;
        settings.outputFolder = m_home.filePath(QStringLiteral("pictures-%1").arg(++m_round));
        settings.save();
    }

    void settingsAddTestAndKeepOnlyOnOk()
    {
        FakeComfyServer server(k_transcript);
        {
            ui::SettingsDialog dialog(backend::AppSettings::load());
            auto* page = dialog.serversPage();
            child<QLineEdit>(page, "serverNameEdit")->setText(QStringLiteral("Studio GPU"));
            child<QLineEdit>(page, "serverUrlEdit")->setText(server.url() + u'/');
            child<QLineEdit>(page, "serverTokenEdit")->setText(QStringLiteral("s3cret"));
            server.requiredToken = QStringLiteral("s3cret");
            child<QPushButton>(page, "addServerButton")->click();
            // Tested at once, off this thread: this thread keeps answering meanwhile.
            QTRY_VERIFY_WITH_TIMEOUT(
                page->testResult().startsWith(QStringLiteral("Connected: ComfyUI 0.3.65")), 10000);
            QVERIFY2(page->testResult().contains(QStringLiteral("1 checkpoint")),
                     qPrintable(page->testResult()));
            QCOMPARE(page->servers().size(), 1);
            QVERIFY(backend::RenderServers().list().isEmpty()); // nothing kept before OK
            dialog.accept();
        }
        const auto kept = backend::RenderServers().list();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept[0].name, QStringLiteral("Studio GPU"));
        QCOMPARE(kept[0].url.toString(), server.url());
        QCOMPARE(backend::RenderServers().token(server.url()), QStringLiteral("s3cret"));

        // A wrong token is said in words; a removal undone by Cancel.
        {
            ui::SettingsDialog dialog(backend::AppSettings::load());
            auto* page = dialog.serversPage();
            child<QListWidget>(page, "serverList")->setCurrentRow(0);
            child<QLineEdit>(page, "serverTokenEdit")->setText(QStringLiteral("wrong"));
            child<QPushButton>(page, "testServerButton")->click();
            QTRY_VERIFY_WITH_TIMEOUT(page->testResult().startsWith(QStringLiteral("No connection")), 10000);
            QVERIFY2(page->testResult().contains(QStringLiteral("needs a token")),
                     qPrintable(page->testResult()));
            child<QPushButton>(page, "removeServerButton")->click();
            QVERIFY(page->servers().isEmpty());
            dialog.reject();
        }
        QCOMPARE(backend::RenderServers().list().size(), 1);
        QCOMPARE(backend::RenderServers().token(server.url()), QStringLiteral("s3cret"));
        backend::RenderServers().remove(server.url());
    }

    void jobOnAServerFromTheWindow()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        QCOMPARE(backend::RenderServers().save({QStringLiteral("Studio GPU"), QUrl(server.url())}, {}),
                 QString());
        auto window = openWindow();
        auto* panel = window->panel();
        auto* target = child<QComboBox>(panel, "targetCombo");
        QCOMPARE(target->itemText(0), QStringLiteral("This computer"));
        QCOMPARE(target->itemText(1), QStringLiteral("Studio GPU"));
        target->setCurrentIndex(1);
        auto* models = child<QComboBox>(panel, "modelCombo");
        QTRY_COMPARE_WITH_TIMEOUT(models->count(), 1, 10000);
        QCOMPARE(models->itemText(0), QStringLiteral("sd15-random.safetensors"));
        QTRY_VERIFY(child<QLabel>(window.get(), "computeLabel")
                        ->text()
                        .startsWith(QStringLiteral("On Studio GPU: ComfyUI 0.3.65")));

        // Seeds, honestly: Euler a there is not Euler a here; Euler is.
        auto* sampler = child<QComboBox>(panel, "samplerCombo");
        sampler->setCurrentIndex(sampler->findData(QStringLiteral("euler_a")));
        QVERIFY(panel->targetField()->note().contains(QStringLiteral("different picture")));
        sampler->setCurrentIndex(sampler->findData(QStringLiteral("euler")));
        QVERIFY(panel->targetField()->note().isEmpty());
        QVERIFY(!child<QCheckBox>(panel, "draftCheck")->isEnabled()); // drafts are this computer's

        panel->promptEdit()->setPlainText(QStringLiteral("a lighthouse"));
        child<ui::NumberField>(panel, "widthField")->setValue(64);
        child<ui::NumberField>(panel, "heightField")->setValue(64);
        child<ui::NumberField>(panel, "stepsField")->setValue(3);
        QSignalSpy saved(window->runner(), &backend::JobRunner::imageSaved);
        QSignalSpy started(window->runner(), &backend::JobRunner::jobStarted);
        QVERIFY(window->submit(false));
        QVERIFY(started.wait(10000) || started.size() == 1);
        const auto job = started[0][1].value<backend::GenerationJob>();
        QCOMPARE(job.server, server.url());
        QCOMPARE(job.model, QStringLiteral("sd15-random.safetensors"));
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 20000);
        const auto path = saved[0][1].toString();
        const auto parameters = store::parseParameters(*store::readParametersText(path));
        QVERIFY(parameters->extra.contains(
            {QStringLiteral("Server"), QStringLiteral("ComfyUI 0.3.65 at ") + server.url()}));
        QTRY_COMPARE(window->queue()->size(), 0);
        QVERIFY(window->errorText().isEmpty());
        window->runner()->shutdown();
        backend::RenderServers().remove(server.url());
    }

    // Cancel in the window reaches the server: a job waiting there leaves its queue.
    void cancelFromTheWindowReachesTheServer()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        jobs.play = FakeComfyJobs::Play::Waiting; // another job runs there
        QCOMPARE(backend::RenderServers().save({QStringLiteral("Studio GPU"), QUrl(server.url())}, {}),
                 QString());
        auto window = openWindow();
        child<QComboBox>(window->panel(), "targetCombo")->setCurrentIndex(1);
        QTRY_COMPARE_WITH_TIMEOUT(child<QComboBox>(window->panel(), "modelCombo")->count(), 1, 10000);
        window->panel()->promptEdit()->setPlainText(QStringLiteral("never made"));
        QSignalSpy finished(window->runner(), &backend::JobRunner::jobFinished);
        QVERIFY(window->submit(false));
        QTRY_VERIFY_WITH_TIMEOUT(server.requests.contains(QStringLiteral("POST /prompt")), 10000);
        child<QPushButton>(window->panel(), "cancelButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished[0][1].value<backend::JobOutcome>(), backend::JobOutcome::Cancelled);
        const auto at = server.requests.indexOf(QStringLiteral("POST /queue"));
        QVERIFY(at >= 0);
        QVERIFY(server.bodies[at].contains(jobs.promptIds.first().toUtf8()));
        QCOMPARE(window->queue()->size(), 0);
        window->runner()->shutdown();
        backend::RenderServers().remove(server.url());
    }

    // A held job shows where it was to run; a server that does not answer is said and no job
    // goes without a checkpoint.
    void unreachableServerIsSaid()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const auto url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        QCOMPARE(backend::RenderServers().save({QStringLiteral("Gone box"), QUrl(url)}, {}), QString());
        auto window = openWindow();
        auto* target = child<QComboBox>(window->panel(), "targetCombo");
        target->setCurrentIndex(1);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(window.get(), "computeLabel")->text(),
                                  QStringLiteral("On Gone box: no connection"), 30000);
        window->panel()->promptEdit()->setPlainText(QStringLiteral("a lighthouse"));
        QVERIFY(!window->submit(false));
        QVERIFY2(window->errorText().contains(QStringLiteral("cannot be reached")),
                 qPrintable(window->errorText()));
        QCOMPARE(window->queue()->size(), 0);

        // With the checkpoints it had when it last answered, a job for it is queued, shows where it
        // is to run, and is held until the server is back.
        window->runner()->shutdown();
        window.reset();
        backend::RenderServers().rememberCheckpoints(url, {QStringLiteral("sd15-random.safetensors")});
        window = openWindow();
        child<QComboBox>(window->panel(), "targetCombo")->setCurrentIndex(1);
        QCOMPARE(child<QComboBox>(window->panel(), "modelCombo")->currentText(),
                 QStringLiteral("sd15-random.safetensors"));
        window->panel()->promptEdit()->setPlainText(QStringLiteral("held"));
        QVERIFY(window->submit(false));
        QCOMPARE(window->queue()->data(window->queue()->index(0, backend::JobQueue::TargetColumn)).toString(),
                 QStringLiteral("Gone box"));
        QTRY_COMPARE_WITH_TIMEOUT(window->queue()->state(0), backend::JobQueue::State::Held, 20000);
        QVERIFY2(window->errorText().contains(QStringLiteral("cannot be reached")),
                 qPrintable(window->errorText()));
        QTRY_VERIFY(child<QToolButton>(window.get(), "queueRetryButton")->isVisible());
        window->runner()->shutdown();
        backend::RenderServers().remove(url);
    }
};

int main(int argc, char* argv[])
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
    qputenv("HF_HUB_CACHE", QFile::encodeName(home.filePath(QStringLiteral("hub"))));
    qputenv("HF_HUB_OFFLINE", "1");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Eikona"));
    QApplication::setOrganizationName(QStringLiteral("Eikona"));
    TestServerWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_server_window.moc"
