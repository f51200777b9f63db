// eikona-cli generate --model DIR|FILE|NAME|REPO_ID --prompt TEXT [options]: txt2img, or img2img with
// --init-image. The flags are a contract other tools rely on; keep them as they are.

#include "cli/cli_command.h"
#include "cli/interrupt.h"
#include "cli/model_download.h"
#include "cli/progress_bar.h"

#include "engine_status.h"
#include "gallery_store.h"
#include "generation_session.h"
#include "model_registry.h"
#include "picture_file.h"
#include "preview_decoder.h"

#include <QDir>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>
#include <QRandomGenerator>

#include <cstdio>
#include <optional>

namespace eikona::cli {
namespace {

struct Options {
    QString model;
    backend::GenerationRequest request;
    backend::ModelLoadOptions load;
    int threads = 0;
    QString initImage;
    QString out;
    QString saveFloat;
    bool gallery = true;
};

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
    if (!options.saveFloat.isEmpty() && !options.saveFloat.endsWith(QStringLiteral(".safetensors")))
        return QStringLiteral("--save-float needs a FILE.safetensors path");
    return {};
}

// Where image `index` of `count` goes: --out FILE.png (numbered when several), or a folder
// (made if needed) with the app's names — date, seed and the prompt's words — that never
// overwrite, so the CLI's pictures sit in a gallery beside the window's.
QString outputPath(const QString& out, int index, int count, quint64 seed, const QString& prompt)
{
    if (out.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) {
        if (count == 1)
            return out;
        return out.left(out.size() - 4) + QStringLiteral("-%1.png").arg(index);
    }
    return store::namedPicturePath(out.isEmpty() ? QStringLiteral(".") : out, seed, prompt,
                                   QDateTime::currentDateTime());
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
               "Hugging Face repository id (ORG/NAME[@REVISION]).",
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
    const auto outputFolder = options.out.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)
                                  ? QFileInfo(options.out).absolutePath()
                                  : (options.out.isEmpty() ? QStringLiteral(".") : options.out);
    if (!QDir().mkpath(outputFolder) || !QFileInfo(outputFolder).isWritable())
        return fail(
            QStringLiteral("cannot write pictures into %1: check that it is a folder you may write to")
                .arg(outputFolder));
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

    std::optional<ProgressBar> bar;
    int savedCount = 0;
    QString saveError;
    backend::GenerationCallbacks callbacks;
    callbacks.previewEvery = 0; // a terminal shows no pictures: none are made
    callbacks.onProgress = [&](const backend::GenerationProgress& progress) {
        if (progress.step == 1 || !bar)
            bar.emplace(progress.runs > 1
                            ? QStringLiteral("run %1/%2 step").arg(progress.run + 1).arg(progress.runs)
                            : QStringLiteral("step"));
        bar->update(progress.step, progress.steps, progress.elapsedSeconds, {});
        if (progress.step == progress.steps)
            bar->finish();
    };
    const InterruptGuard interrupt; // Ctrl+C stops after the current UNet call; finished pictures stay saved
    // A picture that cannot be saved stops the job: the next ones would go the same way.
    callbacks.shouldStop = [&] { return InterruptGuard::interrupted() || !saveError.isEmpty(); };
    callbacks.floatOutputs = callbacks.returnImages = !options.saveFloat.isEmpty();
    callbacks.onLog = [](const QString& line) { std::fprintf(stderr, "note: %s\n", qUtf8Printable(line)); };
    // The gallery is the app's too: a picture is written first, then its row (a busy timeout
    // waits for the app's writes). Without a gallery the pictures are still saved.
    std::optional<store::GalleryStore> gallery;
    if (options.gallery) {
        gallery.emplace();
        if (!gallery->isOpen()) {
            std::fprintf(stderr,
                         "note: the gallery cannot be opened (%s); the pictures are saved without it\n",
                         qUtf8Printable(gallery->lastError()));
            gallery.reset();
        }
    }
    callbacks.onImage = [&](const backend::GeneratedImage& image) {
        const auto path = outputPath(options.out, image.index, total, image.seed, image.parameters.prompt);
        if (gallery) {
            if (!gallery->savePicture(path, image.image, image.parameters)) {
                if (!QFileInfo::exists(path)) {
                    saveError = gallery->lastError();
                    return;
                }
                std::fprintf(stderr,
                             "note: %s is saved but not yet in the gallery (%s); the next rescan adds it\n",
                             qUtf8Printable(path), qUtf8Printable(gallery->lastError()));
            }
        } else if (const auto problem = store::writePicture(path, image.image, image.parameters);
                   !problem.isEmpty()) {
            saveError = problem;
            return;
        }
        ++savedCount;
        printOut(path);
    };
    QList<backend::GeneratedImage> images;
    timer.restart();
    try {
        images = session->generate(request, callbacks);
    } catch (const backend::GenerationCancelled&) {
        if (bar)
            bar->finish();
        if (!saveError.isEmpty())
            return fail(
                QStringLiteral("%1; stopped after %2 picture(s) were saved").arg(saveError).arg(savedCount));
        return fail(QStringLiteral("cancelled; %1 picture(s) were saved before").arg(savedCount));
    } catch (const backend::GenerationError& generationError) {
        if (bar)
            bar->finish();
        return fail(QString::fromUtf8(generationError.what()));
    }
    if (!saveError.isEmpty())
        return fail(saveError);
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    std::fprintf(stderr, "%d picture%s in %.1f s (%s over all steps)\n", savedCount,
                 savedCount == 1 ? "" : "s", seconds,
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
