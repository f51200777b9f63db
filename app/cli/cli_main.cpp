// eikona-cli: Eikona from the terminal.

#include "cli/cli_command.h"
#include "generation_types.h"

#include <QCoreApplication>

#include <csignal>
#include <exception>
#include <new>
#include <cstdio>

int main(int argc, char* argv[])
{
    // Over a file-size limit (ulimit -f) a write should fail and be reported, not kill us.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("eikona-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EIKONA_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments[0] = QStringLiteral("eikona-cli");

    if (arguments.size() > 1 && !arguments.at(1).startsWith(QLatin1Char('-'))) {
        for (const auto& command : eikona::cli::commands()) {
            if (command.name == arguments.at(1)) {
                QStringList rest = arguments.mid(2);
                rest.prepend(QStringLiteral("eikona-cli ") + command.name);
                // The last resort: whatever a command did not catch ends in words, not abort().
                try {
                    return command.run(rest);
                } catch (const std::bad_alloc&) {
                    std::fprintf(stderr, "eikona-cli %s: error: out of memory\n",
                                 qUtf8Printable(command.name));
                } catch (const std::exception& error) {
                    std::fprintf(stderr, "eikona-cli %s: error: %s\n", qUtf8Printable(command.name),
                                 eikona::backend::errorText(error).c_str());
                }
                return eikona::cli::Failure;
            }
        }
        std::fprintf(stderr, "eikona-cli: unknown command '%s' (see eikona-cli --help)\n",
                     qUtf8Printable(arguments.at(1)));
        return eikona::cli::UsageError;
    }

    QCommandLineParser parser;
    QString description = QStringLiteral("Stable Diffusion 1.5 on your own computer.\n\nCommands:\n");
    for (const auto& command : eikona::cli::commands())
        description += QStringLiteral("  %1  %2\n").arg(command.name, -18).arg(command.summary);
    description += QStringLiteral("\nRun 'eikona-cli COMMAND --help' for a command's options.");
    parser.setApplicationDescription(description);
    const auto versionOption = parser.addVersionOption();
    if (const int code = eikona::cli::parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.isSet(versionOption)) {
        std::printf("eikona-cli %s\n", EIKONA_VERSION);
        return eikona::cli::Success;
    }
    std::fputs(qUtf8Printable(parser.helpText()), stderr);
    return eikona::cli::UsageError;
}
