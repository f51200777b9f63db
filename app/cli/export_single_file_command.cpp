// eikona-cli export-single-file --model MODEL --out FILE.safetensors: a diffusers model as one
// SD 1.x checkpoint in the original layout, for tools that read only those.

#include "cli/cli_command.h"
#include "cli/model_download.h"

#include "generation_types.h"
#include "model_export.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

namespace eikona::cli {

int runExportSingleFile(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a diffusers model as one single-file SD 1.x checkpoint "
                       "(model.diffusion_model.*, first_stage_model.*, "
                       "cond_stage_model.transformer.*), tensors in their stored precision, the model's "
                       "configs in the file's metadata."));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Diffusers folder, model name or repository id."),
                                   QStringLiteral("MODEL"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("The .safetensors file to write."),
                                 QStringLiteral("FILE"));
    parser.addOptions({model, out});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (!parser.isSet(model) || !parser.isSet(out))
        return usageError(arguments, QStringLiteral("--model and --out are required"));
    const auto target = parser.value(out);
    if (!target.endsWith(QStringLiteral(".safetensors")))
        return usageError(arguments, QStringLiteral("--out must name a .safetensors file"));
    if (QFileInfo::exists(target))
        return fail(QStringLiteral("%1 exists; it is not overwritten").arg(target));
    QString error;
    const auto resolved = resolveModel(parser.value(model), error);
    if (!resolved)
        return fail(error);
    if (!QFileInfo(resolved->path).isDir())
        return fail(QStringLiteral("%1 is already a single file").arg(resolved->path));
    QElapsedTimer timer;
    timer.start();
    try {
        backend::exportSingleFile(resolved->path, target);
    } catch (const backend::GenerationError& exportError) {
        return fail(QString::fromUtf8(exportError.what()));
    }
    std::fprintf(stderr, "wrote %s (%.1f MB) in %.1f s\n", qUtf8Printable(target),
                 static_cast<double>(QFileInfo(target).size()) / 1e6,
                 static_cast<double>(timer.elapsed()) / 1000.0);
    return Success;
}

} // namespace eikona::cli
