#pragma once
// What every eikona-cli subcommand shares: its parser, its help, and how it reports errors.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>

namespace eikona::cli {

/// Exit codes: 0 success, 1 the work failed (bad file, bad model), 2 bad usage.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

struct Command {
    QString name;
    QString summary;
    std::function<int(const QStringList& arguments)> run; ///< arguments[0] is "eikona-cli NAME"
};

const QList<Command>& commands();

/// Parses `arguments` with `parser` (adding --help); prints help and returns Success for
/// --help, prints the error and returns UsageError for bad usage, else returns -1.
int parseOrExit(QCommandLineParser& parser, const QStringList& arguments);

/// "eikona-cli: error: <message>" on stderr; returns Failure.
int fail(const QString& message);

/// "eikona-cli COMMAND: <message>" on stderr; returns UsageError.
int usageError(const QStringList& arguments, const QString& message);

void printOut(const QString& text);

int runTokenize(const QStringList& arguments);
int runInspect(const QStringList& arguments);
int runMakeRandomModel(const QStringList& arguments);
int runGenerate(const QStringList& arguments);
int runModels(const QStringList& arguments);
int runGallery(const QStringList& arguments);
int runExportSingleFile(const QStringList& arguments);
int runServer(const QStringList& arguments);

} // namespace eikona::cli
