// The job queue: order, reorder (by drag too), removal, editing back, and the file it lives in
// surviving a kill -9 of the process that wrote it.

#include "cpu_time.h"
#include "job_queue.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>

using eikona::backend::GenerationJob;
using eikona::backend::JobQueue;

namespace {

GenerationJob jobWithPrompt(const QString& prompt)
{
    GenerationJob job;
    job.model = QStringLiteral("tiny");
    job.request.prompt = prompt;
    job.request.seed = 18446744073709551615ULL; // the largest seed must survive JSON
    return job;
}

QStringList prompts(const JobQueue& queue)
{
    QStringList list;
    for (int row = 0; row < queue.size(); ++row)
        list.append(queue.job(row).request.prompt);
    return list;
}

// "a b c" -> {"a", "b", "c"}
QStringList words(const char* text)
{
    return QString::fromLatin1(text).split(u' ');
}

} // namespace

class TestJobQueue : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("queue-%1.json").arg(++m_count));
    }

    void keepsOrderAndIds()
    {
        JobQueue queue(m_file);
        const auto a = queue.enqueue(jobWithPrompt(QStringLiteral("a")));
        const auto b = queue.enqueue(jobWithPrompt(QStringLiteral("b")));
        QVERIFY(a != b);
        QCOMPARE(prompts(queue), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(queue.rowOf(b), 1);
        QCOMPARE(queue.data(queue.index(1, JobQueue::PromptColumn)).toString(), QStringLiteral("b"));
        QCOMPARE(queue.data(queue.index(1, JobQueue::SizeColumn)).toString(), QStringLiteral("512×512"));
        QCOMPARE(queue.data(queue.index(1, JobQueue::StateColumn)).toString(), QStringLiteral("Waiting"));
    }

    void reordersRemovesAndTakes()
    {
        JobQueue queue(m_file);
        for (const auto* p : {"a", "b", "c", "d"})
            queue.enqueue(jobWithPrompt(QString::fromLatin1(p)));
        QVERIFY(queue.move(0, 3));
        QCOMPARE(prompts(queue), (words("b c d a")));
        QVERIFY(queue.move(3, 1));
        QCOMPARE(prompts(queue), (words("b a c d")));
        QVERIFY(!queue.move(0, 9));
        QVERIFY(queue.remove(queue.job(2).id));
        QCOMPARE(prompts(queue), (words("b a d")));
        const auto taken = queue.take(queue.job(0).id);
        QVERIFY(taken);
        QCOMPARE(taken->request.prompt, QStringLiteral("b"));
        QCOMPARE(prompts(queue), (words("a d")));
        QVERIFY(!queue.remove(12345));
    }

    void runningJobCannotBeTakenAndLeavesWhenFinished()
    {
        JobQueue queue(m_file);
        queue.enqueue(jobWithPrompt(QStringLiteral("a")));
        queue.enqueue(jobWithPrompt(QStringLiteral("b")));
        const auto running = queue.startNext();
        QVERIFY(running);
        QCOMPARE(running->request.prompt, QStringLiteral("a"));
        QCOMPARE(queue.state(0), JobQueue::State::Running);
        QVERIFY(!queue.startNext()); // one at a time
        QVERIFY(!queue.take(running->id));
        queue.finish(running->id);
        QCOMPARE(prompts(queue), (words("b")));
    }

    void dragReorders()
    {
        JobQueue queue(m_file);
        for (const auto* p : {"a", "b", "c"})
            queue.enqueue(jobWithPrompt(QString::fromLatin1(p)));
        std::unique_ptr<QMimeData> dragged(queue.mimeData({queue.index(0, 0), queue.index(0, 2)}));
        QVERIFY(queue.canDropMimeData(dragged.get(), Qt::MoveAction, 3, 0, {}));
        // Dropped below the last row; false keeps the view from deleting the "source" rows.
        QVERIFY(!queue.dropMimeData(dragged.get(), Qt::MoveAction, 3, 0, {}));
        QCOMPARE(prompts(queue), (words("b c a")));
        std::unique_ptr<QMimeData> again(queue.mimeData({queue.index(2, 0)}));
        queue.dropMimeData(again.get(), Qt::MoveAction, 0, 0, {});
        QCOMPARE(prompts(queue), (words("a b c")));
        QMimeData foreign;
        foreign.setText(QStringLiteral("1"));
        QVERIFY(!queue.canDropMimeData(&foreign, Qt::MoveAction, 0, 0, {}));
    }

    void everyChangeIsOnDiskAndARunningJobComesBackWaiting()
    {
        {
            JobQueue queue(m_file);
            auto job = jobWithPrompt(QStringLiteral("ναυάγιο, (oil:1.2)"));
            job.request.steps = 33;
            job.request.cfgScale = 6.5;
            job.request.width = 640;
            job.request.sampler = QStringLiteral("dpmpp_2m_karras");
            job.initImagePath = QStringLiteral("/pictures/start.png");
            job.request.strength = 0.6;
            job.request.batchCount = 3;
            queue.enqueue(job);
            queue.enqueue(jobWithPrompt(QStringLiteral("second")));
            QVERIFY(queue.startNext());
            QVERIFY(queue.lastError().isEmpty());
        }
        JobQueue restored(m_file);
        QVERIFY2(restored.lastError().isEmpty(), qPrintable(restored.lastError()));
        QCOMPARE(restored.size(), 2);
        QCOMPARE(restored.state(0), JobQueue::State::Waiting);
        const auto& job = restored.job(0);
        QCOMPARE(job.request.prompt, QStringLiteral("ναυάγιο, (oil:1.2)"));
        QCOMPARE(job.request.steps, 33);
        QCOMPARE(job.request.cfgScale, 6.5);
        QCOMPARE(job.request.width, 640);
        QCOMPARE(job.request.sampler, QStringLiteral("dpmpp_2m_karras"));
        QCOMPARE(job.initImagePath, QStringLiteral("/pictures/start.png"));
        QCOMPARE(job.request.strength, 0.6);
        QCOMPARE(job.request.batchCount, 3);
        QCOMPARE(job.request.seed, 18446744073709551615ULL);
        // New ids never repeat old ones.
        QVERIFY(restored.enqueue(jobWithPrompt(QStringLiteral("third"))) > restored.job(1).id);
    }

    // A job on a render server keeps where it runs and how far it got across a restart; one
    // whose server did not answer is held (passed over, not lost) until released.
    void serverJobsKeepTheirPlace()
    {
        {
            JobQueue queue(m_file);
            auto job = jobWithPrompt(QStringLiteral("on the server"));
            job.server = QStringLiteral("http://gpu-box:8188");
            job.model = QStringLiteral("v1-5-pruned-emaonly.safetensors");
            job.request.batchCount = 4;
            const auto id = queue.enqueue(job);
            queue.enqueue(jobWithPrompt(QStringLiteral("here")));
            QCOMPARE(queue.startNext()->id, id);
            queue.recordServerProgress(id, 2, QStringLiteral("prompt-3"), QStringLiteral("client-3"));
            queue.hold(id, QStringLiteral("cannot reach the server"));
            QCOMPARE(queue.state(0), JobQueue::State::Held);
            QCOMPARE(queue.data(queue.index(0, JobQueue::StateColumn)).toString(),
                     QStringLiteral("Server unreachable"));
            QCOMPARE(queue.data(queue.index(0, JobQueue::StateColumn), Qt::ToolTipRole).toString(),
                     QStringLiteral("cannot reach the server"));
            QCOMPARE(queue.data(queue.index(0, JobQueue::TargetColumn)).toString(),
                     QStringLiteral("gpu-box"));
            queue.setServerNames({{QStringLiteral("http://gpu-box:8188"), QStringLiteral("Studio GPU")}});
            QCOMPARE(queue.data(queue.index(0, JobQueue::TargetColumn)).toString(),
                     QStringLiteral("Studio GPU"));
            QCOMPARE(queue.data(queue.index(1, JobQueue::TargetColumn)).toString(),
                     QStringLiteral("This computer"));
            // Held, it is passed over: the local job behind it runs.
            QVERIFY(!queue.runningId());
            QCOMPARE(queue.startNext()->request.prompt, QStringLiteral("here"));
            queue.finish(queue.job(1).id);
            QVERIFY(!queue.startNext());
            QCOMPARE(queue.releaseHeld(), 1);
            QCOMPARE(queue.state(0), JobQueue::State::Waiting);
        }
        JobQueue restored(m_file);
        QCOMPARE(restored.size(), 1);
        const auto& job = restored.job(0);
        QCOMPARE(job.server, QStringLiteral("http://gpu-box:8188"));
        QCOMPARE(job.model, QStringLiteral("v1-5-pruned-emaonly.safetensors"));
        QCOMPARE(job.picturesDone, 2);
        QCOMPARE(job.serverPromptId, QStringLiteral("prompt-3"));
        QCOMPARE(job.serverClientId, QStringLiteral("client-3"));
        // A held job can be edited back into the controls or removed.
        QVERIFY(restored.take(job.id));
    }

    // A damaged queue is said, kept aside byte for byte (it was written over by the next job:
    // every job in it lost), and the queue goes on in a fresh file.
    void unreadableFileIsSaidAndNothingIsLostAfter()
    {
        const QByteArray damaged("{\"jobs\": [{\"id\": 1, \"prompt\": \"a castle\"");
        writeQueueFile(damaged);
        JobQueue queue(m_file);
        QCOMPARE(queue.size(), 0);
        QVERIFY(queue.lastError().contains(QStringLiteral("not valid JSON")));
        QCOMPARE(keptCopy(queue.lastError()), damaged);
        queue.enqueue(jobWithPrompt(QStringLiteral("a")));
        QCOMPARE(JobQueue(m_file).size(), 1);
    }

    // A job this version cannot read is skipped, and the file as it was is kept beside.
    void unknownJobIsSkippedAndTheFileKept()
    {
        JobQueue written(m_file);
        written.enqueue(jobWithPrompt(QStringLiteral("kept")));
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto document = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        auto jobs = document.value(QStringLiteral("jobs")).toArray();
        jobs.append(
            QJsonObject{{QStringLiteral("id"), 7}, {QStringLiteral("kind"), QStringLiteral("video")}});
        document.insert(QStringLiteral("jobs"), jobs);
        const auto bytes = QJsonDocument(document).toJson();
        writeQueueFile(bytes);
        JobQueue queue(m_file);
        QCOMPARE(prompts(queue), words("kept"));
        QVERIFY2(queue.lastError().contains(QStringLiteral("cannot read")), qPrintable(queue.lastError()));
        QCOMPARE(keptCopy(queue.lastError()), bytes);
    }

    // A queue file of 65 MB (sparse: no disk needed) is refused from its size, not read.
    void oversizedFileIsNotRead()
    {
        writeQueueFile("{}");
        QVERIFY(QFile::resize(m_file, (65 << 20)));
        const auto start = eikona::testing::threadCpuMs();
        JobQueue queue(m_file);
        QVERIFY(eikona::testing::threadCpuMs() - start < 1000);
        QCOMPARE(queue.size(), 0);
        QVERIFY2(queue.lastError().contains(QStringLiteral("65 MB")), qPrintable(queue.lastError()));
        QCOMPARE(QFileInfo(keptPath(queue.lastError())).size(), qint64(65 << 20));
    }

    void survivesKillNine()
    {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("EIKONA_QUEUE_CHILD"), m_file);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(20000));
        QVERIFY(child.readAllStandardOutput().contains("ready"));
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        JobQueue restored(m_file);
        QCOMPARE(prompts(restored), (words("first second third")));
        QCOMPARE(restored.state(0), JobQueue::State::Waiting);
    }

  private:
    void writeQueueFile(const QByteArray& bytes)
    {
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }

    /// The path the error says the damaged queue was kept at.
    static QString keptPath(const QString& error)
    {
        const auto at = error.indexOf(QStringLiteral("it was kept as "));
        return at < 0 ? QString() : error.mid(at + 15);
    }

    static QByteArray keptCopy(const QString& error)
    {
        QFile file(keptPath(error));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(no copy kept)");
    }

    QTemporaryDir m_dir;
    QString m_file;
    int m_count = 0;
};

// The child of survivesKillNine: queues three jobs, starts one, says so, and waits to be killed.
static int runQueueChild(const QString& file)
{
    JobQueue queue(file);
    for (const auto* p : {"first", "second", "third"})
        queue.enqueue(jobWithPrompt(QString::fromLatin1(p)));
    queue.startNext();
    std::printf("ready\n");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (const auto child = qEnvironmentVariable("EIKONA_QUEUE_CHILD"); !child.isEmpty())
        return runQueueChild(child);
    TestJobQueue test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_job_queue.moc"
