#include "server_generation.h"

#include "comfy_graph.h"
#include "comfy_run.h"
#include "comfy_server.h"
#include "generation_session.h"

#include <QBuffer>
#include <QElapsedTimer>

#include <optional>

namespace eikona::backend {

namespace {

[[noreturn]] void refuse(const QString& message, ErrorKind kind = ErrorKind::BadRequest)
{
    throw GenerationError(message.toStdString(), kind);
}

QByteArray pngBytes(const QImage& picture)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    return bytes;
}

// ComfyUI reads "(word)" and "(word:1.2)" as emphasis, as A1111 does (it does not rescale the
// prompt's mean afterwards, nor read "[word]"); a plain prompt's brackets are escaped so they
// stay words.
QString serverPrompt(const QString& prompt, bool a1111Syntax)
{
    if (a1111Syntax)
        return prompt;
    QString escaped = prompt;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'(', QStringLiteral("\\("));
    escaped.replace(u')', QStringLiteral("\\)"));
    return escaped;
}

// Checks what can be checked before anything is sent, and says what the server is.
QString checkRequest(const ServerTarget& target, const GenerationRequest& request, const QString& sampler,
                     const ServerJobOptions& jobOptions)
{
    if (request.draft)
        refuse(QStringLiteral("a draft decode (TAESD) is made on this computer only; the server decodes with "
                              "its VAE"));
    if (!request.chunkLongPrompts)
        refuse(
            QStringLiteral("a ComfyUI server reads long prompts in chunks of 75 tokens; it cannot truncate "
                           "them at 77"));
    if (target.checkpoint.isEmpty())
        refuse(QStringLiteral("no checkpoint is chosen for the server"), ErrorKind::ModelMissing);
    comfy::ComfyServerInfo info;
    try {
        info = comfy::fetchServerInfo(target.url, target.token, jobOptions.requestTimeoutMs);
    } catch (const comfy::ComfyUnreachable& error) {
        refuse(QString::fromUtf8(error.what()), ErrorKind::ServerUnreachable);
    } catch (const comfy::ComfyError& error) {
        refuse(QString::fromUtf8(error.what()), ErrorKind::ServerRefused);
    }
    const auto where = target.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!info.checkpoints.contains(target.checkpoint))
        refuse(QStringLiteral("the server at %1 has no checkpoint \"%2\"; it has: %3")
                   .arg(where, target.checkpoint,
                        info.checkpoints.isEmpty() ? QStringLiteral("none")
                                                   : info.checkpoints.join(QStringLiteral(", "))),
               ErrorKind::ModelMissing);
    if (const auto problem = comfy::samplerProblem(sampler, info.samplers, info.schedulers);
        !problem.isEmpty())
        refuse(problem);
    return QStringLiteral("ComfyUI %1 at %2")
        .arg(info.version.isEmpty() ? QStringLiteral("(version not said)") : info.version, where);
}

} // namespace

QString defaultServerSampler()
{
    return QStringLiteral("euler");
}

bool sameOnServer(const QString& samplerId)
{
    const auto sampler = comfy::comfySamplerFor(samplerId);
    return sampler && sampler->deterministic;
}

