#pragma once
// Jobs played by the fake ComfyUI as the recorded servers played them: each POST /prompt gets
// the next prompt id, then (unless told otherwise) execution_start, a progress message and a
// preview frame per step, the record in /history naming the SaveImage picture, and `executing`
// with node null. Each picture is a small PNG of the requested size.

#include "fake_comfy_server.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QtEndian>

namespace eikona::testing {

inline QByteArray pngOf(const QImage& picture)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    return bytes;
}

inline QByteArray pngOf(Qt::GlobalColor color, int width = 64, int height = 64)
{
    QImage picture(width, height, QImage::Format_RGB888);
    picture.fill(color);
    return pngOf(picture);
}

inline QByteArray comfyMessage(const char* type, const QJsonObject& data)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

/// A type 1 frame with `image`, said to be a PNG (format 2) when it starts like one, else a JPEG.
inline QByteArray previewFrame(const QByteArray& image)
{
    QByteArray frame(8, '\0');
    qToBigEndian<quint32>(1, frame.data());
    qToBigEndian<quint32>(image.startsWith("\x89PNG") ? 2 : 1, frame.data() + 4);
    return frame + image;
}

/// An /queue answer as ComfyUI gives it: [number, prompt id, graph, extra, outputs] entries.
inline FakeComfyServer::Answer queueAnswer(const QStringList& running, const QStringList& pending)
{
    const auto entries = [](const QStringList& ids) {
        QJsonArray array;
        for (const auto& id : ids)
            array.append(QJsonArray{1, id, QJsonObject{}, QJsonObject{}, QJsonArray{QStringLiteral("9")}});
        return array;
    };
    return {200, QJsonDocument(QJsonObject{{QStringLiteral("queue_running"), entries(running)},
                                           {QStringLiteral("queue_pending"), entries(pending)}})
                     .toJson()};
}

class FakeComfyJobs {
  public:
    enum class Play {
        Whole,   ///< every step, then the picture
        Waiting, ///< nothing: another job runs on the server
        Hostile, ///< the picture named "../../escape.png" in the subfolder "../.."
    };

    explicit FakeComfyJobs(FakeComfyServer& server) : m_server(server)
    {
        server.postAnswers.insert(QStringLiteral("/upload/image"),
                                  {200, R"({"name": "eikona-in.png", "subfolder": "", "type": "input"})"});
        server.postAnswers.insert(QStringLiteral("/interrupt"), {200, "", "text/plain"});
        server.postAnswers.insert(QStringLiteral("/queue"), {200, "", "text/plain"});
        nextPromptAnswer();
        server.onPost = [this](const QString& path, const QJsonObject& body) {
            if (path != QStringLiteral("/prompt"))
                return;
            graphs.append(body.value(QStringLiteral("prompt")).toObject());
            const auto id = promptIds.last();
            setQueue({}, {id});
            nextPromptAnswer();
            if (play == Play::Whole || play == Play::Hostile)
                playWholeJob(id, graphs.last());
        };
    }

    Play play = Play::Whole;
    QByteArray previewImage = pngOf(Qt::yellow, 8, 8); ///< each step's preview
    QList<QJsonObject> graphs;                         ///< every graph submitted, in order
    QStringList promptIds;                             ///< the ids given, the last one not yet used
    QList<QByteArray> pictures;                        ///< every picture served

    void setQueue(const QStringList& running, const QStringList& pending)
    {
        m_server.answers.insert(QStringLiteral("/queue"), queueAnswer(running, pending));
    }

