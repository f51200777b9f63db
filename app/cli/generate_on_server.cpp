// `generate --server URL`: the job on a ComfyUI server, its progress on stderr as a local
// job's, its pictures saved here with their parameters (and the server named) as they come.

#include "cli/generate_command.h"

#include "cli/cli_command.h"
#include "cli/interrupt.h"
#include "cli/picture_output.h"
#include "cli/progress_bar.h"

#include "server_generation.h"

#include <QElapsedTimer>

#include <cstdio>
#include <optional>

namespace eikona::cli {

int generateOnServer(const GenerateOptions& options)
{
    auto request = options.request;
    if (request.sampler.isEmpty())
        request.sampler = backend::defaultServerSampler();
    const backend::ServerTarget target{QUrl(options.server), options.serverToken, options.model};
    const int total = request.batchSize * request.batchCount;
    std::fprintf(stderr, "seed %llu%s, sampler %s, %d step%s, cfg %g, %dx%d, on %s (checkpoint %s)\n",
                 static_cast<unsigned long long>(request.seed),
                 total > 1 ? qUtf8Printable(QStringLiteral(" (+0..%1)").arg(total - 1)) : "",
                 qUtf8Printable(request.sampler), request.steps, request.steps == 1 ? "" : "s",
                 request.cfgScale, request.width, request.height,
                 qUtf8Printable(target.url.toString(QUrl::RemoveUserInfo)),
                 qUtf8Printable(target.checkpoint));
    if (!backend::sameOnServer(request.sampler))
        std::fprintf(stderr,
                     "note: %s draws fresh noise at every step, which the server seeds its own way: this "
                     "seed gives another picture there than on this computer\n",
                     qUtf8Printable(request.sampler));

    StepBars bars(QStringLiteral("picture"));
    backend::GenerationCallbacks callbacks;
    callbacks.previewEvery = 0; // a terminal shows no pictures
    callbacks.returnImages = false;
    callbacks.onProgress = [&](const backend::GenerationProgress& progress) { bars.show(progress); };
    const InterruptGuard interrupt; // Ctrl+C cancels on the server too; finished pictures stay saved
    PictureOutput output(options.out, total, options.gallery);
    callbacks.shouldStop = [&] { return InterruptGuard::interrupted() || !output.error().isEmpty(); };
    callbacks.onLog = [&](const QString& line) {
        bars.finish();
        std::fprintf(stderr, "note: %s\n", qUtf8Printable(line));
    };
    callbacks.onImage = [&](const backend::GeneratedImage& image) { output.save(image); };
    backend::ServerJobOptions hooks;
    hooks.submitted = [&](int index, const QString& promptId, const QString&) {
        if (index == 0)
            std::fprintf(stderr, "queued on the server as prompt %s\n", qUtf8Printable(promptId));
    };
    QElapsedTimer timer;
    timer.start();
    try {
        backend::generateOnServer(target, request, callbacks, hooks);
    } catch (const backend::GenerationCancelled&) {
        bars.finish();
        if (!output.error().isEmpty())
            return fail(QStringLiteral("%1; stopped after %2 picture(s) were saved")
                            .arg(output.error())
                            .arg(output.savedCount()));
        return fail(QStringLiteral("cancelled (on the server too); %1 picture(s) were saved before")
                        .arg(output.savedCount()));
    } catch (const backend::GenerationError& error) {
        bars.finish();
        if (output.savedCount() > 0)
            return fail(QStringLiteral("%1; %2 picture(s) were saved before")
                            .arg(QString::fromUtf8(error.what()))
                            .arg(output.savedCount()));
        return fail(QString::fromUtf8(error.what()));
    }
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    std::fprintf(stderr, "%d picture%s in %.1f s on the server\n", output.savedCount(),
                 output.savedCount() == 1 ? "" : "s", seconds);
    return Success;
}

} // namespace eikona::cli
