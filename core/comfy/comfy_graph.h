#pragma once
// A job as ComfyUI's API graph (what POST /prompt takes): txt2img as CheckpointLoaderSimple,
// two CLIPTextEncode, EmptyLatentImage, KSampler, VAEDecode, SaveImage; img2img loads the
// uploaded picture (LoadImage), encodes it (VAEEncode) and samples with denoise = strength.
// Node ids are the ones ComfyUI's own examples use, so a server's node_errors read alike.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace eikona::comfy {

struct ComfyJob {
    QString checkpoint; ///< a name from the server's /object_info/CheckpointLoaderSimple
    QString prompt;
    QString negativePrompt;
    int steps = 25;
    double cfgScale = 7.5;
    quint64 seed = 0;
    int width = 512;
    int height = 512;
    QString sampler = QStringLiteral("euler_a"); ///< our sampler id (the CLI's)
    int batchSize = 1;
    QString initImage;      ///< the uploaded picture's name on the server; empty: txt2img
    double strength = 0.75; ///< img2img only
    QString filenamePrefix = QStringLiteral("eikona");
};

/// ComfyUI's sampler_name and scheduler for one of our samplers.
struct ComfySampler {
    QString samplerName;
    QString scheduler;
    /// Draws no noise after the start: the same seed gives the same picture here and there
    /// (ComfyUI draws the start noise on the CPU as the reference does, but seeds its
    /// ancestral noise its own way).
    bool deterministic = true;
};

/// nullopt for a sampler ComfyUI has no counterpart of (PNDM).
std::optional<ComfySampler> comfySamplerFor(const QString& samplerId);

/// Why `samplerId` cannot run on a server offering `samplers` and `schedulers` (from
/// /object_info/KSampler), in words; empty when it can.
QString samplerProblem(const QString& samplerId, const QStringList& samplers, const QStringList& schedulers);

/// The API graph of `job`. Throws std::invalid_argument for a sampler without a counterpart.
QJsonObject comfyGraph(const ComfyJob& job);

} // namespace eikona::comfy
