#include "comfy_jobs.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <algorithm>

namespace eikona::comfy {

std::optional<ComfyHistory> readHistoryAnswer(const QJsonObject& answer, const QString& promptId)
{
    if (!answer.contains(promptId))
        return std::nullopt;
    const auto record = answer.value(promptId).toObject();
    const auto status = record.value(QStringLiteral("status")).toObject();
    ComfyHistory history;
    history.completed = status.value(QStringLiteral("completed")).toBool();
    history.status = status.value(QStringLiteral("status_str")).toString();
    const auto outputs = record.value(QStringLiteral("outputs")).toObject();
    auto nodes = outputs.keys();
    std::sort(nodes.begin(), nodes.end(), [](const QString& a, const QString& b) {
        return a.toInt() != b.toInt() ? a.toInt() < b.toInt() : a < b;
    });
    for (const auto& node : std::as_const(nodes))
        for (const auto& value : outputs.value(node).toObject().value(QStringLiteral("images")).toArray()) {
            const auto image = value.toObject();
            history.images.append({image.value(QStringLiteral("filename")).toString(),
                                   image.value(QStringLiteral("subfolder")).toString(),
                                   image.value(QStringLiteral("type")).toString()});
        }
    return history;
}

ComfyQueue readQueueAnswer(const QJsonObject& answer)
{
    const auto ids = [&](const char* key) {
        QStringList list;
        for (const auto& entry : answer.value(QLatin1String(key)).toArray())
            if (const auto id = entry.toArray().at(1).toString(); !id.isEmpty())
                list << id;
        return list;
    };
    return {ids("queue_running"), ids("queue_pending")};
}

bool isPictureBytes(const QByteArray& bytes)
{
    return bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.startsWith("\xff\xd8\xff") ||
           (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP");
}

QString uploadImage(ComfyHttp& server, const QByteArray& png, const QString& fileName)
{
    const auto answer = server.postImage(QStringLiteral("/upload/image"), png, fileName);
    const auto name = answer.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        throw ComfyError(QStringLiteral("the server at %1 took the picture but did not say its name")
                             .arg(server.where())
                             .toStdString());
    const auto subfolder = answer.value(QStringLiteral("subfolder")).toString();
    return subfolder.isEmpty() ? name : subfolder + u'/' + name;
}

QString submitPrompt(ComfyHttp& server, const QJsonObject& graph, const QString& clientId)
{
    const auto answer =
        server.postJson(QStringLiteral("/prompt"), QJsonObject{{QStringLiteral("prompt"), graph},
                                                               {QStringLiteral("client_id"), clientId}});
    const auto id = answer.value(QStringLiteral("prompt_id")).toString();
    if (id.isEmpty())
        throw ComfyError(QStringLiteral("the server at %1 took the job but gave it no id")
                             .arg(server.where())
                             .toStdString());
    return id;
}

std::optional<ComfyHistory> history(ComfyHttp& server, const QString& promptId)
{
    return readHistoryAnswer(server.getJson(QStringLiteral("/history/") + promptId), promptId);
}

ComfyQueue queue(ComfyHttp& server)
{
    return readQueueAnswer(server.getJson(QStringLiteral("/queue"), 64 << 20));
}

QByteArray fetchImage(ComfyHttp& server, const ComfyImageRef& image, qint64 maxBytes)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filename"), image.filename);
    // "subfolder=" even when empty, as ComfyUI's own client sends it (a null value would
    // drop the "=").
    query.addQueryItem(QStringLiteral("subfolder"),
                       image.subfolder.isNull() ? QStringLiteral("") : image.subfolder);
    query.addQueryItem(QStringLiteral("type"), image.type);
    const auto bytes = server.getBytes(QStringLiteral("/view"), query, maxBytes);
    if (!isPictureBytes(bytes))
        throw ComfyError(QStringLiteral("the server at %1 sent %2 as something that is not a picture")
                             .arg(server.where(), image.filename.left(100))
                             .toStdString());
    return bytes;
}

void interrupt(ComfyHttp& server)
{
    server.postJson(QStringLiteral("/interrupt"), {});
}

void deleteWaiting(ComfyHttp& server, const QStringList& promptIds)
{
    server.postJson(QStringLiteral("/queue"),
                    QJsonObject{{QStringLiteral("delete"), QJsonArray::fromStringList(promptIds)}});
}

} // namespace eikona::comfy
