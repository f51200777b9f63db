#include "model_download.h"

namespace eikona::backend {

ModelDownload::ModelDownload(QString repoId, QObject* parent)
    : QObject(parent), m_repoId(std::move(repoId))
{
}

ModelDownload::~ModelDownload()
{
    cancel();
    if (m_thread)
        m_thread->wait();
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
    m_cancel = true;
}

void ModelDownload::runInThread(std::function<void()> work)
{
    if (isRunning())
        return;
    if (m_thread)
        m_thread->wait();
    m_cancel = false;
    m_thread.reset(QThread::create(std::move(work)));
    m_thread->setObjectName(QStringLiteral("download"));
    m_thread->start();
}

void ModelDownload::querySize()
{
    runInThread([this] {
        try {
            const auto bytes = store::pipelineDownloadSize(m_repoId, QStringLiteral("main"), QStringLiteral("fp16"),
                                                           store::HubOptions::fromEnvironment(), [this] { return m_cancel.load(); });
            Q_EMIT sizeKnown(bytes);
        } catch (const store::HubError& error) {
            Q_EMIT failed(QString::fromUtf8(error.what()), m_cancel.load());
        }
    });
}

void ModelDownload::start()
{
    runInThread([this] {
        try {
            const auto result = store::downloadModel(
                m_repoId, QStringLiteral("main"), QStringLiteral("fp16"), store::HubOptions::fromEnvironment(),
                [this](const store::DownloadProgress& p) { Q_EMIT progress(p); }, [this] { return m_cancel.load(); });
            Q_EMIT finished(result.snapshot);
        } catch (const store::HubCancelled& error) {
            Q_EMIT failed(QString::fromUtf8(error.what()), true);
        } catch (const store::HubError& error) {
            Q_EMIT failed(QString::fromUtf8(error.what()), false);
        }
    });
}

} // namespace eikona::backend
