#include "comfy_server.h"

#include <QJsonArray>
#include <QJsonObject>

namespace eikona::comfy {

void readSystemStats(const QJsonObject& answer, ComfyServerInfo& info)
{
    const auto system = answer.value(QStringLiteral("system")).toObject();
    info.version = system.value(QStringLiteral("comfyui_version")).toString();
    info.os = system.value(QStringLiteral("os")).toString();
    info.ramTotal = system.value(QStringLiteral("ram_total")).toInteger();
    info.ramFree = system.value(QStringLiteral("ram_free")).toInteger();
    info.devices.clear();
    for (const auto& value : answer.value(QStringLiteral("devices")).toArray()) {
        const auto device = value.toObject();
        info.devices.append({device.value(QStringLiteral("name")).toString(),
                             device.value(QStringLiteral("type")).toString(),
                             device.value(QStringLiteral("vram_total")).toInteger(),
                             device.value(QStringLiteral("vram_free")).toInteger()});
    }
}

QStringList readChoices(const QJsonObject& objectInfo, const QString& node, const QString& input)
{
    const auto inputs = objectInfo.value(node).toObject().value(QStringLiteral("input")).toObject();
    const auto spec = inputs.value(QStringLiteral("required")).toObject().value(input).toArray();
    QStringList choices;
    for (const auto& value : spec.first().toArray())
        if (value.isString())
            choices << value.toString();
    return choices;
}

ComfyServerInfo fetchServerInfo(const QUrl& url, const QString& token, int timeoutMs)
{
    ComfyHttp server(url, token, timeoutMs);
    ComfyServerInfo info;
    readSystemStats(server.getJson(QStringLiteral("/system_stats")), info);
    if (info.version.isEmpty() && info.devices.isEmpty())
        throw ComfyError(
            QStringLiteral("the server at %1 does not answer as ComfyUI does (no version, no devices)")
                .arg(server.where())
                .toStdString());
    const auto checkpointNode = QStringLiteral("CheckpointLoaderSimple");
    info.checkpoints = readChoices(server.getJson(QStringLiteral("/object_info/") + checkpointNode),
                                   checkpointNode, QStringLiteral("ckpt_name"));
    const auto samplerNode = QStringLiteral("KSampler");
    const auto sampler = server.getJson(QStringLiteral("/object_info/") + samplerNode);
    info.samplers = readChoices(sampler, samplerNode, QStringLiteral("sampler_name"));
    info.schedulers = readChoices(sampler, samplerNode, QStringLiteral("scheduler"));
    return info;
}

} // namespace eikona::comfy
