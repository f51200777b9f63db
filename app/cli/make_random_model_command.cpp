// eikona-cli make-random-model --preset sd15|tiny --out DIR [--seed N] [--dtype fp16|fp32]

#include "cli/cli_command.h"

#include "local_model.h"
#include "generation_types.h"
#include "model_tools.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

namespace eikona::cli {
namespace {

// The SD 1.5 tokenizer files: installed beside the app, else in the source tree.
QString defaultTokenizerFolder()
{
    return store::sd15DefaultsFolder() + QStringLiteral("/tokenizer");
}

} // namespace

int runMakeRandomModel(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a complete diffusers-layout SD 1.5 folder with random weights (for benchmarks and tests).\n"
        "sd15: the real model's architecture (about 4.3 GB in fp32); tiny: the test model's."));
    const QCommandLineOption preset(QStringLiteral("preset"), QStringLiteral("sd15 or tiny."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Folder to write."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption dtype(QStringLiteral("dtype"),
                                   QStringLiteral("fp32 (default) or fp16 (written as *.fp16.safetensors)."),
                                   QStringLiteral("TYPE"), QStringLiteral("fp32"));
    const QCommandLineOption tokenizer(QStringLiteral("tokenizer"),
                                       QStringLiteral("Tokenizer folder to copy (default: SD 1.5's)."),
                                       QStringLiteral("DIR"), defaultTokenizerFolder());
    parser.addOptions({preset, out, seed, dtype, tokenizer});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;

    const QString presetName = parser.value(preset);
    const QString dtypeName = parser.value(dtype);
    bool seedOk = false;
    const auto seedValue = parser.value(seed).toULongLong(&seedOk);
    QString usage;
    if (presetName != QLatin1String("sd15") && presetName != QLatin1String("tiny"))
        usage = QStringLiteral("--preset must be sd15 or tiny");
    else if (!parser.isSet(out))
        usage = QStringLiteral("--out is required");
    else if (dtypeName != QLatin1String("fp32") && dtypeName != QLatin1String("fp16"))
        usage = QStringLiteral("--dtype must be fp16 or fp32");
    else if (!seedOk)
        usage = QStringLiteral("--seed must be a non-negative integer");
    if (!usage.isEmpty())
        return usageError(arguments, usage);

    backend::RandomModelRequest request;
    request.preset = presetName;
    request.seed = seedValue;
    request.fp16 = dtypeName == QLatin1String("fp16");
    request.tokenizerFolder = parser.value(tokenizer);
    QElapsedTimer timer;
    timer.start();
    request.progress = [&](const QString& component) {
        std::fprintf(stderr, "writing %s ... (%.1f s)\n", qUtf8Printable(component),
                     static_cast<double>(timer.elapsed()) / 1000.0);
    };
    try {
        backend::writeRandomModel(parser.value(out), request);
    } catch (const backend::GenerationError& error) {
        return fail(QString::fromUtf8(error.what()));
    }
    std::fprintf(stderr, "done in %.1f s: %s\n", static_cast<double>(timer.elapsed()) / 1000.0,
                 qUtf8Printable(parser.value(out)));
    return Success;
}

} // namespace eikona::cli
