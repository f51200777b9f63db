#pragma once
// Feeds the queue's jobs, one at a time, to a GenerationWorker on its own thread, and tells
// the window what happens. Lives on the window's thread and never waits on the engine; only
// shutdown() joins the worker thread, after asking the running job to stop (one step at most).

#include "generation_worker.h"
#include "job_queue.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace eikona::backend {

class JobRunner final : public QObject {
    Q_OBJECT

  public:
    /// `queue` must outlive the runner.
    explicit JobRunner(JobQueue* queue, QObject* parent = nullptr);
    ~JobRunner() override;

    void setSettings(const WorkerSettings& settings);
    WorkerSettings settings() const;

    std::optional<qint64> runningJob() const;
    /// Starts the first waiting job unless one runs; called by itself after each job.
    void startNext();
    /// While nothing runs: loads the model `job` names and warms it up for its size (in the
    /// worker's thread, while the artist is still typing). A job started meanwhile runs after it.
    void prepare(const eikona::backend::GenerationJob& job);
    /// A running job stops at the next step; a waiting one leaves the queue. False when absent.
    bool cancel(qint64 id);
    /// Jobs held because their server did not answer go again now (else they do after
    /// `retryHeldAfterMs`).
    void retryHeld();
    void setRetryHeldAfter(int milliseconds);
    /// Stops the running job, waits for the worker thread to end and frees the model there.
    /// The queue keeps the stopped job as waiting, so it runs again on the next start.
    void shutdown();

  Q_SIGNALS:
    void engineConfigured(const QString& summary);
    void modelLoading(const QString& model);
    void modelLoaded(const QString& model, const QString& computeDescription, double seconds);
    void previewDecoderFailed(const QString& detail);
    void warmingUp(int width, int height);
    void warmedUp(double seconds);
    void jobStarted(qint64 id, const eikona::backend::GenerationJob& job);
    void progress(qint64 id, const eikona::backend::GenerationProgress& progress);
    void imageSaved(qint64 id, const QString& path, const QImage& image,
                    const eikona::store::GenerationParameters& parameters);
    void jobFinished(qint64 id, eikona::backend::JobOutcome outcome, eikona::backend::ErrorKind kind,
                     const QString& detail);
    /// The queue ran dry and the engine's working memory went back to the system.
    void idle();
    /// The connection to a job's render server, in words.
    void serverStatus(qint64 id, const QString& message);

  private:
    void onJobFinished(qint64 id, JobOutcome outcome, ErrorKind kind, const QString& detail);

    struct ThreadStopper {
        void operator()(QThread* thread) const;
    };

    JobQueue* m_queue;
    WorkerSettings m_settings;
    std::unique_ptr<QThread, ThreadStopper> m_thread;
    GenerationWorker* m_worker = nullptr; ///< lives on m_thread; deleted there when it finishes
    std::optional<GenerationJob> m_running;
    bool m_shuttingDown = false;
    class QTimer* m_retryHeld = nullptr;
};

} // namespace eikona::backend

Q_DECLARE_METATYPE(eikona::backend::GenerationJob)
