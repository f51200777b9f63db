#include "cli/cli_command.h"

#include <QCoreApplication>

#include <cstdio>

namespace eikona::cli {

const QList<Command>& commands()
{
    static const QList<Command> all{
        {QStringLiteral("generate"),
         QStringLiteral("Make pictures from a prompt (txt2img) or from a picture (img2img)"), runGenerate},
        {QStringLiteral("models"), QStringLiteral("List, download, verify, remove and add models"),
         runModels},
        {QStringLiteral("gallery"),
         QStringLiteral("Index folders of pictures, search them by prompt, rebuild the index"), runGallery},
        {QStringLiteral("export-single-file"),
         QStringLiteral("Write a diffusers model as one original-layout SD 1.x .safetensors checkpoint"),
         runExportSingleFile},
        {QStringLiteral("server"),
         QStringLiteral("What a ComfyUI server offers to render on (server info URL)"), runServer},
        {QStringLiteral("tokenize"), QStringLiteral("Print the CLIP token ids of a prompt as a JSON array"),
         runTokenize},
        {QStringLiteral("inspect"),
         QStringLiteral("List the tensors of a safetensors file or the components of a model folder"),
         runInspect},
        {QStringLiteral("make-random-model"),
         QStringLiteral("Write an SD 1.5-shaped model folder with random weights"), runMakeRandomModel},
    };
    return all;
}

namespace {

// QCommandLineParser names the executable's path in its usage line; name the command.
QString helpText(const QCommandLineParser& parser, const QStringList& arguments)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    if (!program.isEmpty())
        text.replace(text.indexOf(program), program.size(), arguments.value(0));
    return text;
}

} // namespace

int parseOrExit(QCommandLineParser& parser, const QStringList& arguments)
{
    const auto helpOption = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s: %s\n\n%s", qUtf8Printable(arguments.value(0)),
                     qUtf8Printable(parser.errorText()), qUtf8Printable(helpText(parser, arguments)));
        return UsageError;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qUtf8Printable(helpText(parser, arguments)), stdout);
        return Success;
    }
    return -1;
}

int fail(const QString& message)
{
    std::fprintf(stderr, "eikona-cli: error: %s\n", qUtf8Printable(message));
    return Failure;
}

int usageError(const QStringList& arguments, const QString& message)
{
    std::fprintf(stderr, "%s: %s\n", qUtf8Printable(arguments.value(0)), qUtf8Printable(message));
    return UsageError;
}

void printOut(const QString& text)
{
    std::fputs(qUtf8Printable(text), stdout);
    std::fputc('\n', stdout);
}

} // namespace eikona::cli