    /// Plays prompt `id` of `graph` to its end: its events (to whoever is connected), its
    /// picture, its record in /history.
    void playWholeJob(const QString& id, const QJsonObject& graph)
    {
        const auto ofPrompt = [&](QJsonObject data = {}) {
            data.insert(QStringLiteral("prompt_id"), id);
            return data;
        };
        const auto sampler = inputs(graph, "3");
        const int steps = sampler.value(QStringLiteral("steps")).toInt();
        const auto latent = inputs(graph, "5");
        const int width = latent.isEmpty() ? 64 : latent.value(QStringLiteral("width")).toInt();
        const int height = latent.isEmpty() ? 64 : latent.value(QStringLiteral("height")).toInt();
        setQueue({id}, {});
        m_server.sendText(comfyMessage("execution_start", ofPrompt()));
        m_server.sendText(
            comfyMessage("executing", ofPrompt({{QStringLiteral("node"), QStringLiteral("3")}})));
        for (int step = 1; step <= steps; ++step) {
            m_server.sendText(
                comfyMessage("progress", ofPrompt({{QStringLiteral("value"), step},
                                                   {QStringLiteral("max"), steps},
                                                   {QStringLiteral("node"), QStringLiteral("3")}})));
            m_server.sendBinary(previewFrame(previewImage));
        }
        // Each picture differs, so the tests can tell which was saved where.
        QImage picture(width, height, QImage::Format_RGB888);
        picture.fill(QColor::fromHsv((static_cast<int>(pictures.size()) * 47) % 360, 200, 200));
        pictures.append(pngOf(picture));
        const bool hostile = play == Play::Hostile;
        const auto prefix = inputs(graph, "9").value(QStringLiteral("filename_prefix")).toString();
        const auto filename =
            hostile ? QStringLiteral("../../escape.png") : prefix + QStringLiteral("_00001_.png");
        const auto subfolder = hostile ? QStringLiteral("../..") : QString();
        QUrlQuery view;
        view.addQueryItem(QStringLiteral("filename"), filename);
        view.addQueryItem(QStringLiteral("subfolder"), subfolder.isNull() ? QStringLiteral("") : subfolder);
        view.addQueryItem(QStringLiteral("type"), QStringLiteral("output"));
        m_server.answers.insert(QStringLiteral("/view?") + view.toString(QUrl::FullyEncoded),
                                {200, pictures.last(), "image/png"});
        const auto record = QJsonObject{
            {id, QJsonObject{
                     {QStringLiteral("outputs"),
                      QJsonObject{{QStringLiteral("9"),
                                   QJsonObject{{QStringLiteral("images"),
                                                QJsonArray{QJsonObject{
                                                    {QStringLiteral("filename"), filename},
                                                    {QStringLiteral("subfolder"), subfolder},
                                                    {QStringLiteral("type"), QStringLiteral("output")}}}}}}}},
                     {QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("status_str"), QStringLiteral("success")},
                                  {QStringLiteral("completed"), true}}}}}};
        m_server.answers.insert(QStringLiteral("/history/") + id, {200, QJsonDocument(record).toJson()});
        setQueue({}, {});
        m_server.sendText(comfyMessage("execution_success", ofPrompt()));
        m_server.sendText(comfyMessage("executing", ofPrompt({{QStringLiteral("node"), QJsonValue::Null}})));
    }

  private:
    static QJsonObject inputs(const QJsonObject& graph, const char* node)
    {
        return graph.value(QLatin1String(node)).toObject().value(QStringLiteral("inputs")).toObject();
    }

    void nextPromptAnswer()
    {
        const auto id =
            QStringLiteral("00000000-0000-0000-0000-%1").arg(promptIds.size() + 1, 12, 10, QLatin1Char('0'));
        promptIds.append(id);
        m_server.answers.insert(QStringLiteral("/history/") + id, {200, "{}"});
        m_server.postAnswers.insert(
            QStringLiteral("/prompt"),
            {200, QJsonDocument(QJsonObject{{QStringLiteral("prompt_id"), id},
                                            {QStringLiteral("number"), promptIds.size()},
                                            {QStringLiteral("node_errors"), QJsonObject{}}})
                      .toJson()});
    }

    FakeComfyServer& m_server;
};

} // namespace eikona::testing
