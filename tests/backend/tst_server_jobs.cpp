// The app's queue with jobs on a render server (JobRunner → GenerationWorker → the fake
// ComfyUI): pictures saved as they come with their parameters, progress on the window's
// thread, the queue recording how far a job got; a server that does not answer holds the job
// (kept, a local job behind it runs) until it answers again; after a restart a job goes on
// where it was instead of making its pictures twice.

#include "comfy_graph.h"
#include "fake_comfy_jobs.h"
#include "generation_parameters.h"
#include "job_runner.h"
#include "picture_file.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace eikona;
using backend::ErrorKind;
using backend::GenerationJob;
using backend::JobOutcome;
using backend::JobQueue;
using backend::JobRunner;
using testing::FakeComfyJobs;
using testing::FakeComfyServer;

namespace {

const QString k_transcript = QStringLiteral(EIKONA_TEST_DATA "/comfyui/comfyui-v0365feat.jsonl");
const QString k_checkpoint = QStringLiteral("sd15-random.safetensors");

GenerationJob serverJob(const QString& url, int pictures)
{
    GenerationJob job;
    job.server = url;
    job.model = k_checkpoint;
    job.request.prompt = QStringLiteral("a lighthouse");
    job.request.steps = 3;
    job.request.width = job.request.height = 64;
    job.request.seed = 100;
    job.request.batchCount = pictures;
    return job;
}

struct Finished {
    qint64 id;
    JobOutcome outcome;
    ErrorKind kind;
    QString detail;
};

} // namespace

class TestServerJobs : public QObject {
    Q_OBJECT

  private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobQueue> m_queue;
    std::unique_ptr<JobRunner> m_runner;
    QList<Finished> m_finished;

    QString output() const { return m_dir->filePath(QStringLiteral("out")); }

    void startRunner()
    {
        m_runner = std::make_unique<JobRunner>(m_queue.get());
        backend::WorkerSettings settings;
        settings.outputFolder = output();
        settings.serverGiveUpMs = 3000;
        m_runner->setSettings(settings);
        connect(m_runner.get(), &JobRunner::jobFinished, this,
                [this](qint64 id, JobOutcome outcome, ErrorKind kind, const QString& detail) {
                    m_finished.append({id, outcome, kind, detail});
                });
    }

