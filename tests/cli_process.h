#pragma once
// Running eikona-cli from a test: its exit code (-1 when it crashed or hung), stdout and stderr.

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace eikona::testing {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

/// `wrapper` runs the tool under another program (sh for ulimit, setpriv for another user);
/// `program` replaces the built tool (a copy elsewhere).
inline CliRun runCli(const QStringList& arguments,
                     const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                     const QStringList& wrapper = {}, const QString& program = QStringLiteral(EIKONA_CLI))
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (wrapper.isEmpty())
        process.start(program, arguments);
    else
        process.start(wrapper.first(), wrapper.mid(1) + QStringList{program} + arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace eikona::testing