QImage fitInitPicture(const QImage& picture, int width, int height)
{
    const auto scaled = picture.convertToFormat(QImage::Format_RGB888)
                            .scaled(width, height, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    return scaled.copy((scaled.width() - width) / 2, (scaled.height() - height) / 2, width, height);
}

QList<GeneratedImage> generateOnServer(const ServerTarget& target, const GenerationRequest& request,
                                       const GenerationCallbacks& callbacks,
                                       const ServerJobOptions& jobOptions)
{
    const auto sampler = request.sampler.isEmpty() ? defaultServerSampler() : request.sampler;
    const auto server = checkRequest(target, request, sampler, jobOptions);
    const bool img2img = !request.initImage.isNull();
    const auto initPng =
        img2img ? pngBytes(fitInitPicture(request.initImage, request.width, request.height)) : QByteArray();

    comfy::ComfyJob job;
    job.checkpoint = target.checkpoint;
    job.prompt = serverPrompt(request.prompt, request.a1111Syntax);
    job.negativePrompt = serverPrompt(request.negativePrompt, request.a1111Syntax);
    job.steps = request.steps;
    job.cfgScale = request.cfgScale;
    job.width = request.width;
    job.height = request.height;
    job.sampler = sampler;
    job.strength = request.strength;

    store::GenerationParameters parameters;
    parameters.prompt = request.prompt;
    parameters.negativePrompt = request.negativePrompt;
    parameters.steps = request.steps;
    parameters.sampler = samplerLabel(sampler);
    parameters.cfgScale = request.cfgScale;
    parameters.width = request.width;
    parameters.height = request.height;
    parameters.model = target.checkpoint;
    if (img2img)
        parameters.denoisingStrength = request.strength;
    parameters.extra.append({QStringLiteral("Server"), server});
    parameters.extra.append({QStringLiteral("Version"), QStringLiteral("Eikona " EIKONA_VERSION)});

    comfy::ComfyRunOptions options;
    options.requestTimeoutMs = jobOptions.requestTimeoutMs;
    options.firstRetryMs = jobOptions.firstRetryMs;
    options.lastRetryMs = jobOptions.lastRetryMs;
    options.giveUpAfterMs = jobOptions.giveUpAfterMs;

    const int total = request.batchSize * request.batchCount;
    QList<GeneratedImage> images;
    for (int index = std::max(0, jobOptions.startAt); index < total; ++index) {
        const bool resume = index == jobOptions.startAt && !jobOptions.resumePromptId.isEmpty();
        job.seed = request.seed + static_cast<quint64>(index);
        job.filenamePrefix = QStringLiteral("eikona-%1").arg(job.seed);
        options.clientId = resume && !jobOptions.resumeClientId.isEmpty() ? jobOptions.resumeClientId
                                                                          : comfy::newComfyClientId();
        bool submitted = false;
        QElapsedTimer elapsed;
        int lastStep = 0;
        comfy::ComfyRunCallbacks run;
        run.submitted = [&](const QString& promptId) {
            submitted = true;
            if (jobOptions.submitted)
                jobOptions.submitted(index, promptId, options.clientId);
        };
        run.status = [&](const QString& message) {
            if (jobOptions.status)
                jobOptions.status(message);
            if (callbacks.onLog)
                callbacks.onLog(message);
        };
        run.cancelled = [&] { return callbacks.shouldStop && callbacks.shouldStop(); };
        run.leave = jobOptions.leave;
        run.progress = [&](int step, int steps) {
            if (!elapsed.isValid())
                elapsed.start();
            lastStep = step;
            if (!callbacks.onProgress)
                return;
            GenerationProgress progress;
            progress.run = index;
            progress.runs = total;
            progress.step = step;
            progress.steps = steps;
            progress.elapsedSeconds = static_cast<double>(elapsed.elapsed()) / 1000.0;
            callbacks.onProgress(progress);
        };
        // A preview follows its step's progress message; it is shown with that step.
        run.preview = [&](const comfy::ComfyPreview& frame) {
            if (!callbacks.onProgress || callbacks.previewEvery <= 0 || lastStep == 0 ||
                (lastStep % callbacks.previewEvery != 0 && lastStep != job.steps))
                return;
            GenerationProgress progress;
            progress.run = index;
            progress.runs = total;
            progress.step = lastStep;
            progress.steps = job.steps;
            progress.elapsedSeconds = static_cast<double>(elapsed.elapsed()) / 1000.0;
            progress.preview = QImage::fromData(frame.image);
            if (progress.preview.isNull() || progress.preview.width() > request.width ||
                progress.preview.height() > request.height)
                return; // not a picture, or not one of this job
            progress.previewScale = std::max(1, request.width / progress.preview.width());
            callbacks.onProgress(progress);
        };
        comfy::ComfyRunResult result;
        try {
            std::optional<comfy::ComfyRunResult> resumed;
            if (resume) {
                submitted = true;
                try {
                    resumed = comfy::resumeComfyJob(target.url, target.token, jobOptions.resumePromptId, run,
                                                    options);
                } catch (const comfy::ComfyForgotten& forgotten) {
                    run.status(QStringLiteral("%1; picture %2 is queued again")
                                   .arg(QString::fromUtf8(forgotten.what()))
                                   .arg(index + 1));
                    submitted = false;
                    options.clientId = comfy::newComfyClientId();
                }
            }
            result =
                resumed ? *resumed : comfy::runComfyJob(target.url, target.token, job, initPng, run, options);
        } catch (const comfy::ComfyCancelled&) {
            throw GenerationCancelled();
        } catch (const comfy::ComfyLeft&) {
            throw GenerationCancelled();
        } catch (const comfy::ComfyUnreachable& error) {
            refuse(QString::fromUtf8(error.what()), ErrorKind::ServerUnreachable);
        } catch (const comfy::ComfyError& error) {
            refuse(QString::fromUtf8(error.what()), submitted ? ErrorKind::Failed : ErrorKind::ServerRefused);
        } catch (const std::invalid_argument& error) { // a sampler without a counterpart, checked above
            refuse(QString::fromUtf8(error.what()));
        }
        if (result.images.isEmpty())
            refuse(QStringLiteral("the server finished picture %1 of the job but saved none (prompt %2)")
                       .arg(index + 1)
                       .arg(result.promptId),
                   ErrorKind::Failed);
        GeneratedImage image;
        image.image = QImage::fromData(result.images.first()).convertToFormat(QImage::Format_RGB888);
        if (image.image.isNull())
            refuse(QStringLiteral("the server sent picture %1 in a form that cannot be read (prompt %2)")
                       .arg(index + 1)
                       .arg(result.promptId),
                   ErrorKind::Failed);
        image.seed = job.seed;
        image.index = index;
        image.parameters = parameters;
        image.parameters.seed = job.seed;
        image.parameters.width = image.image.width();
        image.parameters.height = image.image.height();
        if (callbacks.onImage)
            callbacks.onImage(image);
        if (callbacks.returnImages)
            images.append(image);
    }
    return images;
}

} // namespace eikona::backend
