// The window on the tiny model (offscreen): every control -> GenerationJob, a whole job with
// its picture in the strip and on disk, cancel, the queue edited from the dock, an error shown
// and recovered from, settings and prompts restored across a restart, Ctrl+Up/Down with undo,
// the quit question during a job, and the window's thread staying responsive.

#include "app_settings.h"
#include "canvas_view.h"
#include "gallery_model.h"
#include "gallery_view.h"
#include "generation_panel.h"
#include "job_queue.h"
#include "generation_session.h"
#include "job_runner.h"
#include "language.h"
#include "main_window.h"
#include "model_registry.h"
#include "number_field.h"
#include "picture_file.h"
#include "prompt_edit.h"
#include "settings_dialog.h"

#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTableView>
#include <QSlider>
#include <QLabel>
#include <QSpinBox>
#include <QAction>

using namespace eikona;

namespace {

const QString k_tinyModel = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");

template <typename T> T* child(QWidget* parent, const char* name)
{
    auto* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        store::ModelRegistry().add(k_tinyModel, QStringLiteral("tiny-sd15"));
    }

    void init()
    {
        QSettings().clear();
        backend::AppSettings settings;
        settings.outputFolder = m_home.filePath(QStringLiteral("pictures-%1").arg(++m_round));
        settings.save();
        m_queueFile = m_home.filePath(QStringLiteral("queue-%1.json").arg(m_round));
        m_window = std::make_unique<ui::MainWindow>(m_queueFile);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        if (m_window)
            m_window->runner()->shutdown();
        m_window.reset();
        backend::applyLanguage(QStringLiteral("en")); // a test that chose Greek leaves it behind
    }

    // Right after start, before any job, the selected model loads and warms up for the
    // controls' size; a size change readies it again; the status says so.
    void modelIsReadiedWhileTheArtistTypes()
    {
        QSignalSpy warming(m_window->runner(), &backend::JobRunner::warmingUp);
        QSignalSpy warmed(m_window->runner(), &backend::JobRunner::warmedUp);
        QVERIFY(warmed.wait(30000));
        QCOMPARE(warming.size(), 1);
        QCOMPARE(warming[0][0].toInt(), 512);
        QCOMPARE(m_window->progressText(), QStringLiteral("Ready."));
        QCOMPARE(backend::GenerationSession::openSessions(), 1);
        child<ui::NumberField>(m_window->panel(), "widthField")->setValue(64);
        QVERIFY(warmed.wait(30000));
        QCOMPARE(warming.last()[0].toInt(), 64);
    }

    void promptHasFocusAndControlsHaveNames()
    {
        QCOMPARE(QApplication::focusWidget(), m_window->panel()->promptEdit());
        for (auto* widget : m_window->findChildren<QWidget*>()) {
            if (!widget->isVisibleTo(m_window.get()) || !(widget->focusPolicy() & Qt::TabFocus))
                continue;
            if (qobject_cast<QAbstractButton*>(widget) || qobject_cast<QComboBox*>(widget) ||
                qobject_cast<QAbstractSpinBox*>(widget) || qobject_cast<QPlainTextEdit*>(widget) ||
                qobject_cast<QSlider*>(widget))
                QVERIFY2(!widget->accessibleName().isEmpty() || !qobject_cast<QAbstractButton*>(widget) ||
                             !static_cast<QAbstractButton*>(widget)->text().isEmpty(),
                         qPrintable(widget->objectName()));
            if (qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractSpinBox*>(widget) ||
                qobject_cast<QSlider*>(widget))
                QVERIFY2(!widget->accessibleName().isEmpty() && !widget->toolTip().isEmpty(),
                         qPrintable(widget->objectName() + u' ' +
                                    QString::fromLatin1(widget->metaObject()->className())));
        }
    }

