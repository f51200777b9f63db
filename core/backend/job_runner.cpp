#include "job_runner.h"

#include <QCoreApplication>
#include <QTimer>

namespace eikona::backend {

void JobRunner::ThreadStopper::operator()(QThread* thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

JobRunner::JobRunner(JobQueue* queue, QObject* parent)
    : QObject(parent), m_queue(queue), m_thread(new QThread)
{
    m_thread->setObjectName(QStringLiteral("generation"));
    m_worker = new GenerationWorker;
    m_worker->moveToThread(m_thread.get());
    // The model is freed on the thread that used it.
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &GenerationWorker::engineConfigured, this, &JobRunner::engineConfigured);
    connect(m_worker, &GenerationWorker::modelLoading, this, &JobRunner::modelLoading);
    connect(m_worker, &GenerationWorker::modelLoaded, this, &JobRunner::modelLoaded);
    connect(m_worker, &GenerationWorker::previewDecoderFailed, this, &JobRunner::previewDecoderFailed);
    connect(m_worker, &GenerationWorker::warmingUp, this, &JobRunner::warmingUp);
    connect(m_worker, &GenerationWorker::warmedUp, this, &JobRunner::warmedUp);
    connect(m_worker, &GenerationWorker::progress, this, &JobRunner::progress);
    connect(m_worker, &GenerationWorker::imageSaved, this, &JobRunner::imageSaved);
    connect(m_worker, &GenerationWorker::jobFinished, this, &JobRunner::onJobFinished);
    connect(m_worker, &GenerationWorker::serverStatus, this, &JobRunner::serverStatus);
    connect(m_worker, &GenerationWorker::serverProgress, this,
            [this](qint64 id, int picturesDone, const QString& promptId, const QString& clientId) {
                m_queue->recordServerProgress(id, picturesDone, promptId, clientId);
                if (m_running && m_running->id == id) {
                    m_running->picturesDone = picturesDone;
                    m_running->serverPromptId = promptId;
                    m_running->serverClientId = clientId;
                }
            });
    m_retryHeld = new QTimer(this);
    m_retryHeld->setSingleShot(true);
    m_retryHeld->setInterval(60000);
    connect(m_retryHeld, &QTimer::timeout, this, &JobRunner::retryHeld);
    m_thread->start();
}

JobRunner::~JobRunner()
{
    shutdown();
}

void JobRunner::setSettings(const WorkerSettings& settings)
{
    m_settings = settings;
}

WorkerSettings JobRunner::settings() const
{
    return m_settings;
}

std::optional<qint64> JobRunner::runningJob() const
{
    return m_running ? std::optional<qint64>(m_running->id) : std::nullopt;
}

void JobRunner::prepare(const GenerationJob& job)
{
    if (m_running || m_shuttingDown)
        return;
    auto* worker = m_worker;
    const auto settings = m_settings;
    QMetaObject::invokeMethod(
        worker, [worker, job, settings] { worker->prepare(job, settings); }, Qt::QueuedConnection);
}

void JobRunner::startNext()
{
    if (m_running || m_shuttingDown)
        return;
    const auto job = m_queue->startNext();
    if (!job)
        return;
    m_running = job;
    auto* worker = m_worker;
    const auto settings = m_settings;
    QMetaObject::invokeMethod(
        worker, [worker, job = *job, settings] { worker->run(job, settings); }, Qt::QueuedConnection);
    Q_EMIT jobStarted(job->id, *job);
}

bool JobRunner::cancel(qint64 id)
{
    if (m_running && m_running->id == id) {
        m_worker->requestCancel(id);
        return true;
    }
    return m_queue->remove(id);
}

void JobRunner::onJobFinished(qint64 id, JobOutcome outcome, ErrorKind kind, const QString& detail)
{
    if (!m_running || m_running->id != id)
        return;
    m_running.reset();
    if (m_shuttingDown)
        return; // stopped by quitting: it stays in the queue and runs again next time
    if (outcome == JobOutcome::Failed && kind == ErrorKind::ServerUnreachable) {
        // Kept, with what it has done so far, for when the server is back.
        m_queue->hold(id, detail);
        m_retryHeld->start();
    } else {
        m_queue->finish(id);
    }
    Q_EMIT jobFinished(id, outcome, kind, detail);
    startNext();
    if (!m_running) {
        auto* worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->releaseMemory(); }, Qt::QueuedConnection);
        Q_EMIT idle();
    }
}

void JobRunner::retryHeld()
{
    m_retryHeld->stop();
    if (m_queue->releaseHeld() > 0)
        startNext();
}

void JobRunner::setRetryHeldAfter(int milliseconds)
{
    m_retryHeld->setInterval(milliseconds);
}

void JobRunner::shutdown()
{
    if (!m_thread)
        return;
    m_shuttingDown = true;
    if (m_running) {
        m_worker->requestLeave(); // a job on a server runs on there; the next start picks it up
        m_worker->requestCancel(m_running->id);
    }
    m_thread.reset(); // quits and waits: the running job ends at its next step
    // What the worker said last (a server's prompt id for the queue) is still on its way here.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    m_worker = nullptr;
    m_running.reset();
}

} // namespace eikona::backend
