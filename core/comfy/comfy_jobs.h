#pragma once
// A job's life on a ComfyUI server over HTTP: the init picture uploaded, the graph submitted
// under our client id, the prompt's record read from /history (done or not, its pictures), a
// picture fetched with /view, a running job interrupted, waiting ones deleted. Progress and
// previews arrive over the WebSocket (comfy_messages.h).

#include "comfy_http.h"
#include "comfy_messages.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace eikona::comfy {

/// A finished prompt's record in /history/ID.
struct ComfyHistory {
    bool completed = false;      ///< false: it failed or was interrupted
    QString status;              ///< "success", "error"
    QList<ComfyImageRef> images; ///< the output nodes' pictures, in node order
};

/// The prompt's record in an /history/ID answer; nullopt when the server has none yet (the
/// prompt waits or runs).
std::optional<ComfyHistory> readHistoryAnswer(const QJsonObject& answer, const QString& promptId);

/// The server's queue (/queue): the prompt ids running and waiting.
struct ComfyQueue {
    QStringList running;
    QStringList pending;
    bool contains(const QString& promptId) const
    {
        return running.contains(promptId) || pending.contains(promptId);
    }
};

/// Reads an /queue answer (each entry is [number, prompt id, graph, extra, outputs]).
ComfyQueue readQueueAnswer(const QJsonObject& answer);

/// A picture ComfyUI may hand back: PNG (its SaveImage), JPEG or WebP.
bool isPictureBytes(const QByteArray& bytes);

/// Uploads `png` as an input picture; returns the name LoadImage takes ("subfolder/name").
QString uploadImage(ComfyHttp& server, const QByteArray& png, const QString& fileName);
/// Submits `graph`; returns its prompt id. A refusal (400) throws ComfyError in words naming
/// the node and the field.
QString submitPrompt(ComfyHttp& server, const QJsonObject& graph, const QString& clientId);
std::optional<ComfyHistory> history(ComfyHttp& server, const QString& promptId);
ComfyQueue queue(ComfyHttp& server);
/// The picture's bytes, at most `maxBytes`; anything that is not a picture is refused.
QByteArray fetchImage(ComfyHttp& server, const ComfyImageRef& image, qint64 maxBytes = qint64{256} << 20);
/// Stops the running prompt (ComfyUI runs one at a time).
void interrupt(ComfyHttp& server);
/// Removes waiting prompts from the server's queue.
void deleteWaiting(ComfyHttp& server, const QStringList& promptIds);

} // namespace eikona::comfy
