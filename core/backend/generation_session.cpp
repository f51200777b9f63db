#include "generation_session.h"

#include "io/model_folder.h"
#include "io/safetensors.h"
#include "local_model.h"
#include "model_hash.h"
#include "pipeline/compute_target.h"
#include "pipeline/generation.h"
#include "pipeline/warm_up.h"
#include "preview_pacer.h"
#include "schedulers/scheduler.h"
#include "exception_text.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <atomic>
#include <chrono>
#include <cstring>
#include <set>
#include <tuple>

namespace eikona::backend {

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

// [H, W, 3] uint8 -> RGB888.
QImage bytesToImage(const at::Tensor& pixels)
{
    const auto bytes = pixels.contiguous();
    const auto height = static_cast<int>(bytes.size(0));
    const auto width = static_cast<int>(bytes.size(1));
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), bytes[y].data_ptr<std::uint8_t>(),
                    static_cast<std::size_t>(width) * 3);
    return image;
}

// [H, W, 3] float in [0, 1] -> RGB888, rounded as the reference's numpy_to_pil does.
QImage toImage(const at::Tensor& pixels)
{
    return bytesToImage((pixels * 255).round().clamp(0, 255).to(at::kByte));
}

// An RGB picture -> [1, 3, H, W] in [-1, 1], as the reference's image processor makes it.
at::Tensor toTensor(const QImage& picture)
{
    const auto rgb = picture.convertToFormat(QImage::Format_RGB888);
    auto bytes = at::empty({rgb.height(), rgb.width(), 3}, at::kByte);
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(bytes[y].data_ptr<std::uint8_t>(), rgb.constScanLine(y),
                    static_cast<std::size_t>(rgb.width()) * 3);
    return (bytes.to(at::kFloat) / 255 * 2 - 1).permute({2, 0, 1}).unsqueeze(0).contiguous();
}

std::vector<float> toVector(const at::Tensor& tensor)
{
    const auto flat = tensor.to(at::kFloat).contiguous();
    const auto* data = flat.data_ptr<float>();
    return {data, data + flat.numel()};
}

QString a1111Label(const std::string& samplerId)
{
    const auto* info = schedulers::find_sampler(samplerId);
    return info ? fromStd(std::string(info->a1111_label)) : fromStd(samplerId);
}

// Sessions alive in this process: switching models must free the old one before the new one
// loads, and tests check that it did.
std::atomic<int> g_openSessions{0};

} // namespace

std::string errorText(const std::exception& error)
{
    return exception_text(error);
}

GenerationError::GenerationError(const std::string& detail, ErrorKind kind)
    : std::runtime_error(detail), m_kind(kind)
{
}

ErrorKind GenerationError::kind() const
{
    return m_kind;
}

struct GenerationSession::Impl {
    pipeline::StableDiffusion model;
    pipeline::ComputeTarget target;
    QString folder;
    QString weightsFile;
    mutable QString hash;
    bool oneShot = false;
    QString previewDecoder;
    std::set<std::tuple<int, int, int>> warmShapes; ///< (width, height, UNet rows) run at least once
    bool unetSpent = false; ///< a one-shot session's job has run: the UNet's weights are gone

    bool markWarm(int width, int height, int unetRows)
    {
        return warmShapes.emplace(width, height, unetRows).second;
    }
};

GenerationSession::GenerationSession()
{
    ++g_openSessions;
}

GenerationSession::~GenerationSession()
{
    d.reset();
    --g_openSessions;
}

int GenerationSession::openSessions()
{
    return g_openSessions.load();
}

