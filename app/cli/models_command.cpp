// eikona-cli models download REPO [--revision R] [--variant fp16|fp32]: fetch a model from the
// Hugging Face hub into the shared cache (resumable; nothing fetched twice).

#include "cli/cli_command.h"
#include "cli/model_download.h"

#include <cstdio>

namespace eikona::cli {

int runModels(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Manages models. Actions:\n  download REPO   fetch REPO (e.g. stable-diffusion-v1-5/stable-diffusion-v1-5) into the "
        "Hugging Face cache\n\nHF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE, HF_HOME and HF_HUB_OFFLINE are honoured."));
    const QCommandLineOption revision(QStringLiteral("revision"), QStringLiteral("Branch, tag or commit (default main)."),
                                      QStringLiteral("R"), QStringLiteral("main"));
    const QCommandLineOption variant(QStringLiteral("variant"), QStringLiteral("fp16 (default: half the download) or fp32."),
                                     QStringLiteral("fp16|fp32"), QStringLiteral("fp16"));
    parser.addOptions({revision, variant});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("download"));
    parser.addPositionalArgument(QStringLiteral("repo"), QStringLiteral("Repository id."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const auto positional = parser.positionalArguments();
    if (positional.size() != 2 || positional[0] != QStringLiteral("download"))
        return usageError(arguments, QStringLiteral("usage: models download REPO [--revision R] [--variant fp16|fp32]"));
    const auto variantName = parser.value(variant);
    if (variantName != QStringLiteral("fp16") && variantName != QStringLiteral("fp32"))
        return usageError(arguments, QStringLiteral("--variant must be fp16 or fp32"));
    QString error;
    const auto snapshot = fetchModel(positional[1], parser.value(revision), variantName, error);
    if (snapshot.isEmpty())
        return fail(error);
    printOut(snapshot);
    return Success;
}

} // namespace eikona::cli
