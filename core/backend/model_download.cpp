#include "model_download.h"

namespace eikona::backend {

ModelDownload::ModelDownload(QString repoId, Kind kind, QObject* parent)
    : QObject(parent), m_repoId(std::move(repoId)), m_kind(kind)
{
}

store::FileSelection ModelDownload::selection() const
{
    return m_kind == Kind::PreviewDecoder ? store::previewDecoderFiles()
                                          : store::pipelineFiles(QStringLiteral("fp16"));
}

ModelDownload::~ModelDownload()
{
    cancel();
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait();
    }
}

QString ModelDownload::repoId() const
{
    return m_repoId;
}

bool ModelDownload::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ModelDownload::cancel()
{
    m_pending = {};
    m_cancel = true;
}

void ModelDownload::runInThread(std::function<void()> work)
{
    if (isRunning()) {
        // The size is still being asked: the download starts the moment that ends.
        m_pending = std::move(work);
        return;
    }
    if (m_thread)
        m_thread->wait();
    m_cancel = false;
    m_thread.reset(QThread::create(std::move(work)));
    m_thread->setObjectName(QStringLiteral("download"));
    connect(m_thread.get(), &QThread::finished, this, [this] {
        if (m_pending)
            runInThread(std::exchange(m_pending, {}));
    });
    m_thread->start();
}

void ModelDownload::querySize()
{
    runInThread([this] {
        try {
            const auto bytes = store::repositoryDownloadSize(m_repoId, QStringLiteral("main"), selection(),
                                                             store::HubOptions::fromEnvironment(),
                                                             [this] { return m_cancel.load(); });
            Q_EMIT sizeKnown(bytes);
        } catch (const store::HubError& error) {
            Q_EMIT failed(m_cancel.load() ? store::HubFailure::Cancelled : error.kind(),
                          QString::fromUtf8(error.what()));
        }
    });
}

void ModelDownload::start()
{
    runInThread([this] {
        try {
            const auto result = store::downloadRepository(
                m_repoId, QStringLiteral("main"), selection(), store::HubOptions::fromEnvironment(),
                [this](const store::DownloadProgress& p) { Q_EMIT progress(p); },
                [this] { return m_cancel.load(); });
            Q_EMIT finished(result.snapshot);
        } catch (const store::HubError& error) {
            Q_EMIT failed(error.kind(), QString::fromUtf8(error.what()));
        }
    });
}

} // namespace eikona::backend