std::unique_ptr<GenerationSession> GenerationSession::open(const QString& modelFolder,
                                                           const ModelLoadOptions& options)
{
    pipeline::ComputeTarget target;
    try {
        target = pipeline::resolve_compute_target(options.device.toStdString(), options.dtype.toStdString());
    } catch (const std::exception& error) {
        throw GenerationError(exception_text(error), ErrorKind::DeviceUnavailable);
    }
    if (!QFileInfo::exists(modelFolder))
        throw GenerationError("there is no model at " + modelFolder.toStdString(), ErrorKind::ModelMissing);
    try {
        models::LoadSettings settings;
        settings.dtype = target.dtype;
        settings.device = target.device;
        if (target.dtype == at::kHalf)
            settings.variant = "fp16";
        const auto check = store::checkLocalModel(modelFolder);
        if (!check.kind)
            throw GenerationError(check.problem.toStdString(), ErrorKind::ModelBroken);
        const std::filesystem::path path = modelFolder.toStdString();
        std::unique_ptr<GenerationSession> session(new GenerationSession);
        session->d = std::make_unique<Impl>(
            Impl{pipeline::load_stable_diffusion(path, settings, store::sd15DefaultsFolder().toStdString()),
                 target,
                 QFileInfo(modelFolder).absoluteFilePath(),
                 {},
                 {},
                 options.oneShot,
                 {},
                 {},
                 false});
        // A1111 hashes the checkpoint file; a folder's stand-in is its UNet weights.
        session->d->weightsFile =
            *check.kind == store::LocalModelKind::SingleFile
                ? session->d->folder
                : fromStd(io::ModelFolder::open(path).weights_file("unet", settings.variant).string());
        return session;
    } catch (const GenerationError&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw GenerationError("out of memory while loading the model", ErrorKind::OutOfMemory);
    } catch (const std::exception& error) {
        throw GenerationError(exception_text(error), ErrorKind::ModelBroken);
    }
}

QString GenerationSession::computeDescription() const
{
    const auto text = fromStd(d->target.describe());
    return d->target.is_cpu() ? text + QStringLiteral(" (running on the CPU: expect minutes per picture)")
                              : text;
}

bool GenerationSession::onCpu() const
{
    return d->target.is_cpu();
}

QString GenerationSession::defaultSampler() const
{
    return fromStd(pipeline::default_sampler(d->model));
}

QString GenerationSession::modelName() const
{
    // <cache>/models--ORG--NAME/snapshots/<commit>
    static const QRegularExpression snapshot(QStringLiteral("/models--[^/]+--([^/]+)/snapshots/[^/]+/?$"));
    if (const auto match = snapshot.match(d->folder); match.hasMatch())
        return match.captured(1);
    const QFileInfo info(d->folder);
    return info.isFile() ? info.completeBaseName() : info.fileName();
}

QString GenerationSession::modelSource() const
{
    static const QRegularExpression snapshot(QStringLiteral("/models--([^/]+)/snapshots/([0-9a-f]{40})/?$"));
    const auto match = snapshot.match(d->folder);
    if (!match.hasMatch())
        return {};
    return match.captured(1).replace(QStringLiteral("--"), QStringLiteral("/")) + u'@' + match.captured(2);
}

QString GenerationSession::modelHash() const
{
    if (d->hash.isEmpty())
        d->hash = store::shortModelHash(d->weightsFile);
    return d->hash;
}

QString GenerationSession::setPreviewDecoder(const QString& folder)
{
    if (folder == d->previewDecoder)
        return {};
    d->model.taesd = nullptr;
    d->previewDecoder.clear();
    if (folder.isEmpty())
        return {};
    try {
        auto taesd = models::load_taesd(folder.toStdString());
        if (d->target.device != c10::Device(c10::kCPU))
            taesd->to(d->target.device);
        d->model.taesd = taesd;
        d->previewDecoder = folder;
        return {};
    } catch (const std::exception& error) {
        return fromStd(exception_text(error));
    }
}

QString GenerationSession::previewDecoder() const
{
    return d->previewDecoder;
}

bool GenerationSession::isWarm(int width, int height, int batchSize) const
{
    // Guided (the common case): the unconditional and conditional halves.
    return d->warmShapes.contains({width, height, 2 * std::max(1, batchSize)});
}

bool GenerationSession::warmUp(int width, int height, int batchSize)
{
    if (isWarm(width, height, batchSize))
        return false;
    const int rows = 2 * std::max(1, batchSize);
    try {
        pipeline::warm_up(d->model, width, height, rows);
    } catch (const std::bad_alloc&) {
        throw GenerationError("out of memory while preparing the model", ErrorKind::OutOfMemory);
    } catch (const std::exception& error) {
        throw GenerationError(exception_text(error), ErrorKind::BadRequest);
    }
    d->markWarm(width, height, rows);
    return true;
}

