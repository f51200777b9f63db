// The first-run dialog against the hub-shaped test server: the size before anything starts,
// a download with progress that ends in a usable model, cancel and resume, a gated model and
// offline mode said in words with the dialog still usable, a local folder used or refused;
// TAESD fetched beside the model unless unticked, and Preferences' row that fetches it later.

#include "../store/hub_test_server.h"
#include "first_run_dialog.h"
#include "model_registry.h"
#include "preview_decoder.h"
#include "preview_decoder_field.h"
#include "scoped_environment.h"

#include <QCheckBox>

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace eikona;

namespace {
const QString k_tinyModel = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");
}

class TestFirstRunDialog : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        m_environment = std::make_unique<testing::ScopedEnvironment>();
        m_environment->set("XDG_DATA_HOME", QFile::encodeName(m_home->filePath(QStringLiteral("data"))));
        m_environment->set("HF_HUB_CACHE", QFile::encodeName(m_home->filePath(QStringLiteral("hub"))));
        m_environment->unset("HF_HUB_OFFLINE");
    }

    void cleanup()
    {
        m_environment.reset(); // each test's variables go with it
    }

    void sizeFirstThenADownloadThatEndsInAModel()
    {
        testing::HubTestServer hub;
        QString error;
        QVERIFY2(hub.start(k_tinyModel, &error), qPrintable(error));
        m_environment->set("HF_ENDPOINT", hub.endpoint().toUtf8());
        ui::FirstRunDialog dialog;
        dialog.show();
        auto* size = dialog.findChild<QLabel*>(QStringLiteral("downloadSizeLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(size->text().contains(QStringLiteral("MB to download")), 20000);
        QCOMPARE(hub.requests(QStringLiteral("/resolve/")), 0); // nothing fetched before the artist says so
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.findChild<QPushButton*>(QStringLiteral("downloadButton"))->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
        QCOMPARE(dialog.model(), QLatin1String(testing::HubTestServer::k_repo));
        QVERIFY(store::ModelRegistry().find(dialog.model()));
        // TAESD came along (ticked by default), so previews are full-size from the first job.
        QVERIFY(!backend::cachedPreviewDecoder().isEmpty());
        QCOMPARE(hub.requests(QStringLiteral("/madebyollin/taesd/resolve/")), 2);
    }

    void untickedTaesdIsNotFetched()
    {
        testing::HubTestServer hub;
        QString error;
        QVERIFY2(hub.start(k_tinyModel, &error), qPrintable(error));
        m_environment->set("HF_ENDPOINT", hub.endpoint().toUtf8());
        ui::FirstRunDialog dialog;
        dialog.show();
        auto* check = dialog.findChild<QCheckBox*>(QStringLiteral("withPreviewDecoderCheck"));
        QVERIFY(check->isVisible() && check->isChecked());
        check->setChecked(false);
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.findChild<QPushButton*>(QStringLiteral("downloadButton"))->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
        QVERIFY(backend::cachedPreviewDecoder().isEmpty());
        QCOMPARE(hub.requests(QStringLiteral("/madebyollin/taesd/")), 0);
    }

    void preferencesFetchTaesdLater()
    {
        testing::HubTestServer hub;
        QString error;
        QVERIFY2(hub.start(k_tinyModel, &error), qPrintable(error));
        m_environment->set("HF_ENDPOINT", hub.endpoint().toUtf8());
        ui::PreviewDecoderField field(true);
        field.show();
        auto* download = field.findChild<QPushButton*>(QStringLiteral("previewDecoderDownload"));
        QVERIFY(download->isVisible());
        QVERIFY(field.stateText().contains(QStringLiteral("Not downloaded")));
        download->click();
        QTRY_VERIFY_WITH_TIMEOUT(field.stateText() == QStringLiteral("Downloaded"), 20000);
        QVERIFY(!download->isVisible());
        QVERIFY(!backend::cachedPreviewDecoder().isEmpty());
        QVERIFY(field.useIt());
    }

    void preferencesSayWhyTaesdCannotBeFetched()
    {
        m_environment->set("HF_HUB_OFFLINE", "1");
        ui::PreviewDecoderField field(true);
        field.show();
        field.findChild<QPushButton*>(QStringLiteral("previewDecoderDownload"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(field.stateText().contains(QStringLiteral("Offline mode is on")), 20000);
        QVERIFY(field.findChild<QPushButton*>(QStringLiteral("previewDecoderDownload"))->isEnabled());
        m_environment->unset("HF_HUB_OFFLINE");
    }

    void cancelThenResume()
    {
        testing::HubTestServer hub;
        QString error;
        QVERIFY2(hub.start(k_tinyModel, &error, 400'000), qPrintable(error)); // the UNet at 400 kB/s
        m_environment->set("HF_ENDPOINT", hub.endpoint().toUtf8());
        ui::FirstRunDialog dialog;
        dialog.show();
        auto* download = dialog.findChild<QPushButton*>(QStringLiteral("downloadButton"));
        auto* cancel = dialog.findChild<QPushButton*>(QStringLiteral("cancelDownloadButton"));
        auto* progress = dialog.findChild<QProgressBar*>(QStringLiteral("downloadProgress"));
        auto* text = dialog.findChild<QLabel*>(QStringLiteral("downloadProgressText"));
        download->click();
        QVERIFY(!download->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 20000);
        QVERIFY(text->text().contains(QStringLiteral("left"))); // bytes, rate and ETA
        cancel->click();
        QTRY_VERIFY_WITH_TIMEOUT(download->isEnabled(), 20000);
        QVERIFY(dialog.errorText().contains(QStringLiteral("resumes")));
        QVERIFY(dialog.isVisible());
        QSignalSpy finished(&dialog, &QDialog::finished);
        download->click();
        QVERIFY(finished.wait(120000));
        QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
        QVERIFY(hub.requests(QLatin1String(testing::HubTestServer::k_slow_file), 206) >=
                1); // resumed, not restarted
    }

    void failuresAreSaidAndTheDialogStaysUsable_data()
    {
        QTest::addColumn<QString>("repo");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<QString>("words");
        QTest::newRow("gated") << QString::fromLatin1(testing::HubTestServer::k_gated) << false
                               << QStringLiteral("refuses access");
        QTest::newRow("offline") << QString::fromLatin1(testing::HubTestServer::k_repo) << true
                                 << QStringLiteral("Offline mode is on");
        QTest::newRow("no such model")
            << QStringLiteral("nobody/nothing") << false << QStringLiteral("not found");
        QTest::newRow("unreachable") << QStringLiteral("unreachable") << false
                                     << QStringLiteral("cannot be reached");
    }

    void failuresAreSaidAndTheDialogStaysUsable()
    {
        QFETCH(QString, repo);
        QFETCH(bool, offline);
        QFETCH(QString, words);
        testing::HubTestServer hub;
        QString error;
        QVERIFY2(hub.start(k_tinyModel, &error), qPrintable(error));
        // "unreachable": a port nobody listens on.
        const bool unreachable = repo == QStringLiteral("unreachable");
        m_environment->set("HF_ENDPOINT",
                           unreachable ? QByteArray("http://127.0.0.1:1") : hub.endpoint().toUtf8());
        if (offline)
            m_environment->set("HF_HUB_OFFLINE", "1");
        ui::FirstRunDialog dialog(nullptr,
                                  unreachable ? QString::fromLatin1(testing::HubTestServer::k_repo) : repo);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 20000);
        QVERIFY2(dialog.errorText().contains(words, Qt::CaseInsensitive), qPrintable(dialog.errorText()));
        // The hub client's own detail stays one hover away.
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("downloadError"))->toolTip().isEmpty());
        auto* download = dialog.findChild<QPushButton*>(QStringLiteral("downloadButton"));
        QVERIFY(download->isEnabled());
        download->click(); // again: the same words, no crash, still open
        QTRY_VERIFY_WITH_TIMEOUT(download->isEnabled(), 20000);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.errorText().isEmpty());
        // The message has room: every wrapped label gets the height its lines need.
        const auto labels = dialog.findChildren<QLabel*>();
        for (const auto* label : labels)
            if (label->isVisible() && label->wordWrap())
                QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
    }

    void localFolderUsedOrRefused()
    {
        m_environment->set("HF_HUB_OFFLINE", "1");
        ui::FirstRunDialog dialog;
        dialog.show();
        QVERIFY(!dialog.useLocalModel(m_home->path())); // an empty folder is not a model
        QVERIFY(dialog.errorText().contains(QStringLiteral("cannot be used as a model")));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.useLocalModel(k_tinyModel));
        QCOMPARE(dialog.result(), static_cast<int>(QDialog::Accepted));
        QCOMPARE(dialog.model(), QStringLiteral("tiny-sd15"));
    }

  private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<testing::ScopedEnvironment> m_environment;
};

QTEST_MAIN(TestFirstRunDialog)
#include "tst_first_run_dialog.moc"
