#include "generation_worker.h"

#include "engine_status.h"
#include "gallery_store.h"
#include "generation_session.h"
#include "model_registry.h"
#include "picture_file.h"
#include "exception_text.h"
#include "render_servers.h"
#include "server_generation.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>

namespace eikona::backend {

namespace {

struct ResolvedModel {
    QString path;
    QString registryName;
};

ResolvedModel resolveModel(const QString& model)
{
    if (QFileInfo::exists(model))
        return {QFileInfo(model).absoluteFilePath(), {}};
    if (const auto entry = store::ModelRegistry().find(model))
        return {entry->path, entry->name};
    throw GenerationError("no model named or at \"" + model.toStdString() + "\"", ErrorKind::ModelMissing);
}

} // namespace

GenerationWorker::GenerationWorker(QObject* parent) : QObject(parent)
{
}

GenerationWorker::~GenerationWorker() = default;

void GenerationWorker::requestLeave()
{
    m_leaving.store(true);
}

void GenerationWorker::requestCancel(qint64 id)
{
    m_cancelledId.store(id);
}

void GenerationWorker::ensureModel(const GenerationJob& job, const WorkerSettings& settings)
{
    if (settings.threads != m_threads) {
        m_threads = settings.threads;
        // libtorch's OpenMP threads are set per calling thread: this one runs the engine.
        Q_EMIT engineConfigured(configureEngine(settings.threads));
    }
    const auto model = resolveModel(job.model);
    const auto key = model.path + u'\n' + settings.device + u'\n' + settings.dtype;
    if (!m_session || key != m_sessionKey) {
        Q_EMIT modelLoading(job.model);
        unloadModel(); // first: two models never sit in memory together
        QElapsedTimer timer;
        timer.start();
        m_session = GenerationSession::open(model.path, {settings.device, settings.dtype});
        m_sessionKey = key;
        if (!model.registryName.isEmpty())
            store::ModelRegistry().markUsed(model.registryName);
        Q_EMIT modelLoaded(job.model, m_session->computeDescription(),
                           static_cast<double>(timer.elapsed()) / 1000.0);
    }
    if (m_session->previewDecoder() != settings.previewDecoder)
        if (const auto problem = m_session->setPreviewDecoder(settings.previewDecoder); !problem.isEmpty())
            Q_EMIT previewDecoderFailed(problem);
}

QImage GenerationWorker::readInitImage(const QString& path) const
{
    QString problem;
    const auto image = store::readPicture(path, 0, &problem);
    if (image.isNull())
        throw GenerationError(problem.toStdString(), ErrorKind::ImageUnreadable);
    return image;
}

void GenerationWorker::run(const GenerationJob& job, const WorkerSettings& settings)
{
    Q_EMIT jobStarted(job.id);
    const auto cancelled = [this, &job] { return m_cancelledId.load() == job.id; };
    QString saveError;
    try {
        if (cancelled())
            throw GenerationCancelled();
        auto request = job.request;
        if (job.isImg2Img())
            request.initImage = readInitImage(job.initImagePath);
        if (!job.onServer())
            ensureModel(job, settings);
        GenerationCallbacks callbacks;
        callbacks.previewEvery = settings.previewEvery;
        callbacks.shouldStop = [&] { return cancelled() || !saveError.isEmpty(); };
        callbacks.floatOutputs = callbacks.returnImages = false; // each picture is saved as it comes
        callbacks.onProgress = [&](const GenerationProgress& progress) {
            Q_EMIT this->progress(job.id, progress);
        };
        callbacks.onImage = [&](const GeneratedImage& image) {
            QString path;
            if (const auto problem = savePicture(image, settings, path); !problem.isEmpty()) {
                saveError = problem;
                return;
            }
            Q_EMIT imageSaved(job.id, path, image.image, image.parameters);
            if (job.onServer())
                Q_EMIT serverProgress(job.id, image.index + 1, {}, {});
        };
        if (job.onServer())
            runOnServer(job, request, settings, callbacks);
        else
            m_session->generate(request, callbacks);
        if (!saveError.isEmpty())
            Q_EMIT jobFinished(job.id, JobOutcome::Failed, ErrorKind::SaveFailed, saveError);
        else
            Q_EMIT jobFinished(job.id, JobOutcome::Done, ErrorKind::Failed, {});
    } catch (const GenerationCancelled&) {
        if (!saveError.isEmpty())
            Q_EMIT jobFinished(job.id, JobOutcome::Failed, ErrorKind::SaveFailed, saveError);
        else
            Q_EMIT jobFinished(job.id, JobOutcome::Cancelled, ErrorKind::Failed, {});
    } catch (const GenerationError& error) {
        if (error.kind() == ErrorKind::ModelBroken || error.kind() == ErrorKind::ModelMissing)
            unloadModel();
        Q_EMIT jobFinished(job.id, JobOutcome::Failed, error.kind(), QString::fromUtf8(error.what()));
    } catch (const std::bad_alloc&) {
        Q_EMIT jobFinished(job.id, JobOutcome::Failed, ErrorKind::OutOfMemory,
                           QStringLiteral("out of memory"));
    } catch (const std::exception& error) {
        // Nothing may escape a slot; whatever else went wrong is reported like the rest.
        Q_EMIT jobFinished(job.id, JobOutcome::Failed, ErrorKind::Failed,
                           QString::fromStdString(exception_text(error)));
    }
}

void GenerationWorker::runOnServer(const GenerationJob& job, const GenerationRequest& request,
                                   const WorkerSettings& settings, const GenerationCallbacks& callbacks)
{
    const ServerTarget target{QUrl(job.server), RenderServers().token(job.server), job.model};
    ServerJobOptions options;
    options.startAt = job.picturesDone;
    options.resumePromptId = job.serverPromptId;
    options.resumeClientId = job.serverClientId;
    options.giveUpAfterMs = settings.serverGiveUpMs;
    options.requestTimeoutMs = std::min(options.requestTimeoutMs, settings.serverGiveUpMs);
    options.submitted = [&](int index, const QString& promptId, const QString& clientId) {
        Q_EMIT serverProgress(job.id, index, promptId, clientId);
    };
    options.status = [&](const QString& message) { Q_EMIT serverStatus(job.id, message); };
    options.leave = [this] { return m_leaving.load(); };
    generateOnServer(target, request, callbacks, options);
}

QString GenerationWorker::savePicture(const GeneratedImage& image, const WorkerSettings& settings,
                                      QString& path)
{
    path = store::namedPicturePath(settings.outputFolder, image.seed, image.parameters.prompt,
                                   QDateTime::currentDateTime());
    if (!settings.galleryDatabase.isEmpty() && (!m_gallery || m_galleryFile != settings.galleryDatabase)) {
        m_gallery = std::make_unique<store::GalleryStore>(settings.galleryDatabase);
        m_galleryFile = settings.galleryDatabase;
    }
    if (settings.galleryDatabase.isEmpty() || !m_gallery->isOpen())
        return store::writePicture(path, image.image, image.parameters);
    // The file first, then its row: a picture is never lost to the index. A row that could
    // not be written (the database busy past its timeout) comes with the next rescan.
    if (!m_gallery->savePicture(path, image.image, image.parameters) && !QFileInfo::exists(path))
        return m_gallery->lastError();
    return {};
}

void GenerationWorker::prepare(const GenerationJob& job, const WorkerSettings& settings)
{
    try {
        ensureModel(job, settings);
        const auto& request = job.request;
        if (m_session->isWarm(request.width, request.height, request.batchSize))
            return;
        Q_EMIT warmingUp(request.width, request.height);
        QElapsedTimer timer;
        timer.start();
        m_session->warmUp(request.width, request.height, request.batchSize);
        Q_EMIT warmedUp(static_cast<double>(timer.elapsed()) / 1000.0);
    } catch (const std::exception&) {
        // Nothing is lost: the job that follows meets the same failure and says it in words.
    }
}

void GenerationWorker::releaseMemory()
{
    releaseCachedMemory();
}

void GenerationWorker::unloadModel()
{
    m_session.reset();
    m_sessionKey.clear();
    releaseCachedMemory();
}

} // namespace eikona::backend
