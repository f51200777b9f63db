// Whole jobs through the worker thread on the tiny model: progress in order with a preview per
// step, the PNG equal to the CLI's, cancel, the model kept warm and switched without two in
// memory, every failure reported with its kind while the next job still runs; with TAESD,
// full-size previews paced to a share of the run and draft pictures that say so.

#include "cli_process.h"
#include "generation_session.h"
#include "job_runner.h"
#include "picture_file.h"
#include "preview_pacer.h"

#include <QDir>
#include <QRegularExpression>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace eikona::backend;

namespace {

const QString k_tinyModel = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");
const QString k_tinyTaesd = QStringLiteral(EIKONA_TEST_DATA "/taesd/tiny");

GenerationJob tinyJob(int steps = 6)
{
    GenerationJob job;
    job.model = k_tinyModel;
    job.request.prompt = QStringLiteral("a lighthouse at dusk, (oil painting:1.2)");
    job.request.negativePrompt = QStringLiteral("blurry");
    job.request.steps = steps;
    job.request.seed = 1234;
    job.request.width = 64;
    job.request.height = 64;
    job.request.sampler = QStringLiteral("euler_a");
    return job;
}

struct Finished {
    qint64 id;
    JobOutcome outcome;
    ErrorKind kind;
    QString detail;
};

} // namespace

class TestGenerationWorker : public QObject {
    Q_OBJECT

  private:
    void usePreviewDecoder(const QString& folder)
    {
        auto settings = m_runner->settings();
        settings.previewDecoder = folder;
        m_runner->setSettings(settings);
    }

    /// Runs `job` alone to the end; the progress it reported.
    QList<GenerationProgress> runAlone(const GenerationJob& job)
    {
        QList<GenerationProgress> steps;
        const auto connection = connect(m_runner.get(), &JobRunner::progress, this,
                                        [&](qint64, const GenerationProgress& p) { steps.append(p); });
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_queue->enqueue(job);
        m_runner->startNext();
        const bool ended = idle.wait(60000);
        disconnect(connection);
        if (!ended)
            qWarning("the job did not end within a minute");
        return steps;
    }

