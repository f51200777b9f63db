// eikona-cli inspect PATH

#include "cli/cli_command.h"

#include "generation_types.h"
#include "model_tools.h"

#include <QFileInfo>

namespace eikona::cli {

int runInspect(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists a safetensors file's tensors (name, dtype, shape, then the total), or a model folder's "
        "components with their weights. A malformed file is reported, never loaded."));
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("A .safetensors file or a model folder."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "%s: expected exactly one PATH\n", qUtf8Printable(arguments.value(0)));
        return UsageError;
    }
    const QString path = parser.positionalArguments().constFirst();
    try {
        const QFileInfo info(path);
        if (!info.exists())
            return fail(QStringLiteral("%1: no such file or folder").arg(path));
        for (const auto& line :
             info.isDir() ? backend::inspectModelFolder(path) : backend::inspectWeightsFile(path))
            printOut(line);
        return Success;
    } catch (const backend::GenerationError& error) {
        return fail(QString::fromUtf8(error.what()));
    }
}

} // namespace eikona::cli
