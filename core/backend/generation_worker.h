#pragma once
// Runs jobs on its own thread (moveToThread, see JobRunner) and owns the one loaded model:
// loaded once and kept warm, reloaded only when the model, device or dtype changes, the old
// one released first so two models never sit in memory together. Every picture is saved as a
// PNG with its parameters the moment it exists, here, off the window's thread.

#include "generation_job.h"

#include <QImage>
#include <QObject>

#include <atomic>

namespace eikona::store {
class GalleryStore;
}
#include <memory>

namespace eikona::backend {

class GenerationSession;

/// The settings a job runs with, from the app's Settings at the time it starts.
struct WorkerSettings {
    QString device = QStringLiteral("auto");
    QString dtype = QStringLiteral("auto");
    int threads = 0;         ///< 0: one per core
    QString outputFolder;    ///< where the PNGs go
    int previewEvery = 1;    ///< a preview every Nth step; 0: none
    QString galleryDatabase; ///< the gallery the pictures are added to; empty: none
    QString previewDecoder;  ///< a TAESD folder for full-size previews and drafts; empty: none
    /// A job's server unreachable this long (its WebSocket gone, or no answer at all) and the
    /// job is held in the queue, to go again later.
    int serverGiveUpMs = 60000;

    bool operator==(const WorkerSettings&) const = default;
};

enum class JobOutcome { Done, Cancelled, Failed };

class GenerationWorker final : public QObject {
    Q_OBJECT

  public:
    explicit GenerationWorker(QObject* parent = nullptr);
    ~GenerationWorker() override;

    /// Thread-safe: job `id` stops at the next step (between the steps, or before it starts).
    void requestCancel(qint64 id);
    /// Thread-safe: the app quits. A job on a server stops being waited for and is left to run
    /// there (the queue keeps its prompt id for the next start); call before requestCancel.
    void requestLeave();

    /// Runs `job` to its end; every outcome is reported through jobFinished, never thrown.
    void run(const eikona::backend::GenerationJob& job, const eikona::backend::WorkerSettings& settings);
    /// Loads the job's model (if it is not) and warms it up for the job's size and batch, so
    /// that a job like it steps at full speed from its first step. Failures are left for the
    /// job to report.
    void prepare(const eikona::backend::GenerationJob& job, const eikona::backend::WorkerSettings& settings);
    /// Hands the engine's cached working memory back; the model stays loaded.
    void releaseMemory();
    /// Frees the loaded model.
    void unloadModel();

  Q_SIGNALS:
    void engineConfigured(const QString& summary);
    void modelLoading(const QString& model);
    void modelLoaded(const QString& model, const QString& computeDescription, double seconds);
    /// The TAESD folder could not be loaded: previews are the latents' colours, drafts refused.
    void previewDecoderFailed(const QString& detail);
    void warmingUp(int width, int height);
    void warmedUp(double seconds);
    void jobStarted(qint64 id);
    void progress(qint64 id, const eikona::backend::GenerationProgress& progress);
    void imageSaved(qint64 id, const QString& path, const QImage& image,
                    const eikona::store::GenerationParameters& parameters);
    /// A job on a server moved on: `picturesDone` of its pictures saved, and the prompt queued
    /// there for the next one (empty once that picture is saved), for the queue to record.
    void serverProgress(qint64 id, int picturesDone, const QString& promptId, const QString& clientId);
    /// The connection to the job's server, in words ("reconnecting in 2 s").
    void serverStatus(qint64 id, const QString& message);
    /// `kind` and `detail` (the engine's English words) only for Failed.
    void jobFinished(qint64 id, eikona::backend::JobOutcome outcome, eikona::backend::ErrorKind kind,
                     const QString& detail);

  private:
    void ensureModel(const GenerationJob& job, const WorkerSettings& settings);
    /// The job on its ComfyUI server (server_generation.h); no model is loaded here.
    void runOnServer(const GenerationJob& job, const GenerationRequest& request,
                     const WorkerSettings& settings, const GenerationCallbacks& callbacks);
    QImage readInitImage(const QString& path) const;

    QString savePicture(const GeneratedImage& image, const WorkerSettings& settings, QString& path);

    std::unique_ptr<GenerationSession> m_session;
    std::unique_ptr<store::GalleryStore> m_gallery; ///< opened on this thread, for this thread
    QString m_galleryFile;
    QString m_sessionKey;
    int m_threads = -1;
    std::atomic<qint64> m_cancelledId{0};
    std::atomic<bool> m_leaving{false};
};

} // namespace eikona::backend

Q_DECLARE_METATYPE(eikona::backend::GenerationProgress)
Q_DECLARE_METATYPE(eikona::backend::JobOutcome)
Q_DECLARE_METATYPE(eikona::backend::ErrorKind)
