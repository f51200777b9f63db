// eikona-cli server info URL [--server-token T]: what a ComfyUI server offers Eikona.

#include "cli/cli_command.h"

#include "comfy_graph.h"
#include "comfy_server.h"

#include <QUrl>

namespace eikona::cli {

namespace {

QString gigabytes(qint64 bytes)
{
    return QStringLiteral("%1 GB").arg(static_cast<double>(bytes) / 1e9, 0, 'f', 1);
}

// Ours, in the order the CLI's help lists them.
const QStringList k_ourSamplers{
    QStringLiteral("ddim"),    QStringLiteral("lms"),      QStringLiteral("euler"),
    QStringLiteral("euler_a"), QStringLiteral("dpmpp_2m"), QStringLiteral("dpmpp_2m_karras"),
    QStringLiteral("heun"),    QStringLiteral("unipc"),    QStringLiteral("ddpm"),
    QStringLiteral("kdpm2"),   QStringLiteral("pndm")};

} // namespace

int runServer(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A ComfyUI server to render on.\nActions:\n"
        "  info URL   the server's version, devices and memory, its checkpoints, and which of\n"
        "             Eikona's samplers it can run (URL: http://HOST:PORT or https://...)"));
    const QCommandLineOption token(
        QStringLiteral("server-token"),
        QStringLiteral("A bearer token for a server behind an authenticating proxy."), QStringLiteral("T"));
    parser.addOption(token);
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("info"));
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The server: http://HOST:PORT."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const auto positional = parser.positionalArguments();
    if (positional.size() != 2 || positional[0] != QStringLiteral("info"))
        return usageError(arguments, QStringLiteral("usage: server info URL"));
    try {
        const auto info = comfy::fetchServerInfo(QUrl(positional[1]), parser.value(token));
        printOut(QStringLiteral("ComfyUI %1 at %2 (%3)")
                     .arg(info.version.isEmpty() ? QStringLiteral("(version not said)") : info.version,
                          QUrl(positional[1]).toString(QUrl::RemoveUserInfo), info.os));
        for (const auto& device : info.devices)
            printOut(
                QStringLiteral("device: %1 (%2), %3 of %4 free")
                    .arg(device.name, device.type, gigabytes(device.vramFree), gigabytes(device.vramTotal)));
        printOut(
            QStringLiteral("memory: %1 of %2 free").arg(gigabytes(info.ramFree), gigabytes(info.ramTotal)));
        printOut(QStringLiteral("checkpoints (%1):").arg(info.checkpoints.size()));
        for (const auto& checkpoint : info.checkpoints)
            printOut(QStringLiteral("  ") + checkpoint);
        QStringList runs, refused;
        for (const auto& sampler : k_ourSamplers) {
            const auto problem = comfy::samplerProblem(sampler, info.samplers, info.schedulers);
            if (problem.isEmpty())
                runs << sampler + (comfy::comfySamplerFor(sampler)->deterministic ? QString()
                                                                                  : QStringLiteral("*"));
            else
                refused << QStringLiteral("%1 (%2)").arg(sampler, problem);
        }
        printOut(QStringLiteral("samplers it runs: %1").arg(runs.join(QStringLiteral(", "))));
        printOut(QStringLiteral(
            "  * draws fresh noise every step: the same seed gives another picture there than here"));
        if (!refused.isEmpty())
            printOut(QStringLiteral("samplers it cannot run: %1").arg(refused.join(QStringLiteral("; "))));
        return Success;
    } catch (const comfy::ComfyError& error) {
        return fail(QString::fromUtf8(error.what()));
    }
}

} // namespace eikona::cli