  private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_queue = std::make_unique<JobQueue>(m_dir->filePath(QStringLiteral("queue.json")));
        m_runner = std::make_unique<JobRunner>(m_queue.get());
        WorkerSettings settings;
        settings.outputFolder = m_dir->filePath(QStringLiteral("out"));
        m_runner->setSettings(settings);
        m_finished.clear();
        connect(m_runner.get(), &JobRunner::jobFinished, this,
                [this](qint64 id, JobOutcome outcome, ErrorKind kind, const QString& detail) {
                    m_finished.append({id, outcome, kind, detail});
                });
    }

    void cleanup()
    {
        m_runner.reset();
        m_queue.reset();
        QCOMPARE(GenerationSession::openSessions(), 0); // the model went with the worker thread
    }

    void wholeJobMatchesTheCli()
    {
        QList<GenerationProgress> steps;
        QList<QThread*> threads;
        connect(m_runner.get(), &JobRunner::progress, this, [&](qint64, const GenerationProgress& p) {
            steps.append(p);
            threads.append(QThread::currentThread());
        });
        QSignalSpy saved(m_runner.get(), &JobRunner::imageSaved);
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        auto job = tinyJob();
        job.request.batchSize = 2;
        const auto id = m_queue->enqueue(job);
        m_runner->startNext();
        QCOMPARE(m_runner->runningJob(), std::optional<qint64>(id));
        QVERIFY(idle.wait(60000));
        QCOMPARE(m_finished.size(), 1);
        QCOMPARE(m_finished[0].outcome, JobOutcome::Done);
        QCOMPARE(m_queue->size(), 0);

        QCOMPARE(steps.size(), 6);
        for (int i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps[i].step, i + 1);
            QCOMPARE(steps[i].steps, 6);
            QVERIFY(!steps[i].preview.isNull());
            QCOMPARE(steps[i].preview.size(), QSize(8, 8)); // latent-sized
            QCOMPARE(threads[i], QThread::currentThread()); // delivered on the window's thread
        }
        QVERIFY(steps.last().elapsedSeconds >= steps.first().elapsedSeconds);

        QCOMPARE(saved.size(), 2);
        const auto path = saved[1][1].toString();
        QVERIFY(QFile::exists(path));
        // Named by date, seed (image 1 of the job: seed + 1) and the prompt's words.
        QVERIFY2(
            QRegularExpression(QStringLiteral("/\\d{8}-\\d{6}-1235-a-lighthouse-at-dusk-oil-painting\\.png$"))
                .match(path)
                .hasMatch(),
            qPrintable(path));

        // The CLI makes the same picture, with the same parameters text, for the same request.
        const auto cliOut = m_dir->filePath(QStringLiteral("cli.png"));
        const auto result = eikona::testing::runCli(
            {QStringLiteral("generate"),  QStringLiteral("--model"),  k_tinyModel,
             QStringLiteral("--prompt"),  job.request.prompt,         QStringLiteral("--negative"),
             job.request.negativePrompt,  QStringLiteral("--steps"),  QStringLiteral("6"),
             QStringLiteral("--seed"),    QStringLiteral("1234"),     QStringLiteral("--width"),
             QStringLiteral("64"),        QStringLiteral("--height"), QStringLiteral("64"),
             QStringLiteral("--sampler"), QStringLiteral("euler_a"),  QStringLiteral("--batch-size"),
             QStringLiteral("2"),         QStringLiteral("--out"),    cliOut});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const auto cliSecond = m_dir->filePath(QStringLiteral("cli-1.png"));
        QCOMPARE(QImage(path).convertToFormat(QImage::Format_RGB888),
                 QImage(cliSecond).convertToFormat(QImage::Format_RGB888));
        QCOMPARE(eikona::store::readParametersText(path), eikona::store::readParametersText(cliSecond));
    }

    void previewsEveryNthStep()
    {
        auto settings = m_runner->settings();
        settings.previewEvery = 3;
        m_runner->setSettings(settings);
        QList<int> previewSteps;
        int progressCount = 0;
        connect(m_runner.get(), &JobRunner::progress, this, [&](qint64, const GenerationProgress& p) {
            ++progressCount;
            if (!p.preview.isNull())
                previewSteps.append(p.step);
        });
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_queue->enqueue(tinyJob(7));
        m_runner->startNext();
        QVERIFY(idle.wait(60000));
        QCOMPARE(progressCount, 7);
        QCOMPARE(previewSteps, (QList<int>{3, 6, 7}));
    }

    // A run of 20 steps of 5.7 s with previews of 0.5 s (a laptop CPU at 512x512): the first
    // step shows one, the rest come as the budget allows, and together they stay near 3 %.
    void pacerKeepsPreviewsToTheirShare()
    {
        PreviewPacer pacer;
        double clock = 0;
        QList<int> shown;
        for (int step = 1; step <= 20; ++step) {
            clock += 5.7;
            if (pacer.allows(clock)) {
                shown.append(step);
                pacer.spent(0.5);
                clock += 0.5;
            }
        }
        QCOMPARE(shown.first(), 1);
        QVERIFY2(shown.size() >= 5 && shown.size() <= 7, qPrintable(QString::number(shown.size())));
        QVERIFY(pacer.secondsSpent() / clock <= 0.03 + 1e-9);
        // Where a preview costs nothing (a GPU), every step has one.
        PreviewPacer free;
        for (int step = 1; step <= 20; ++step) {
            QVERIFY(free.allows(step * 0.1));
            free.spent(0.0);
        }
    }

    void fullSizePreviewsWithTaesd()
    {
        usePreviewDecoder(k_tinyTaesd);
        QSignalSpy failed(m_runner.get(), &JobRunner::previewDecoderFailed);
        const auto steps = runAlone(tinyJob(6));
        QCOMPARE(m_finished.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(steps.size(), 6);
        QVERIFY(!steps.first().preview.isNull()); // the first step always shows the picture
        for (const auto& step : steps) {
            if (step.preview.isNull())
                continue;
            QCOMPARE(step.preview.size(), QSize(64, 64)); // the picture's size
            QCOMPARE(step.previewScale, 1);
        }
    }

    void draftIsDecodedByTaesdAndSaysSo()
    {
        usePreviewDecoder(k_tinyTaesd);
        QSignalSpy saved(m_runner.get(), &JobRunner::imageSaved);
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_queue->enqueue(tinyJob(3));
        auto draft = tinyJob(3);
        draft.request.draft = true;
        m_queue->enqueue(draft);
        m_runner->startNext();
        QVERIFY(idle.wait(60000));
        QCOMPARE(saved.size(), 2);
        const auto full = saved[0][1].toString(), drafted = saved[1][1].toString();
        QVERIFY(
            !eikona::store::readParametersText(full).value_or(QString()).contains(QStringLiteral("Draft")));
        QVERIFY2(eikona::store::readParametersText(drafted).value_or(QString()).contains(
                     QStringLiteral("Draft: TAESD")),
                 qPrintable(eikona::store::readParametersText(drafted).value_or(QString())));
        QCOMPARE(QImage(drafted).size(), QSize(64, 64));
        QVERIFY(QImage(drafted).convertToFormat(QImage::Format_RGB888) !=
                QImage(full).convertToFormat(QImage::Format_RGB888));
    }

    void draftWithoutTaesdIsRefused()
    {
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        auto draft = tinyJob(3);
        draft.request.draft = true;
        m_queue->enqueue(draft);
        m_runner->startNext();
        QVERIFY(idle.wait(60000));
        QCOMPARE(m_finished.size(), 1);
        QCOMPARE(m_finished[0].outcome, JobOutcome::Failed);
        QCOMPARE(m_finished[0].kind, ErrorKind::BadRequest);
        QVERIFY2(m_finished[0].detail.contains(QStringLiteral("TAESD")), qPrintable(m_finished[0].detail));
    }

    // A TAESD folder that cannot be loaded is reported; the job runs with the latents' colours.
    void brokenTaesdFallsBackToLatentPreviews()
    {
        QFile::copy(k_tinyTaesd + QStringLiteral("/config.json"),
                    m_dir->filePath(QStringLiteral("config.json")));
        usePreviewDecoder(m_dir->path()); // a config, no weights
        QSignalSpy failed(m_runner.get(), &JobRunner::previewDecoderFailed);
        const auto steps = runAlone(tinyJob(3));
        QCOMPARE(m_finished.size(), 1);
        QCOMPARE(m_finished[0].outcome, JobOutcome::Done);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed[0][0].toString().contains(QStringLiteral("diffusion_pytorch_model.safetensors")),
                 qPrintable(failed[0][0].toString()));
        QCOMPARE(steps.size(), 3);
        for (const auto& step : steps) {
            QCOMPARE(step.preview.size(), QSize(8, 8));
            QCOMPARE(step.previewScale, 8);
        }
    }

    // Before any job: the model loads and warms up for the controls' size, once per size; a
    // job after it finds the model loaded. A model that is not there is left for the job to say.
    void preparesTheModelAhead()
    {
        QSignalSpy loading(m_runner.get(), &JobRunner::modelLoading);
        QSignalSpy warming(m_runner.get(), &JobRunner::warmingUp);
        QSignalSpy warmed(m_runner.get(), &JobRunner::warmedUp);
        auto job = tinyJob(3);
        m_runner->prepare(job);
        QVERIFY(warmed.wait(60000));
        QCOMPARE(loading.size(), 1);
        QCOMPARE(warming.size(), 1);
        QCOMPARE(warming[0][0].toInt(), 64);
        QCOMPARE(GenerationSession::openSessions(), 1);
        m_runner->prepare(job); // warm already: nothing to do
        job.request.width = 96;
        m_runner->prepare(job); // another size warms up again, the model stays
        QVERIFY(warmed.wait(60000));
        QCOMPARE(warming.size(), 2);
        QCOMPARE(warming[1][0].toInt(), 96);
        QCOMPARE(loading.size(), 1);
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_queue->enqueue(tinyJob(3));
        m_runner->startNext();
        QVERIFY(idle.wait(60000));
        QCOMPARE(m_finished.size(), 1);
        QCOMPARE(m_finished[0].outcome, JobOutcome::Done);
        QCOMPARE(loading.size(), 1); // the job found the model loaded

        auto missing = tinyJob(3);
        missing.model = m_dir->filePath(QStringLiteral("no-such-model"));
        m_runner->prepare(missing);
        m_runner->prepare(tinyJob(3)); // the worker is still there, and still warm for 64x64
        QTest::qWait(500);
        QCOMPARE(warming.size(), 2);
    }

    // The CLI's one-shot session frees the UNet with its last run: a second job is refused in
    // words rather than run on freed weights.
    void oneShotSessionRefusesASecondJob()
    {
        ModelLoadOptions options;
        options.oneShot = true;
        auto session = GenerationSession::open(k_tinyModel, options);
        const auto job = tinyJob(2);
        QCOMPARE(session->generate(job.request).size(), 1);
        try {
            session->generate(job.request);
            QFAIL("a second job ran");
        } catch (const GenerationError& error) {
            QCOMPARE(error.kind(), ErrorKind::BadRequest);
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("one-shot")), error.what());
        }
    }

    void cancelMidJobKeepsTheRest()
    {
        QSignalSpy started(m_runner.get(), &JobRunner::jobStarted);
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        QSignalSpy saved(m_runner.get(), &JobRunner::imageSaved);
        const auto longJob = m_queue->enqueue(tinyJob(400));
        const auto nextJob = m_queue->enqueue(tinyJob(3));
        bool cancelled = false;
        connect(m_runner.get(), &JobRunner::progress, this, [&](qint64 id, const GenerationProgress& p) {
            if (id == longJob && p.step >= 2 && !cancelled)
                cancelled = m_runner->cancel(longJob);
        });
        m_runner->startNext();
        QVERIFY(idle.wait(120000));
        QCOMPARE(m_finished.size(), 2);
        QCOMPARE(m_finished[0].id, longJob);
        QCOMPARE(m_finished[0].outcome, JobOutcome::Cancelled);
        QCOMPARE(m_finished[1].id, nextJob);
        QCOMPARE(m_finished[1].outcome, JobOutcome::Done);
        QCOMPARE(saved.size(), 1); // only the second job's picture
        QCOMPARE(started.size(), 2);
    }

    void cancelWaitingJobRemovesIt()
    {
        m_queue->enqueue(tinyJob(3));
        const auto waiting = m_queue->enqueue(tinyJob(3));
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_runner->startNext();
        QVERIFY(m_runner->cancel(waiting));
        QCOMPARE(m_queue->size(), 1);
        QVERIFY(idle.wait(60000));
        QCOMPARE(m_finished.size(), 1);
    }

    void modelKeptWarmAndSwitchedWithoutTwoInMemory()
    {
        // A second model: the tiny one under another folder.
        const auto other = m_dir->filePath(QStringLiteral("other-model"));
        QVERIFY(QFile::link(k_tinyModel, other));
        QList<int> openAtLoad;
        connect(m_runner.get(), &JobRunner::modelLoaded, this,
                [&] { openAtLoad.append(GenerationSession::openSessions()); });
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_queue->enqueue(tinyJob(2));
        m_queue->enqueue(tinyJob(2)); // same model: no reload
        auto switched = tinyJob(2);
        switched.model = other;
        m_queue->enqueue(switched);
        m_runner->startNext();
        QVERIFY(idle.wait(60000));
        QCOMPARE(m_finished.size(), 3);
        // Two loads, and when the second finished only it was open: the first went before.
        QCOMPARE(openAtLoad, (QList<int>{1, 1}));
    }

    void failuresHaveKindsAndTheNextJobRuns_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("corrupt model") << QStringLiteral("corrupt") << ErrorKind::ModelBroken;
        QTest::newRow("missing model") << QStringLiteral("missing") << ErrorKind::ModelMissing;
        QTest::newRow("size not a multiple of 8") << QStringLiteral("size") << ErrorKind::BadRequest;
        QTest::newRow("a prompt past its limit") << QStringLiteral("prompt") << ErrorKind::BadRequest;
        QTest::newRow("unreadable init image") << QStringLiteral("init") << ErrorKind::ImageUnreadable;
        QTest::newRow("output folder not writable") << QStringLiteral("output") << ErrorKind::SaveFailed;
        QTest::newRow("device not in this build") << QStringLiteral("device") << ErrorKind::DeviceUnavailable;
    }

    void failuresHaveKindsAndTheNextJobRuns()
    {
        QFETCH(QString, what);
        QFETCH(ErrorKind, kind);
        auto bad = tinyJob(2);
        if (what == QStringLiteral("corrupt")) {
            const auto copy = m_dir->filePath(QStringLiteral("broken"));
            QVERIFY(QDir().mkpath(copy));
            for (const auto& entry : QDir(k_tinyModel).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                QVERIFY(QFile::link(QDir(k_tinyModel).filePath(entry), QDir(copy).filePath(entry)));
            QVERIFY(QFile::copy(QDir(k_tinyModel).filePath(QStringLiteral("model_index.json")),
                                QDir(copy).filePath(QStringLiteral("model_index.json"))));
            QVERIFY(QFile::remove(QDir(copy).filePath(QStringLiteral("unet"))));
            QVERIFY(QDir().mkpath(QDir(copy).filePath(QStringLiteral("unet"))));
            QFile weights(QDir(copy).filePath(QStringLiteral("unet/diffusion_pytorch_model.safetensors")));
            QVERIFY(weights.open(QIODevice::WriteOnly));
            weights.write("\x10\x00\x00\x00\x00\x00\x00\x00{\"a\":", 13); // a header cut short
            weights.close();
            QFile::copy(QDir(k_tinyModel).filePath(QStringLiteral("unet/config.json")),
                        QDir(copy).filePath(QStringLiteral("unet/config.json")));
            bad.model = copy;
        } else if (what == QStringLiteral("missing")) {
            bad.model = QStringLiteral("no-such-model-anywhere");
        } else if (what == QStringLiteral("size")) {
            bad.request.width = 60;
        } else if (what == QStringLiteral("prompt")) {
            bad.request.negativePrompt = QString(RequestLimits::maxPromptCharacters + 1, QLatin1Char('x'));
        } else if (what == QStringLiteral("init")) {
            const auto notAnImage = m_dir->filePath(QStringLiteral("notes.png"));
            QFile file(notAnImage);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("this is text, not a picture");
            file.close();
            bad.initImagePath = notAnImage;
        } else if (what == QStringLiteral("device")) {
            auto settings = m_runner->settings();
            settings.device = QStringLiteral("mps"); // Apple GPUs only: never on Linux
            m_runner->setSettings(settings);
        } else if (what == QStringLiteral("output")) {
            auto settings = m_runner->settings();
            const auto blocker = m_dir->filePath(QStringLiteral("a-file"));
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.close();
            settings.outputFolder = blocker; // a file where the folder should be
            m_runner->setSettings(settings);
        }
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_queue->enqueue(bad);
        m_runner->startNext();
        QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 1, 60000);
        QCOMPARE(m_finished[0].outcome, JobOutcome::Failed);
        QCOMPARE(m_finished[0].kind, kind);
        QVERIFY(!m_finished[0].detail.isEmpty());

        // Recovered: the next good job runs.
        auto settings = m_runner->settings();
        settings.device = QStringLiteral("auto");
        settings.outputFolder = m_dir->filePath(QStringLiteral("out"));
        m_runner->setSettings(settings);
        m_queue->enqueue(tinyJob(2));
        m_runner->startNext();
        QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 2, 60000);
        QCOMPARE(m_finished[1].outcome, JobOutcome::Done);
    }

    void shutdownDuringAJobKeepsItQueued()
    {
        // 1000 steps (the most a model with 1000 noise levels takes): far longer than the test.
        const auto id = m_queue->enqueue(tinyJob(1000));
        m_queue->enqueue(tinyJob(2));
        QSignalSpy progress(m_runner.get(), &JobRunner::progress);
        m_runner->startNext();
        QVERIFY(progress.wait(60000));
        m_runner->shutdown(); // returns after one step at most
        QCOMPARE(m_queue->size(), 2);
        QCOMPARE(m_queue->job(0).id, id);
        JobQueue reread(m_dir->filePath(QStringLiteral("queue.json")));
        QCOMPARE(reread.size(), 2);
        QCOMPARE(reread.state(0), JobQueue::State::Waiting);
    }

  private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobQueue> m_queue;
    std::unique_ptr<JobRunner> m_runner;
    QList<Finished> m_finished;
};

QTEST_GUILESS_MAIN(TestGenerationWorker)
#include "tst_generation_worker.moc"
