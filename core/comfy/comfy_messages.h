#pragma once
// What a ComfyUI server says, read: its WebSocket text messages as typed events, its binary
// preview frames (type 1: the image; type 4: JSON metadata, then the image), and a refused
// prompt's node_errors in words that name the node and the field.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace eikona::comfy {

/// A picture the server made, as /history and `executed` name it; fetched with /view.
struct ComfyImageRef {
    QString filename;
    QString subfolder;
    QString type; ///< "output", "temp"
};

struct ComfyEvent {
    enum class Kind {
        Status,      ///< queueRemaining
        Started,     ///< execution_start
        Executing,   ///< node; finished when the node is null: the prompt is done
        Progress,    ///< value of maximum (the sampler's steps)
        Executed,    ///< node's output images
        Succeeded,   ///< execution_success
        Failed,      ///< execution_error: message
        Interrupted, ///< execution_interrupted
        Other,       ///< execution_cached, progress_state, feature_flags, what later versions add
    };
    Kind kind = Kind::Other;
    QString type; ///< the message's own type
    QString promptId;
    QString node;
    bool finished = false;
    int value = 0;
    int maximum = 0;
    int queueRemaining = -1;
    QList<ComfyImageRef> images;
    QString message;
};

/// nullopt for text that is not a JSON object with a "type".
std::optional<ComfyEvent> parseComfyMessage(const QByteArray& text);

struct ComfyPreview {
    QByteArray image; ///< JPEG or PNG bytes, as sent
    QString mimeType; ///< "image/jpeg" or "image/png"
    QString promptId; ///< type 4 frames only
};

/// A binary frame: type 1 (u32 event, u32 format 1 = JPEG / 2 = PNG, the image) or type 4
/// (u32 event, u32 metadata length, metadata JSON, the image). nullopt for any other event,
/// a frame cut short, or bytes that are not the JPEG or PNG they claim to be.
std::optional<ComfyPreview> parsePreviewFrame(const QByteArray& frame);

/// A 400 answer to POST /prompt in words: the error's message, then each node's problems
/// with its class and the input they concern ("KSampler (node 3), steps: Value 0 smaller than
/// min of 1").
QString promptErrorText(const QJsonObject& answer);

} // namespace eikona::comfy