  private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_queue = std::make_unique<JobQueue>(m_dir->filePath(QStringLiteral("queue.json")));
        m_finished.clear();
        startRunner();
    }

    void cleanup()
    {
        m_runner.reset();
        m_queue.reset();
    }

    void jobOnAServerSavesItsPictures()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        QList<backend::GenerationProgress> steps;
        connect(m_runner.get(), &JobRunner::progress, this,
                [&](qint64, const backend::GenerationProgress& progress) { steps.append(progress); });
        QSignalSpy saved(m_runner.get(), &JobRunner::imageSaved);
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        const auto id = m_queue->enqueue(serverJob(server.url(), 2));
        m_runner->startNext();
        QVERIFY(idle.wait(30000));
        QCOMPARE(m_finished.size(), 1);
        QCOMPARE(m_finished[0].id, id);
        QVERIFY2(m_finished[0].outcome == JobOutcome::Done, qPrintable(m_finished[0].detail));
        QCOMPARE(m_queue->size(), 0);
        QCOMPARE(saved.size(), 2);
        for (int k = 0; k < 2; ++k) {
            const auto path = saved[k][1].toString();
            QVERIFY(path.startsWith(output()));
            const auto parameters = store::parseParameters(*store::readParametersText(path));
            QCOMPARE(parameters->seed, quint64(100 + k));
            QCOMPARE(parameters->model, k_checkpoint);
        }
        QCOMPARE(steps.size(), 2 * 3 + 2 * 3); // each step, and each step's preview
        QCOMPARE(steps.last().runs, 2);
        QCOMPARE(jobs.graphs.size(), 2);
    }

    // Unreachable: the job is held, not dropped, and a local job queued behind it is not kept
    // waiting; when the server answers again the job runs.
    void unreachableServerHoldsTheJob()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const auto port = probe.serverPort();
        probe.close();
        const auto url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        m_runner->setRetryHeldAfter(500);
        const auto id = m_queue->enqueue(serverJob(url, 1));
        m_runner->startNext();
        QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 1, 20000);
        QCOMPARE(m_finished[0].outcome, JobOutcome::Failed);
        QCOMPARE(m_finished[0].kind, ErrorKind::ServerUnreachable);
        QCOMPARE(m_queue->size(), 1);
        QCOMPARE(m_queue->state(0), JobQueue::State::Held);
        QVERIFY(m_queue->data(m_queue->index(0, JobQueue::StateColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("cannot reach")));

        FakeComfyServer server(k_transcript, port); // back
        FakeComfyJobs jobs(server);
        QSignalSpy saved(m_runner.get(), &JobRunner::imageSaved);
        QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 2, 20000);
        QCOMPARE(m_finished[1].id, id);
        QVERIFY2(m_finished[1].outcome == JobOutcome::Done, qPrintable(m_finished[1].detail));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(m_queue->size(), 0);
    }

    // Quitting while the job waits on the server leaves it there, untouched: no interrupt, no
    // delete; the queue keeps its prompt, and the next start fetches its picture.
    void quittingLeavesTheJobOnTheServer()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        jobs.play = FakeComfyJobs::Play::Waiting;
        const auto id = m_queue->enqueue(serverJob(server.url(), 1));
        m_runner->startNext();
        QTRY_VERIFY_WITH_TIMEOUT(server.requests.contains(QStringLiteral("POST /prompt")), 10000);
        m_runner->shutdown();
        QVERIFY(!server.requests.contains(QStringLiteral("POST /interrupt")));
        QVERIFY(!server.requests.contains(QStringLiteral("POST /queue")));
        m_runner.reset();
        m_queue = std::make_unique<JobQueue>(m_dir->filePath(QStringLiteral("queue.json")));
        QCOMPARE(m_queue->size(), 1);
        QCOMPARE(m_queue->job(0).id, id);
        QCOMPARE(m_queue->job(0).serverPromptId, jobs.promptIds.first());

        jobs.playWholeJob(jobs.promptIds.first(), jobs.graphs.first()); // done while the app was away
        startRunner();
        QSignalSpy saved(m_runner.get(), &JobRunner::imageSaved);
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_runner->startNext();
        QVERIFY(idle.wait(30000));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(jobs.graphs.size(), 1); // not sent again
        QCOMPARE(m_queue->size(), 0);
    }

    // The app quit while picture 2 of 3 was on the server; that prompt finished meanwhile.
    // Started again, the job fetches it and makes picture 3 alone: nothing is made twice.
    void restartGoesOnWhereTheJobWas()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        comfy::ComfyJob second;
        second.checkpoint = k_checkpoint;
        second.prompt = QStringLiteral("a lighthouse");
        second.seed = 101;
        second.steps = 3;
        second.width = second.height = 64;
        second.sampler = QStringLiteral("euler");
        jobs.playWholeJob(QStringLiteral("before-the-restart"), comfy::comfyGraph(second));
        auto job = serverJob(server.url(), 3);
        const auto id = m_queue->enqueue(job);
        QVERIFY(m_queue->startNext());
        m_queue->recordServerProgress(id, 1, QStringLiteral("before-the-restart"),
                                      QStringLiteral("the-old-client"));
        m_runner.reset();
        m_queue = std::make_unique<JobQueue>(m_dir->filePath(QStringLiteral("queue.json")));
        QCOMPARE(m_queue->job(0).picturesDone, 1);
        startRunner();

        QSignalSpy saved(m_runner.get(), &JobRunner::imageSaved);
        QSignalSpy idle(m_runner.get(), &JobRunner::idle);
        m_runner->startNext();
        QVERIFY(idle.wait(30000));
        QVERIFY2(m_finished.size() == 1 && m_finished[0].outcome == JobOutcome::Done,
                 qPrintable(m_finished.value(0).detail));
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved[0][3].value<store::GenerationParameters>().seed, quint64(101));
        QCOMPARE(saved[1][3].value<store::GenerationParameters>().seed, quint64(102));
        QCOMPARE(jobs.graphs.size(), 1); // only the third picture was sent
        QCOMPARE(server.webSocketClientIds.first(), QStringLiteral("the-old-client"));
    }
};

QTEST_GUILESS_MAIN(TestServerJobs)
#include "tst_server_jobs.moc"
