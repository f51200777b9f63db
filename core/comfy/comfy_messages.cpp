#include "comfy_messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

namespace eikona::comfy {

namespace {

constexpr quint32 k_previewImage = 1;
constexpr quint32 k_previewImageWithMetadata = 4;
// A preview is a small JPEG; metadata a few hundred bytes. Anything larger is not a preview.
constexpr qsizetype k_maxMetadataBytes = 64 * 1024;

ComfyEvent::Kind kindOf(const QString& type)
{
    using Kind = ComfyEvent::Kind;
    if (type == QLatin1String("status"))
        return Kind::Status;
    if (type == QLatin1String("execution_start"))
        return Kind::Started;
    if (type == QLatin1String("executing"))
        return Kind::Executing;
    if (type == QLatin1String("progress"))
        return Kind::Progress;
    if (type == QLatin1String("executed"))
        return Kind::Executed;
    if (type == QLatin1String("execution_success"))
        return Kind::Succeeded;
    if (type == QLatin1String("execution_error"))
        return Kind::Failed;
    if (type == QLatin1String("execution_interrupted"))
        return Kind::Interrupted;
    return Kind::Other;
}

QString mimeTypeOf(const QByteArray& image)
{
    if (image.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (image.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    return {};
}

} // namespace

std::optional<ComfyEvent> parseComfyMessage(const QByteArray& text)
{
    const auto document = QJsonDocument::fromJson(text);
    const auto root = document.object();
    if (!root.value(QStringLiteral("type")).isString())
        return std::nullopt;
    ComfyEvent event;
    event.type = root.value(QStringLiteral("type")).toString();
    event.kind = kindOf(event.type);
    const auto data = root.value(QStringLiteral("data")).toObject();
    event.promptId = data.value(QStringLiteral("prompt_id")).toString();
    switch (event.kind) {
    case ComfyEvent::Kind::Status:
        event.queueRemaining = data.value(QStringLiteral("status"))
                                   .toObject()
                                   .value(QStringLiteral("exec_info"))
                                   .toObject()
                                   .value(QStringLiteral("queue_remaining"))
                                   .toInt(-1);
        break;
    case ComfyEvent::Kind::Executing:
        event.node = data.value(QStringLiteral("node")).toString();
        event.finished = data.value(QStringLiteral("node")).isNull();
        break;
    case ComfyEvent::Kind::Progress:
        event.node = data.value(QStringLiteral("node")).toString();
        event.value = data.value(QStringLiteral("value")).toInt();
        event.maximum = data.value(QStringLiteral("max")).toInt();
        if (event.value < 0 || event.maximum < 1 || event.value > event.maximum)
            event.kind = ComfyEvent::Kind::Other; // not a step count we can show
        break;
    case ComfyEvent::Kind::Executed:
        event.node = data.value(QStringLiteral("node")).toString();
        for (const auto& value :
             data.value(QStringLiteral("output")).toObject().value(QStringLiteral("images")).toArray()) {
            const auto image = value.toObject();
            event.images.append({image.value(QStringLiteral("filename")).toString(),
                                 image.value(QStringLiteral("subfolder")).toString(),
                                 image.value(QStringLiteral("type")).toString()});
        }
        break;
    case ComfyEvent::Kind::Failed:
        event.node = data.value(QStringLiteral("node_id")).toString();
        event.message = data.value(QStringLiteral("exception_message")).toString().trimmed();
        break;
    case ComfyEvent::Kind::Interrupted:
        event.node = data.value(QStringLiteral("node_id")).toString();
        break;
    case ComfyEvent::Kind::Started:
    case ComfyEvent::Kind::Succeeded:
    case ComfyEvent::Kind::Other:
        break;
    }
    return event;
}

std::optional<ComfyPreview> parsePreviewFrame(const QByteArray& frame)
{
    if (frame.size() < 8)
        return std::nullopt;
    const auto event = qFromBigEndian<quint32>(frame.constData());
    const auto second = qFromBigEndian<quint32>(frame.constData() + 4);
    ComfyPreview preview;
    if (event == k_previewImage) {
        preview.image = frame.mid(8);
        preview.mimeType = mimeTypeOf(preview.image);
        const auto claimed = second == 1   ? QStringLiteral("image/jpeg")
                             : second == 2 ? QStringLiteral("image/png")
                                           : QString();
        if (claimed.isEmpty() || preview.mimeType != claimed)
            return std::nullopt;
        return preview;
    }
    if (event == k_previewImageWithMetadata) {
        if (second > k_maxMetadataBytes || frame.size() - 8 < static_cast<qsizetype>(second))
            return std::nullopt;
        const auto metadata = QJsonDocument::fromJson(frame.mid(8, second)).object();
        preview.image = frame.mid(8 + second);
        preview.mimeType = mimeTypeOf(preview.image);
        preview.promptId = metadata.value(QStringLiteral("prompt_id")).toString();
        const auto claimed = metadata.value(QStringLiteral("image_type")).toString();
        if (preview.mimeType.isEmpty() || (!claimed.isEmpty() && claimed != preview.mimeType))
            return std::nullopt;
        return preview;
    }
    return std::nullopt;
}

QString promptErrorText(const QJsonObject& answer)
{
    const auto error = answer.value(QStringLiteral("error")).toObject();
    QString text = error.value(QStringLiteral("message")).toString().trimmed();
    const auto details = error.value(QStringLiteral("details")).toString().trimmed();
    if (!details.isEmpty() && details != text)
        text += QStringLiteral(" (%1)").arg(details);
    const auto nodes = answer.value(QStringLiteral("node_errors")).toObject();
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const auto node = it.value().toObject();
        const auto where =
            QStringLiteral("%1 (node %2)")
                .arg(node.value(QStringLiteral("class_type")).toString(QStringLiteral("a node")), it.key());
        for (const auto& value : node.value(QStringLiteral("errors")).toArray()) {
            const auto problem = value.toObject();
            auto field = problem.value(QStringLiteral("extra_info"))
                             .toObject()
                             .value(QStringLiteral("input_name"))
                             .toString();
            auto line = problem.value(QStringLiteral("message")).toString().trimmed();
            const auto more = problem.value(QStringLiteral("details")).toString().trimmed();
            if (!more.isEmpty() && more != field)
                line += QStringLiteral(": ") + more;
            text += QStringLiteral("; %1%2%3")
                        .arg(where, field.isEmpty() ? QString() : QStringLiteral(", ") + field,
                             line.isEmpty() ? QString() : QStringLiteral(": ") + line);
        }
    }
    if (text.isEmpty())
        return QStringLiteral("the server refused the job without saying why");
    if (text.startsWith(QStringLiteral("; ")))
        text.remove(0, 2);
    return text;
}

} // namespace eikona::comfy
