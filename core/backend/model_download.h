#pragma once
// A hub download for the window: the size asked first, then the files fetched on a thread of
// their own with progress, cancel (resumable next time) and every failure in words.

#include "hub_client.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace eikona::backend {

class ModelDownload final : public QObject {
    Q_OBJECT

  public:
    enum class Kind {
        Pipeline,       ///< an SD 1.5 diffusers pipeline, its fp16 weights where it has them
        PreviewDecoder, ///< TAESD (previewDecoderRepo())
    };
    explicit ModelDownload(QString repoId, Kind kind = Kind::Pipeline, QObject* parent = nullptr);
    /// Cancels what runs and waits for it (a cancelled download stops within a moment).
    ~ModelDownload() override;

    QString repoId() const;
    /// Asks the hub how much is left to fetch: sizeKnown or failed follows.
    void querySize();
    /// Fetches the model: progress, then finished or failed (cancelled when cancel() was asked).
    void start();
    void cancel();
    bool isRunning() const;

  Q_SIGNALS:
    void sizeKnown(qint64 bytes);
    void progress(const eikona::store::DownloadProgress& progress);
    void finished(const QString& snapshot);
    /// `kind` says it in the window's words; `message` is the hub client's English detail.
    void failed(eikona::store::HubFailure kind, const QString& message);

  private:
    void runInThread(std::function<void()> work);

    store::FileSelection selection() const;

    QString m_repoId;
    Kind m_kind;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancel{false};
    std::function<void()> m_pending; ///< a start asked for while the size query ran
};

} // namespace eikona::backend

Q_DECLARE_METATYPE(eikona::store::DownloadProgress)