    void everyControlMapsToTheJob()
    {
        auto* panel = m_window->panel();
        panel->promptEdit()->setText(QStringLiteral("ένα καράβι, (oil:1.2)"));
        panel->negativePromptEdit()->setText(QStringLiteral("blurry"));
        child<ui::NumberField>(panel, "stepsField")->setValue(33);
        child<ui::NumberField>(panel, "cfgField")->setValue(6.5);
        child<ui::NumberField>(panel, "widthField")->setValue(640);
        child<ui::NumberField>(panel, "heightField")->setValue(384);
        auto* sampler = child<QComboBox>(panel, "samplerCombo");
        sampler->setCurrentIndex(sampler->findData(QStringLiteral("dpmpp_2m_karras")));
        QCOMPARE(sampler->currentText(), QStringLiteral("DPM++ 2M Karras"));
        child<ui::NumberField>(panel, "batchSizeField")->setValue(2);
        child<ui::NumberField>(panel, "batchCountField")->setValue(3);
        child<QLineEdit>(panel, "seedEdit")->setText(QStringLiteral("987654321"));
        panel->setInitImage(QStringLiteral("/pictures/start.png"), {});
        child<ui::NumberField>(panel, "strengthField")->setValue(0.6);
        auto job = panel->job();
        QCOMPARE(job.model, QStringLiteral("tiny-sd15"));
        QCOMPARE(job.request.prompt, QStringLiteral("ένα καράβι, (oil:1.2)"));
        QCOMPARE(job.request.negativePrompt, QStringLiteral("blurry"));
        QCOMPARE(job.request.steps, 33);
        QCOMPARE(job.request.cfgScale, 6.5);
        QCOMPARE(job.request.width, 640);
        QCOMPARE(job.request.height, 384);
        QCOMPARE(job.request.sampler, QStringLiteral("dpmpp_2m_karras"));
        QCOMPARE(job.request.batchSize, 2);
        QCOMPARE(job.request.batchCount, 3);
        QCOMPARE(job.request.seed, 987654321ULL);
        QCOMPARE(job.initImagePath, QStringLiteral("/pictures/start.png"));
        QCOMPARE(job.request.strength, 0.6);

        // Swap and presets.
        QTest::mouseClick(child<QToolButton>(panel, "swapSizeButton"), Qt::LeftButton);
        QCOMPARE(panel->job().request.width, 384);
        QCOMPARE(panel->job().request.height, 640);
        child<QComboBox>(panel, "sizePresetCombo")->activated(2); // 512 x 768
        QCOMPARE(panel->job().request.width, 512);
        QCOMPARE(panel->job().request.height, 768);
        // Random seed, then the last seed back.
        QTest::mouseClick(child<QToolButton>(panel, "randomSeedButton"), Qt::LeftButton);
        QVERIFY(!panel->seed());
        panel->setLastSeed(42);
        QTest::mouseClick(child<QToolButton>(panel, "reuseSeedButton"), Qt::LeftButton);
        QCOMPARE(panel->seed(), std::optional<quint64>(42));
        // Strength only with an init image.
        QVERIFY(child<ui::NumberField>(panel, "strengthField")->isEnabled());
        QTest::mouseClick(child<QToolButton>(panel, "clearInitImageButton"), Qt::LeftButton);
        QVERIFY(!child<ui::NumberField>(panel, "strengthField")->isEnabled());
        QVERIFY(panel->job().initImagePath.isEmpty());
    }

    void impossibleValuesAreRefusedAtTheControl()
    {
        auto* width = child<ui::NumberField>(m_window->panel(), "widthField")->spinBox();
        width->setFocus();
        width->selectAll();
        QTest::keyClicks(width, QStringLiteral("100"));
        QTest::keyClick(width, Qt::Key_Tab); // leaving the box rounds to a multiple of 8
        QCOMPARE(static_cast<int>(width->value()) % 8, 0);
        QCOMPARE(m_window->panel()->job().request.width % 8, 0);
        auto* seed = child<QLineEdit>(m_window->panel(), "seedEdit");
        seed->clear();
        QTest::keyClicks(seed, QStringLiteral("-5x"));
        QVERIFY(!seed->hasAcceptableInput() || seed->text() == QStringLiteral("-"));
        auto* strength = child<ui::NumberField>(m_window->panel(), "strengthField");
        strength->setValue(7);
        QCOMPARE(strength->value(), 1.0);
    }

