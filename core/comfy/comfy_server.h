#pragma once
// A ComfyUI server as Eikona sees it before sending a job: its version and devices
// (/system_stats), its checkpoints (/object_info/CheckpointLoaderSimple) and its samplers and
// schedules (/object_info/KSampler). The readers are network-free; fetchServerInfo asks the
// server (a bearer token when one is given; proxies from the environment, as for the hub).

#include "comfy_http.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

class QJsonObject;

namespace eikona::comfy {

struct ComfyDevice {
    QString name; ///< "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync", "cpu"
    QString type; ///< "cuda", "cpu", "mps"
    qint64 vramTotal = 0;
    qint64 vramFree = 0;
};

struct ComfyServerInfo {
    QString version; ///< ComfyUI's, e.g. "0.3.65"
    QString os;
    qint64 ramTotal = 0;
    qint64 ramFree = 0;
    QList<ComfyDevice> devices;
    QStringList checkpoints;
    QStringList samplers;
    QStringList schedulers;
};

/// Fills version, OS, memory and devices from /system_stats.
void readSystemStats(const QJsonObject& answer, ComfyServerInfo& info);
/// The choices of `input` of node `node` in an /object_info answer (an input whose first
/// element is the list of allowed values); empty when the answer has no such list.
QStringList readChoices(const QJsonObject& objectInfo, const QString& node, const QString& input);

/// The server at `url` (http or https; a path prefix is kept, for servers behind a reverse
/// proxy). Blocks, running its own event loop, at most `timeoutMs` per request. Throws
/// ComfyError in words: unreachable, "needs a token" (401), "refuses this origin" (403), not a
/// ComfyUI server.
ComfyServerInfo fetchServerInfo(const QUrl& url, const QString& token = {}, int timeoutMs = 15000);

} // namespace eikona::comfy