QList<GeneratedImage> GenerationSession::generate(const GenerationRequest& request,
                                                  const GenerationCallbacks& callbacks)
{
    if (request.batchSize < 1 || request.batchCount < 1)
        throw GenerationError("batch size and batch count must be at least 1", ErrorKind::BadRequest);
    if (request.batchSize > RequestLimits::maxBatchSize || request.batchCount > RequestLimits::maxBatchCount)
        throw GenerationError("batch size can be at most " + std::to_string(RequestLimits::maxBatchSize) +
                                  " and batch count at most " + std::to_string(RequestLimits::maxBatchCount),
                              ErrorKind::BadRequest);
    if (request.width > RequestLimits::maxSide || request.height > RequestLimits::maxSide)
        throw GenerationError("width and height can be at most " + std::to_string(RequestLimits::maxSide) +
                                  " pixels",
                              ErrorKind::BadRequest);
    if (request.prompt.size() > RequestLimits::maxPromptCharacters ||
        request.negativePrompt.size() > RequestLimits::maxPromptCharacters)
        throw GenerationError("a prompt can be at most " +
                                  std::to_string(RequestLimits::maxPromptCharacters) + " characters long",
                              ErrorKind::BadRequest);
    if (d->unetSpent)
        throw GenerationError("this one-shot session has made its pictures; open the model again",
                              ErrorKind::BadRequest);
    const auto sampler =
        request.sampler.isEmpty() ? pipeline::default_sampler(d->model) : request.sampler.toStdString();

    pipeline::Txt2ImgRequest engine;
    engine.prompts = {request.prompt.toStdString()};
    engine.negatives = {request.negativePrompt.toStdString()};
    engine.guidance_scale = request.cfgScale;
    engine.steps = request.steps;
    engine.width = request.width;
    engine.height = request.height;
    engine.images_per_prompt = request.batchSize;
    engine.generator_per_image = true;
    engine.sampler = sampler;
    engine.prompt_options = {
        request.a1111Syntax ? pipeline::PromptSyntax::A1111 : pipeline::PromptSyntax::Plain,
        request.chunkLongPrompts ? pipeline::LongPrompt::Chunk : pipeline::LongPrompt::Truncate};
    engine.draft_decode = request.draft;
    if (request.draft && !d->model.taesd)
        throw GenerationError("a draft needs TAESD (madebyollin/taesd), which is not loaded",
                              ErrorKind::BadRequest);
    const bool img2img = !request.initImage.isNull();

    store::GenerationParameters parameters;
    parameters.prompt = request.prompt;
    parameters.negativePrompt = request.negativePrompt;
    parameters.steps = request.steps;
    parameters.sampler = a1111Label(sampler);
    parameters.cfgScale = request.cfgScale;
    parameters.width = request.width;
    parameters.height = request.height;
    parameters.modelHash = modelHash();
    parameters.model = modelName();
    if (img2img)
        parameters.denoisingStrength = request.strength;
    if (const auto source = modelSource(); !source.isEmpty())
        parameters.extra.append({QStringLiteral("Model source"), source});
    parameters.extra.append({QStringLiteral("RNG"), QStringLiteral("CPU")});
    if (request.draft)
        parameters.extra.append({QStringLiteral("Draft"), QStringLiteral("TAESD")});
    parameters.extra.append({QStringLiteral("Version"), QStringLiteral("Eikona " EIKONA_VERSION)});

    QList<GeneratedImage> images;
    bool stepped = false; // an engine error before the first step is the request's fault
    try {
        const c10::InferenceMode inference;
        const auto init = img2img ? toTensor(request.initImage) : at::Tensor();
        for (int run = 0; run < request.batchCount; ++run) {
            engine.seed = request.seed + static_cast<quint64>(run) * static_cast<quint64>(request.batchSize);
            engine.last_use_of_unet = d->oneShot && run == request.batchCount - 1;
            d->unetSpent = engine.last_use_of_unet;
            pipeline::Txt2ImgCallbacks engineCallbacks;
            engineCallbacks.should_stop = callbacks.shouldStop;
            if (callbacks.onLog)
                engineCallbacks.on_log = [&](const std::string& line) { callbacks.onLog(fromStd(line)); };
            PreviewPacer pacer;
            engineCallbacks.on_step = [&](const pipeline::StepInfo& info) {
                stepped = true;
                if (!callbacks.onProgress)
                    return;
                const auto step = static_cast<int>(info.step);
                const auto steps = static_cast<int>(info.total);
                GenerationProgress progress{run, request.batchCount, step, steps, info.elapsed_seconds, {}};
                const bool due =
                    callbacks.previewEvery > 0 && (step % callbacks.previewEvery == 0 || step == steps);
                if (due && d->model.taesd) {
                    // Full size, as often as the pacer allows; between them the canvas keeps the last.
                    if (pacer.allows(info.elapsed_seconds)) {
                        const auto start = std::chrono::steady_clock::now();
                        progress.preview =
                            bytesToImage(d->model.taesd->preview_rgb(info.latents.slice(0, 0, 1))[0]);
                        progress.previewScale = 1;
                        pacer.spent(
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
                    }
                } else if (due) {
                    progress.preview = bytesToImage(info.preview[0]);
                }
                callbacks.onProgress(progress);
            };
            const auto result =
                img2img ? pipeline::img2img(d->model, engine, init, request.strength, engineCallbacks)
                        : pipeline::txt2img(d->model, engine, engineCallbacks);
            d->markWarm(request.width, request.height, (request.cfgScale > 1.0 ? 2 : 1) * request.batchSize);
            const auto pixels = result.image.cpu();
            const auto latents = result.latents_final.cpu();
            for (int i = 0; i < request.batchSize; ++i) {
                GeneratedImage image;
                image.index = run * request.batchSize + i;
                image.seed = engine.seed + static_cast<quint64>(i);
                image.image = toImage(pixels[i]);
                image.parameters = parameters;
                image.parameters.seed = image.seed;
                if (callbacks.floatOutputs) {
                    image.pixels = toVector(pixels[i]);
                    image.latents = toVector(latents[i]);
                }
                if (callbacks.onImage)
                    callbacks.onImage(image);
                if (callbacks.returnImages)
                    images.append(std::move(image));
            }
        }
    } catch (const pipeline::Cancelled&) {
        throw GenerationCancelled();
    } catch (const std::bad_alloc&) {
        throw GenerationError("out of memory", ErrorKind::OutOfMemory);
    } catch (const std::exception& error) {
        const std::string detail = exception_text(error);
        if (detail.rfind("out of memory", 0) == 0)
            throw GenerationError(detail, ErrorKind::OutOfMemory);
        throw GenerationError(detail, stepped ? ErrorKind::Failed : ErrorKind::BadRequest);
    }
    return images;
}

void writeFloatOutputs(const QString& path, const QList<GeneratedImage>& images)
{
    if (images.isEmpty())
        throw GenerationError("no images to write");
    const auto& first = images.front();
    const std::int64_t width = first.image.width();
    const std::int64_t height = first.image.height();
    const auto count = static_cast<std::int64_t>(images.size());
    auto pixels = at::empty({count, height, width, 3}, at::kFloat);
    auto latents = at::empty({count, 4, height / 8, width / 8}, at::kFloat);
    for (std::int64_t i = 0; i < count; ++i) {
        const auto& image = images[static_cast<qsizetype>(i)];
        if (static_cast<std::int64_t>(image.pixels.size()) != height * width * 3 ||
            static_cast<std::int64_t>(image.latents.size()) != 4 * (height / 8) * (width / 8))
            throw GenerationError("the images differ in size");
        std::memcpy(pixels[i].data_ptr<float>(), image.pixels.data(), image.pixels.size() * sizeof(float));
        std::memcpy(latents[i].data_ptr<float>(), image.latents.data(), image.latents.size() * sizeof(float));
    }
    try {
        io::write_safetensors(path.toStdString(), {{"image", pixels}, {"latents", latents}});
    } catch (const std::exception& error) {
        throw GenerationError(std::string("cannot write ") + path.toStdString() + ": " +
                              exception_text(error));
    }
}

QStringList samplerIds()
{
    QStringList ids;
    for (const auto& info : schedulers::samplers())
        ids.append(fromStd(std::string(info.id)));
    return ids;
}

QString samplerLabel(const QString& id)
{
    return a1111Label(id.toStdString());
}

} // namespace eikona::backend
