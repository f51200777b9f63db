// eikona-cli generate --model DIR|FILE|NAME|REPO_ID --prompt TEXT [options]: txt2img, or img2img with
// --init-image. The flags are a contract other tools rely on; keep them as they are.

#include "cli/generate_command.h"

#include "cli/cli_command.h"
#include "cli/interrupt.h"
#include "cli/model_download.h"
#include "cli/picture_output.h"
#include "cli/progress_bar.h"

#include "engine_status.h"
#include "model_registry.h"
#include "preview_decoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>
#include <QRandomGenerator>

#include <cstdio>
#include <optional>

namespace eikona::cli {
namespace {

using Options = GenerateOptions;

// Reads and checks every flag before anything slow happens; returns the usage message or "".
QString readOptions(const QCommandLineParser& parser, Options& options)
{
    const auto integer = [&](const QString& name, int& into, int minimum, int maximum) -> QString {
        if (!parser.isSet(name))
            return {};
        bool ok = false;
        into = parser.value(name).toInt(&ok);
        if (!ok || into < minimum || into > maximum)
            return QStringLiteral("--%1 must be an integer from %2 to %3, not \"%4\"")
                .arg(name)
                .arg(minimum)
                .arg(maximum)
                .arg(parser.value(name));
        return {};
    };
    using Limits = backend::RequestLimits;
    auto& request = options.request;
    options.model = parser.value(QStringLiteral("model"));
    if (options.model.isEmpty())
        return QStringLiteral("--model is required (a diffusers folder, a .safetensors checkpoint, a model "
                              "name, or a Hugging Face repository id)");
    if (!parser.isSet(QStringLiteral("prompt")))
        return QStringLiteral("--prompt is required");
    request.prompt = parser.value(QStringLiteral("prompt"));
    request.negativePrompt = parser.value(QStringLiteral("negative"));
    if (request.prompt.size() > Limits::maxPromptCharacters ||
        request.negativePrompt.size() > Limits::maxPromptCharacters)
        return QStringLiteral("--prompt and --negative can be at most %1 characters long")
            .arg(Limits::maxPromptCharacters);
    for (const auto& check :
         {integer(QStringLiteral("steps"), request.steps, 1, 10000),
          integer(QStringLiteral("width"), request.width, 8, Limits::maxSide),
          integer(QStringLiteral("height"), request.height, 8, Limits::maxSide),
          integer(QStringLiteral("batch-size"), request.batchSize, 1, Limits::maxBatchSize),
          integer(QStringLiteral("batch-count"), request.batchCount, 1, Limits::maxBatchCount),
          integer(QStringLiteral("threads"), options.threads, 1, 1024)})
        if (!check.isEmpty())
            return check;
    if (request.width % 8 != 0 || request.height % 8 != 0)
        return QStringLiteral("--width and --height must be multiples of 8, not %1x%2")
            .arg(request.width)
            .arg(request.height);
    if (parser.isSet(QStringLiteral("cfg"))) {
        bool ok = false;
        request.cfgScale = parser.value(QStringLiteral("cfg")).toDouble(&ok);
        if (!ok || request.cfgScale < 0)
            return QStringLiteral("--cfg must be a number of at least 0, not \"%1\"")
                .arg(parser.value(QStringLiteral("cfg")));
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        request.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return QStringLiteral("--seed must be a non-negative integer, not \"%1\"")
                .arg(parser.value(QStringLiteral("seed")));
    } else {
        request.seed = QRandomGenerator::system()->generate(); // 32 bits, as A1111's seeds
    }
    request.sampler = parser.value(QStringLiteral("sampler"));
    if (!request.sampler.isEmpty() && !backend::samplerIds().contains(request.sampler))
        return QStringLiteral("unknown --sampler \"%1\"; choose one of: %2")
            .arg(request.sampler, backend::samplerIds().join(QStringLiteral(", ")));
    options.initImage = parser.value(QStringLiteral("init-image"));
    if (parser.isSet(QStringLiteral("strength"))) {
        if (options.initImage.isEmpty())
            return QStringLiteral("--strength needs --init-image");
        bool ok = false;
        request.strength = parser.value(QStringLiteral("strength")).toDouble(&ok);
        if (!ok || !(request.strength > 0 && request.strength <= 1))
            return QStringLiteral("--strength must be in (0, 1], not \"%1\"")
                .arg(parser.value(QStringLiteral("strength")));
    }
    const auto syntax = parser.value(QStringLiteral("prompt-syntax"));
    if (syntax != QStringLiteral("a1111") && syntax != QStringLiteral("plain"))
        return QStringLiteral("--prompt-syntax must be a1111 or plain");
    request.a1111Syntax = syntax == QStringLiteral("a1111");
    const auto longPrompt = parser.value(QStringLiteral("long-prompt"));
    if (longPrompt != QStringLiteral("chunk") && longPrompt != QStringLiteral("truncate"))
        return QStringLiteral("--long-prompt must be chunk or truncate");
    request.chunkLongPrompts = longPrompt == QStringLiteral("chunk");
    options.load.device = parser.value(QStringLiteral("device"));
    options.load.dtype = parser.value(QStringLiteral("dtype"));
    options.out = parser.value(QStringLiteral("out"));
    options.saveFloat = parser.value(QStringLiteral("save-float"));
    options.gallery = !parser.isSet(QStringLiteral("no-gallery"));
    request.draft = parser.isSet(QStringLiteral("draft"));
    options.server = parser.value(QStringLiteral("server"));
    options.serverToken = parser.value(QStringLiteral("server-token"));
    if (!options.serverToken.isEmpty() && options.server.isEmpty())
        return QStringLiteral("--server-token needs --server");
    if (!options.server.isEmpty()) {
        for (const auto* local : {"device", "dtype", "threads", "save-float", "draft"})
            if (parser.isSet(QLatin1String(local)))
                return QStringLiteral("--%1 applies to this computer, not to a job on --server")
                    .arg(QLatin1String(local));
        if (!request.chunkLongPrompts)
            return QStringLiteral(
                "--long-prompt truncate is this computer's only: a ComfyUI server reads long "
                "prompts in chunks");
    }
    if (!options.saveFloat.isEmpty() && !options.saveFloat.endsWith(QStringLiteral(".safetensors")))
        return QStringLiteral("--save-float needs a FILE.safetensors path");
    return {};
}

} // namespace

int runGenerate(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Makes pictures with Stable Diffusion 1.5. The same seed and parameters make the same picture;\n"
        "image i of a job uses seed + i, so any one can be made again alone. PNGs carry their parameters\n"
        "in A1111's format."));
    const auto option = [](const char* name, const char* help, const char* value = nullptr,
                           const char* fallback = nullptr) {
        return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help),
                                          QString::fromLatin1(value),
                                          fallback ? QString::fromLatin1(fallback) : QString())
                     : QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help));
    };
    parser.addOptions({
        option("model",
               "Diffusers model folder, single-file .safetensors checkpoint, a name from `models list`, or "
               "Hugging Face repository id (ORG/NAME[@REVISION]); with --server, one of the server's "
               "checkpoints (`server info URL` lists them).",
               "MODEL"),
        option("prompt", "What to draw (A1111 emphasis like (word:1.2) by default).", "TEXT"),
        option("negative", "What to avoid.", "TEXT"),
        option("steps", "Denoising steps (default 25).", "N"),
        option("cfg", "Guidance scale (default 7.5; 1 or less: no guidance).", "F"),
        option("seed", "Seed (default: random, printed).", "N"),
        option("width", "Width in pixels, a multiple of 8 (default 512).", "W"),
        option("height", "Height in pixels, a multiple of 8 (default 512).", "H"),
        QCommandLineOption(QStringLiteral("sampler"),
                           backend::samplerIds().join(QStringLiteral(", ")) +
                               QStringLiteral(" (default: the model's own)."),
                           QStringLiteral("ID")),
        option("init-image", "Picture to start from (img2img); resized and centre-cropped to the size.",
               "FILE"),
        option("strength", "How much img2img changes the picture, in (0, 1] (default 0.75).", "F"),
        option("batch-size", "Pictures per run (default 1).", "N"),
        option("batch-count", "Runs (default 1).", "N"),
        option("device", "auto, cpu, cuda or mps (default auto).", "D", "auto"),
        option("dtype", "auto, fp32, fp16 or bf16 (default auto: fp16 on a GPU, fp32 on the CPU).", "T",
               "auto"),
        option("threads", "CPU threads (default: one per core).", "N"),
        option("prompt-syntax", "a1111 (default) or plain (the reference's: no emphasis).", "a1111|plain",
               "a1111"),
        option("long-prompt", "chunk (default: 75-token chunks) or truncate (at 77 tokens, the reference's).",
               "chunk|truncate", "chunk"),
        option("out",
               "PNG file, or folder for PNGs named by date, seed and prompt (default: the current folder).",
               "FILE|DIR"),
        option("save-float", "Also write the float32 images and latents to this safetensors file.", "FILE"),
        option(
            "server",
            "Render on this ComfyUI server (http://HOST:PORT or https://...) instead of this computer; the "
            "pictures are saved here as usual. Each picture is its own prompt there with seed + k; "
            "deterministic samplers give the same picture as here (`server info` marks the others).",
            "URL"),
        option("server-token", "A bearer token for a server behind an authenticating proxy.", "T"),
        option("no-gallery", "Do not add the pictures to the gallery (they are added by default)."),
        option(
            "draft",
            "Decode the pictures with TAESD (madebyollin/taesd, about 10 MB, fetched into the cache on first "
            "use): seconds faster per picture, a draft's quality; the parameters say \"Draft: TAESD\"."),
    });
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    Options options;
    if (const auto usage = readOptions(parser, options); !usage.isEmpty())
        return usageError(arguments, usage);
    auto& request = options.request;
    if (!options.initImage.isEmpty()) {
        QImageReader reader(options.initImage);
        reader.setAutoTransform(true);
        request.initImage = reader.read();
        if (request.initImage.isNull())
            return fail(QStringLiteral("cannot read the init image %1: %2")
                            .arg(options.initImage, reader.errorString()));
    }
    // Where the pictures go is made sure of before minutes of work, not after.
    const auto outputFolder = PictureOutput::folderOf(options.out);
    if (!QDir().mkpath(outputFolder) || !QFileInfo(outputFolder).isWritable())
        return fail(
            QStringLiteral("cannot write pictures into %1: check that it is a folder you may write to")
                .arg(outputFolder));
    if (!options.server.isEmpty())
        return generateOnServer(options);
    QString error;
    const auto model = resolveModel(options.model, error);
    if (!model)
        return fail(error);

    std::fprintf(stderr, "%s\n", qUtf8Printable(backend::configureEngine(options.threads)));
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<backend::GenerationSession> session;
    try {
        options.load.oneShot = true; // one job, then exit: the UNet's packed kernels need not outlive it
        session = backend::GenerationSession::open(model->path, options.load);
    } catch (const backend::GenerationError& loadError) {
        return fail(QString::fromUtf8(loadError.what()));
    }
    if (!model->registryName.isEmpty())
        store::ModelRegistry().markUsed(model->registryName);
    if (request.draft) {
        const auto taesd = fetchRepository(backend::previewDecoderRepo(), QStringLiteral("main"),
                                           store::previewDecoderFiles(), error);
        if (taesd.isEmpty())
            return fail(QStringLiteral("--draft needs TAESD: %1").arg(error));
        if (const auto problem = session->setPreviewDecoder(taesd); !problem.isEmpty())
            return fail(QStringLiteral("--draft needs TAESD, which cannot be loaded: %1").arg(problem));
    }
    std::fprintf(stderr, "loaded %s in %.1f s on %s\n", qUtf8Printable(session->modelName()),
                 static_cast<double>(timer.elapsed()) / 1000.0,
                 qUtf8Printable(session->computeDescription()));
    const int total = request.batchSize * request.batchCount;
    std::fprintf(stderr, "seed %llu%s, sampler %s, %d step%s, cfg %g, %dx%d\n",
                 static_cast<unsigned long long>(request.seed),
                 total > 1 ? qUtf8Printable(QStringLiteral(" (+0..%1)").arg(total - 1)) : "",
                 qUtf8Printable(request.sampler.isEmpty() ? session->defaultSampler() : request.sampler),
                 request.steps, request.steps == 1 ? "" : "s", request.cfgScale, request.width,
                 request.height);

    StepBars bars(QStringLiteral("run"));
    backend::GenerationCallbacks callbacks;
    callbacks.previewEvery = 0; // a terminal shows no pictures: none are made
    callbacks.onProgress = [&](const backend::GenerationProgress& progress) { bars.show(progress); };
    const InterruptGuard interrupt; // Ctrl+C stops after the current UNet call; finished pictures stay saved
    PictureOutput output(options.out, total, options.gallery);
    // A picture that cannot be saved stops the job: the next ones would go the same way.
    callbacks.shouldStop = [&] { return InterruptGuard::interrupted() || !output.error().isEmpty(); };
    callbacks.floatOutputs = callbacks.returnImages = !options.saveFloat.isEmpty();
    callbacks.onLog = [](const QString& line) { std::fprintf(stderr, "note: %s\n", qUtf8Printable(line)); };
    callbacks.onImage = [&](const backend::GeneratedImage& image) { output.save(image); };
    QList<backend::GeneratedImage> images;
    timer.restart();
    try {
        images = session->generate(request, callbacks);
    } catch (const backend::GenerationCancelled&) {
        bars.finish();
        if (!output.error().isEmpty())
            return fail(QStringLiteral("%1; stopped after %2 picture(s) were saved")
                            .arg(output.error())
                            .arg(output.savedCount()));
        return fail(QStringLiteral("cancelled; %1 picture(s) were saved before").arg(output.savedCount()));
    } catch (const backend::GenerationError& generationError) {
        bars.finish();
        return fail(QString::fromUtf8(generationError.what()));
    }
    if (!output.error().isEmpty())
        return fail(output.error());
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    std::fprintf(stderr, "%d picture%s in %.1f s (%s over all steps)\n", output.savedCount(),
                 output.savedCount() == 1 ? "" : "s", seconds,
                 qUtf8Printable(formatRate(request.batchCount * request.steps / seconds)));
    if (!options.saveFloat.isEmpty()) {
        try {
            backend::writeFloatOutputs(options.saveFloat, images);
        } catch (const backend::GenerationError& writeError) {
            return fail(QString::fromUtf8(writeError.what()));
        }
        std::fprintf(stderr, "float outputs: %s\n", qUtf8Printable(options.saveFloat));
    }
    return Success;
}

} // namespace eikona::cli