    void unreadableInitImageIsRefused()
    {
        const auto notAPicture = m_home.filePath(QStringLiteral("notes.png"));
        QFile file(notAPicture);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just text");
        file.close();
        m_window->setInitImage(notAPicture);
        QTRY_VERIFY(m_window->errorText().contains(QStringLiteral("cannot be read")));
        QVERIFY(m_window->panel()->initImage().isEmpty());
        QVERIFY(!child<ui::NumberField>(m_window->panel(), "strengthField")->isEnabled());

        QImage picture(96, 64, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        const auto real = m_home.filePath(QStringLiteral("start.png"));
        QVERIFY(picture.save(real));
        m_window->setInitImage(real);
        QTRY_COMPARE(m_window->panel()->initImage(), real);
        QVERIFY(child<ui::NumberField>(m_window->panel(), "strengthField")->isEnabled());
    }

    void droppedAndPastedPictures()
    {
        auto* canvas = m_window->canvas();
        // As a drag arrives: it enters (and is accepted by its kind), then drops.
        const auto drop = [&](QMimeData* data) {
            QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(canvas, &enter);
            QDropEvent event(QPointF(50, 50), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(canvas, &event);
        };
        // A file.
        QImage picture(120, 80, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        const auto file = m_home.filePath(QStringLiteral("dropped.png"));
        QVERIFY(picture.save(file));
        QMimeData fileData;
        fileData.setUrls({QUrl::fromLocalFile(file)});
        drop(&fileData);
        QTRY_COMPARE(m_window->panel()->initImage(), file);

        // Not a picture, a truncated PNG, a decompression bomb: a message, and nothing changes.
        QMimeData text; // words alone are refused as the drag enters: no drop happens at all
        text.setText(QStringLiteral("just words"));
        QDragEnterEvent enterText(QPoint(50, 50), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &enterText);
        QVERIFY(!enterText.isAccepted());
        const auto notes = m_home.filePath(QStringLiteral("notes.txt"));
        QFile notesFile(notes);
        QVERIFY(notesFile.open(QIODevice::WriteOnly));
        notesFile.write("not a picture");
        notesFile.close();
        QMimeData notAPicture;
        notAPicture.setUrls({QUrl::fromLocalFile(notes)});
        drop(&notAPicture);
        QTRY_VERIFY(m_window->errorText().contains(QStringLiteral("cannot be read")));
        QCOMPARE(m_window->panel()->initImage(), file);
        m_window->findChild<QPushButton*>(QStringLiteral("errorCloseButton"))->click();
        // Truncated files and decompression bombs: tst_init_image_intake.
        // Image data (what a browser or an editor puts on the clipboard): saved, then used.
        QMimeData imageData;
        imageData.setImageData(picture);
        QApplication::clipboard()->setMimeData(new QMimeData);
        drop(&imageData);
        QTRY_VERIFY(m_window->panel()->initImage().contains(QStringLiteral("/pasted/")));
        QVERIFY(QFile::exists(m_window->panel()->initImage()));
        // And pasted with Ctrl+V while the canvas has the focus.
        auto* clip = new QMimeData;
        clip->setUrls({QUrl::fromLocalFile(file)});
        QApplication::clipboard()->setMimeData(clip);
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_V, Qt::ControlModifier);
        QTRY_COMPARE(m_window->panel()->initImage(), file);
    }

    void droppedPictureWithParametersOffersThem()
    {
        QImage picture(64, 64, QImage::Format_RGB888);
        picture.fill(Qt::blue);
        auto parameters = store::GenerationParameters{};
        parameters.prompt = QStringLiteral("a castle made of glass");
        parameters.steps = 31;
        parameters.sampler = QStringLiteral("DDIM");
        parameters.cfgScale = 5;
        parameters.seed = 4242;
        parameters.width = 64;
        parameters.height = 64;
        const auto file = m_home.filePath(QStringLiteral("with-parameters.png"));
        QVERIFY(store::writePicture(file, picture, parameters).isEmpty());
        bool offered = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                offered = true;
                QTest::keyClick(box, Qt::Key_Return); // the default: restore
            }
        });
        poll.start(50);
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window->canvas(), &enter);
        QDropEvent event(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window->canvas(), &event);
        QTRY_VERIFY(offered);
        QTRY_COMPARE(m_window->panel()->promptEdit()->text(), QStringLiteral("a castle made of glass"));
        QCOMPARE(m_window->panel()->job().request.steps, 31);
        QCOMPARE(m_window->panel()->seed(), std::optional<quint64>(4242));
        QCOMPARE(m_window->panel()->initImage(), file);
    }

    void ctrlUpRaisesTheWeightAndUndoTakesItBack()
    {
        auto* prompt = m_window->panel()->promptEdit();
        prompt->setFocus();
        QTest::keyClicks(prompt, QStringLiteral("a red cat"));
        auto cursor = prompt->textCursor();
        cursor.setPosition(3);
        prompt->setTextCursor(cursor);
        QTest::keyClick(prompt, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(prompt->text(), QStringLiteral("a (red:1.1) cat"));
        QTest::keyClick(prompt, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(prompt->text(), QStringLiteral("a (red:1.2) cat"));
        QTest::keyClick(prompt, Qt::Key_Down, Qt::ControlModifier);
        QTest::keyClick(prompt, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(prompt->text(), QStringLiteral("a red cat"));
        prompt->undo();
        QCOMPARE(prompt->text(), QStringLiteral("a (red:1.1) cat"));
        QTRY_COMPARE(prompt->counterLabel()->text(), QStringLiteral("3 / 75"));
    }

    void wholeJobFromCtrlEnter()
    {
        auto* panel = m_window->panel();
        panel->promptEdit()->setFocus();
        QTest::keyClicks(panel->promptEdit(), QStringLiteral("a lighthouse at dusk"));
        child<ui::NumberField>(panel, "widthField")->setValue(64);
        child<ui::NumberField>(panel, "heightField")->setValue(64);
        child<ui::NumberField>(panel, "stepsField")->setValue(4);
        child<QLineEdit>(panel, "seedEdit")->setText(QStringLiteral("1234"));
        QSignalSpy progress(m_window->runner(), &backend::JobRunner::progress);
        QSignalSpy idle(m_window->runner(), &backend::JobRunner::idle);
        panel->promptEdit()->setFocus();
        QTest::keyClick(panel->promptEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(idle.wait(60000));
        QCOMPARE(panel->promptEdit()->text(),
                 QStringLiteral("a lighthouse at dusk")); // Ctrl+Enter typed no newline
        QCOMPARE(progress.size(), 4);
        QCOMPARE(m_window->results()->count(), 1);
        const auto* result = m_window->results()->current();
        QVERIFY(result);
        QVERIFY(QFile::exists(result->path));
        QVERIFY2(result->path.endsWith(QStringLiteral("-1234-a-lighthouse-at-dusk.png")),
                 qPrintable(result->path));
        QCOMPARE(result->parameters.prompt, QStringLiteral("a lighthouse at dusk"));
        QVERIFY(!m_window->canvas()->isPreview());
        QCOMPARE(m_window->canvas()->image().size(), QSize(64, 64));
        QVERIFY(eikona::store::readParametersText(result->path)->contains(QStringLiteral("Seed: 1234")));
        QVERIFY(m_window->progressText().contains(QStringLiteral("Done")));
        // The picture is in the gallery too, found by a word of its prompt.
        QTRY_VERIFY(m_window->gallery()->model()->rowOfPath(result->path) >= 0);
        m_window->gallery()->searchBox()->setText(QStringLiteral("lighthouse"));
        QTRY_VERIFY(m_window->gallery()->model()->rowCount() >= 1);
        // Reuse: fill the controls back from the picture.
        panel->promptEdit()->setText(QStringLiteral("something else"));
        auto* draft = child<QCheckBox>(panel, "draftCheck");
        draft->setChecked(true);
        child<QPushButton>(m_window.get(), "useParametersButton")->click();
        QCOMPARE(panel->promptEdit()->text(), QStringLiteral("a lighthouse at dusk"));
        QCOMPARE(panel->seed(), std::optional<quint64>(1234));
        QVERIFY(!draft->isChecked()); // not a draft: the parameters say so by saying nothing
        // A draft's parameters tick Draft back on.
        auto parameters = result->parameters;
        parameters.extra.append({QStringLiteral("Draft"), QStringLiteral("TAESD")});
        panel->applyParameters(parameters);
        QVERIFY(draft->isChecked());
    }

    void cancelWithEscKeepsTheQueue()
    {
        auto* panel = m_window->panel();
        panel->promptEdit()->setText(QStringLiteral("long"));
        child<ui::NumberField>(panel, "widthField")->setValue(64);
        child<ui::NumberField>(panel, "heightField")->setValue(64);
        child<ui::NumberField>(panel, "stepsField")->setValue(150);
        child<ui::NumberField>(panel, "batchCountField")->setValue(50);
        QSignalSpy progress(m_window->runner(), &backend::JobRunner::progress);
        QVERIFY(m_window->submit(true));
        panel->promptEdit()->setText(QStringLiteral("waiting"));
        QVERIFY(m_window->submit(false));
        QCOMPARE(m_window->queue()->size(), 2);
        QVERIFY(progress.wait(30000));
        QSignalSpy finished(m_window->runner(), &backend::JobRunner::jobFinished);
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished[0][1].value<backend::JobOutcome>(), backend::JobOutcome::Cancelled);
        // The waiting job went on and can be stopped from the dock too.
        QTRY_COMPARE(m_window->queue()->size(), 1);
        QCOMPARE(m_window->queue()->job(0).request.prompt, QStringLiteral("waiting"));
    }

    void waitingJobEditedBackIntoTheControls()
    {
        auto* panel = m_window->panel();
        panel->promptEdit()->setText(QStringLiteral("first, long"));
        child<ui::NumberField>(panel, "widthField")->setValue(64);
        child<ui::NumberField>(panel, "heightField")->setValue(64);
        child<ui::NumberField>(panel, "stepsField")->setValue(150);
        child<ui::NumberField>(panel, "batchCountField")->setValue(50);
        QVERIFY(m_window->submit(false));
        panel->promptEdit()->setText(QStringLiteral("second"));
        child<ui::NumberField>(panel, "stepsField")->setValue(12);
        child<ui::NumberField>(panel, "batchCountField")->setValue(1);
        QVERIFY(m_window->submit(false));
        panel->promptEdit()->setText(QStringLiteral("being typed"));
        auto* view = child<QTableView>(m_window.get(), "queueView");
        view->selectRow(1);
        child<QToolButton>(m_window.get(), "queueEditButton")->click();
        QCOMPARE(panel->promptEdit()->text(), QStringLiteral("second"));
        QCOMPARE(panel->job().request.steps, 12);
        QCOMPARE(m_window->queue()->size(), 1);
        // The running job: Remove becomes Stop.
        view->selectRow(0);
        auto* remove = child<QToolButton>(m_window.get(), "queueRemoveButton");
        QCOMPARE(remove->text(), QStringLiteral("Stop"));
        QSignalSpy finished(m_window->runner(), &backend::JobRunner::jobFinished);
        remove->click();
        QVERIFY(finished.wait(30000));
        QCOMPARE(m_window->queue()->size(), 0);
    }

    void failedJobIsShownAndTheWindowRecovers()
    {
        const auto broken = m_home.filePath(QStringLiteral("broken-model"));
        QVERIFY(QDir().mkpath(broken + QStringLiteral("/unet")));
        QFile index(broken + QStringLiteral("/model_index.json"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("{\"_class_name\": \"StableDiffusionPipeline\", \"unet\": [\"diffusers\", "
                    "\"UNet2DConditionModel\"]}");
        index.close();
        auto job = m_window->panel()->job();
        job.model = broken;
        job.request.width = job.request.height = 64;
        job.request.steps = 2;
        QSignalSpy finished(m_window->runner(), &backend::JobRunner::jobFinished);
        m_window->queue()->enqueue(job);
        m_window->runner()->startNext();
        QVERIFY(finished.wait(30000));
        QVERIFY(m_window->errorText().contains(QStringLiteral("could not be opened")));
        QVERIFY(child<QPushButton>(m_window.get(), "errorDetailsButton")->isVisibleTo(m_window.get()));
        // The next job runs and the message goes.
        job.model = QStringLiteral("tiny-sd15");
        m_window->queue()->enqueue(job);
        m_window->runner()->startNext();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished[1][1].value<backend::JobOutcome>(), backend::JobOutcome::Done);
        QVERIFY(m_window->errorText().isEmpty());
    }

    void settingsAndPromptsSurviveARestart()
    {
        auto* panel = m_window->panel();
        panel->promptEdit()->setText(QStringLiteral("a prompt worth keeping, ναυάγιο"));
        panel->negativePromptEdit()->setText(QStringLiteral("text"));
        child<ui::NumberField>(panel, "stepsField")->setValue(42);
        child<ui::NumberField>(panel, "cfgField")->setValue(9);
        child<ui::NumberField>(panel, "widthField")->setValue(768);
        auto* sampler = child<QComboBox>(panel, "samplerCombo");
        sampler->setCurrentIndex(sampler->findData(QStringLiteral("ddim")));
        child<QLineEdit>(panel, "seedEdit")->setText(QStringLiteral("77"));
        m_window->resize(1111, 777);
        // Saved a moment after a change, without quitting: a crash loses nothing typed.
        QTRY_COMPARE_WITH_TIMEOUT(QSettings().value(QStringLiteral("generation/prompt")).toString(),
                                  QStringLiteral("a prompt worth keeping, ναυάγιο"), 3000);
        m_window->close();
        m_window.reset();

        m_window = std::make_unique<ui::MainWindow>(m_queueFile);
        auto* restored = m_window->panel();
        QCOMPARE(restored->promptEdit()->text(), QStringLiteral("a prompt worth keeping, ναυάγιο"));
        QCOMPARE(restored->negativePromptEdit()->text(), QStringLiteral("text"));
        const auto job = restored->job();
        QCOMPARE(job.request.steps, 42);
        QCOMPARE(job.request.cfgScale, 9.0);
        QCOMPARE(job.request.width, 768);
        QCOMPARE(job.request.sampler, QStringLiteral("ddim"));
        QCOMPARE(restored->seed(), std::optional<quint64>(77));
        QCOMPARE(m_window->size(), QSize(1111, 777));
    }

    void closingDuringAJobAsksOnceAndKeepsTheQueue()
    {
        auto* panel = m_window->panel();
        panel->promptEdit()->setText(QStringLiteral("long"));
        child<ui::NumberField>(panel, "widthField")->setValue(64);
        child<ui::NumberField>(panel, "heightField")->setValue(64);
        child<ui::NumberField>(panel, "stepsField")->setValue(150);
        child<ui::NumberField>(panel, "batchCountField")->setValue(100);
        QSignalSpy progress(m_window->runner(), &backend::JobRunner::progress);
        QVERIFY(m_window->submit(true));
        QVERIFY(progress.wait(30000));
        bool asked = false;
        QTimer::singleShot(200, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            asked = box != nullptr;
            if (box)
                QTest::keyClick(box, Qt::Key_Return); // Enter confirms: stop and quit
        });
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_window->close());
        QVERIFY(asked);
        QVERIFY(timer.elapsed() < 10000);
        m_window.reset();
        backend::JobQueue reread(m_queueFile);
        QCOMPARE(reread.size(), 1);
        QCOMPARE(reread.state(0), backend::JobQueue::State::Waiting);
    }

    void preferencesAreKeptAndReachTheWorker()
    {
        backend::AppSettings before = backend::AppSettings::load();
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<ui::SettingsDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* dtype = child<QComboBox>(dialog, "dtypeCombo");
            dtype->setCurrentIndex(dtype->findData(QStringLiteral("bf16")));
            child<QSpinBox>(dialog, "threadsSpin")->setValue(1);
            child<QLineEdit>(dialog, "outputFolderEdit")
                ->setText(m_home.filePath(QStringLiteral("elsewhere")));
            child<QLineEdit>(dialog, "modelCacheEdit")->setText(m_home.filePath(QStringLiteral("models")));
            auto* preview = child<QComboBox>(dialog, "previewCombo");
            preview->setCurrentIndex(preview->findData(5));
            auto* language = child<QComboBox>(dialog, "languageCombo");
            language->setCurrentIndex(language->findData(QStringLiteral("el")));
            QVERIFY(child<QLabel>(dialog, "detectedLabel")->text().contains(QStringLiteral("CPU, bf16")));
            dialog->accept();
        });
        m_window->findChild<QAction*>(QStringLiteral("preferencesAction"))->trigger();
        auto after = backend::AppSettings::load();
        QCOMPARE(after.dtype, QStringLiteral("bf16"));
        QCOMPARE(after.threads, 1);
        QCOMPARE(after.outputFolder, m_home.filePath(QStringLiteral("elsewhere")));
        QCOMPARE(after.previewEvery, 5);
        QCOMPARE(after.language, QStringLiteral("el"));
        QCOMPARE(after.modelCache, m_home.filePath(QStringLiteral("models")));
        // The model folder is where every hub call looks from the next start on.
        const auto hubCache = qgetenv("HF_HUB_CACHE");
        after.applyModelCache();
        QCOMPARE(QString::fromLocal8Bit(qgetenv("HF_HUB_CACHE")), m_home.filePath(QStringLiteral("models")));
        qputenv("HF_HUB_CACHE", hubCache);
        QCOMPARE(after.device, before.device);
        const auto worker = m_window->runner()->settings();
        QCOMPARE(worker.dtype, QStringLiteral("bf16"));
        QCOMPARE(worker.previewEvery, 5);
        QCOMPARE(worker.outputFolder, m_home.filePath(QStringLiteral("elsewhere")));
        // Greek was chosen: the window speaks it already.
        QVERIFY(child<QLabel>(m_window.get(), "computeLabel")
                    ->text()
                    .startsWith(QStringLiteral("CPU, bf16, 1 νήμα")));
    }

    void helpNamesTheShortcutsAndTheEngine()
    {
        const auto textOf = [&](const char* action) {
            QString text;
            QTimer::singleShot(0, this, [&] {
                if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                    text = box->text();
                    box->accept();
                }
            });
            m_window->findChild<QAction*>(QLatin1String(action))->trigger();
            return text;
        };
        const auto shortcuts = textOf("shortcutsAction");
        for (const auto* key : {"Ctrl+Enter", "Ctrl+Shift+Enter", "Esc", "Ctrl+Up / Ctrl+Down", "Ctrl+Q"})
            QVERIFY2(shortcuts.contains(QLatin1String(key)), key);
        const auto about = textOf("aboutAction");
        QVERIFY(about.contains(QStringLiteral("Eikona " EIKONA_VERSION)));
        QVERIFY(about.contains(QStringLiteral("libtorch")));
        QVERIFY(about.contains(QStringLiteral("CPU, fp32"))); // where it computes
    }

    // Shrunk by hand, the window stops where its three columns still show their controls.
    void windowDoesNotShrinkPastItsControls()
    {
        m_window->show();
        m_window->resize(200, 200);
        QVERIFY(m_window->minimumSize().width() >= 900 && m_window->minimumSize().height() >= 500);
        QCOMPARE(m_window->size(), m_window->minimumSize());
        QVERIFY(m_window->panel()->width() > 0);
    }

    void tabOrderFollowsTheLayout()
    {
        // From the prompt, Tab walks down the panel: negative prompt, where to render, the buttons,
        // then the fields.
        QStringList order;
        QWidget* widget = m_window->panel()->promptEdit();
        for (int i = 0; i < 8; ++i) {
            order.append(widget->objectName());
            widget = widget->nextInFocusChain();
            while (!(widget->focusPolicy() & Qt::TabFocus) || !widget->isVisibleTo(m_window.get()))
                widget = widget->nextInFocusChain();
        }
        QCOMPARE(order.mid(0, 7),
                 (QStringList{QStringLiteral("promptEdit"), QStringLiteral("negativePromptEdit"),
                              QStringLiteral("targetCombo"), QStringLiteral("generateButton"),
                              QStringLiteral("queueButton"), QStringLiteral("cancelButton"),
                              QStringLiteral("modelCombo")}));
    }

    void windowStaysResponsiveDuringAJob()
    {
        auto* panel = m_window->panel();
        panel->promptEdit()->setText(QStringLiteral("responsive"));
        child<ui::NumberField>(panel, "widthField")->setValue(256);
        child<ui::NumberField>(panel, "heightField")->setValue(256);
        child<ui::NumberField>(panel, "stepsField")->setValue(20);
        QSignalSpy idle(m_window->runner(), &backend::JobRunner::idle);
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst = 0;
        QTimer tick;
        tick.setInterval(5);
        connect(&tick, &QTimer::timeout, this, [&] {
            const auto now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
        clock.start();
        tick.start();
        // The machine's own stalls first (a loaded CI runs other tests beside this one): the
        // job may add at most 500 ms to the worst gap an idle window sees.
        QTest::qWait(1000);
        const auto idleWorst = worst;
        worst = 0;
        QVERIFY(m_window->submit(true));
        QVERIFY(idle.wait(120000));
        tick.stop();
        qInfo("worst gap of the window's event loop: %lld ms during the job, %lld ms idle", worst, idleWorst);
        // The benchmark holds it to 200 ms on a quiet machine.
        QVERIFY2(worst < 500 + idleWorst,
                 qPrintable(QStringLiteral("%1 ms (idle: %2 ms)").arg(worst).arg(idleWorst)));
    }

  private:
    QTemporaryDir m_home;
    QString m_queueFile;
    std::unique_ptr<ui::MainWindow> m_window;
    int m_round = 0;
};

int main(int argc, char* argv[])
{
    // Everything the app keeps goes to a fresh folder: settings, registry, queue, model cache.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
    qputenv("HF_HUB_CACHE", QFile::encodeName(home.filePath(QStringLiteral("hub"))));
    qputenv("HF_HUB_OFFLINE", "1");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Eikona"));
    QApplication::setOrganizationName(QStringLiteral("Eikona"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_main_window.moc"
