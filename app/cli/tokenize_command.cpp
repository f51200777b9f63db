// eikona-cli tokenize --model DIR --prompt TEXT [--padded]

#include "cli/cli_command.h"

#include "generation_types.h"
#include "model_tools.h"

namespace eikona::cli {

int runTokenize(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the CLIP token ids of a prompt as one JSON array: start token, ids, end token.\n"
        "With --padded: the 77 ids the text encoder receives (truncated, then padded)."));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("Model folder (diffusers layout) or its tokenizer folder."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption prompt(QStringLiteral("prompt"), QStringLiteral("The prompt text."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption padded(QStringLiteral("padded"),
                                    QStringLiteral("Truncate and pad to the model's length."));
    parser.addOptions({model, prompt, padded});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (!parser.isSet(model) || !parser.isSet(prompt)) {
        std::fprintf(stderr, "%s: --model and --prompt are required\n", qUtf8Printable(arguments.value(0)));
        return UsageError;
    }

    try {
        const auto ids =
            backend::tokenizePrompt(parser.value(model), parser.value(prompt), parser.isSet(padded));
        QStringList numbers;
        numbers.reserve(ids.size());
        for (const int id : ids)
            numbers << QString::number(id);
        printOut(QLatin1Char('[') + numbers.join(QStringLiteral(", ")) + QLatin1Char(']'));
        return Success;
    } catch (const backend::GenerationError& error) {
        return fail(QString::fromUtf8(error.what()));
    }
}

} // namespace eikona::cli
