#include "comfy_graph.h"

#include <QJsonArray>

#include <array>
#include <limits>
#include <stdexcept>

namespace eikona::comfy {

namespace {

struct SamplerRow {
    const char* id;
    const char* samplerName;
    const char* scheduler;
    bool deterministic;
};

// Ours to ComfyUI's. "normal" spaces the steps as the reference's schedulers do for SD 1.5
// ("ddim_uniform" for DDIM); DPM++ 2M Karras is ComfyUI's dpmpp_2m on the karras schedule.
constexpr std::array k_samplers{
    SamplerRow{"ddim", "ddim", "ddim_uniform", true},
    SamplerRow{"lms", "lms", "normal", true},
    SamplerRow{"euler", "euler", "normal", true},
    SamplerRow{"euler_a", "euler_ancestral", "normal", false},
    SamplerRow{"dpmpp_2m", "dpmpp_2m", "normal", true},
    SamplerRow{"dpmpp_2m_karras", "dpmpp_2m", "karras", true},
    SamplerRow{"heun", "heun", "normal", true},
    SamplerRow{"unipc", "uni_pc", "normal", true},
    SamplerRow{"ddpm", "ddpm", "normal", false},
    SamplerRow{"kdpm2", "dpm_2", "normal", true},
};

QJsonArray link(const char* node, int output)
{
    return QJsonArray{QString::fromLatin1(node), output};
}

QJsonObject node(const char* classType, const QJsonObject& inputs)
{
    return QJsonObject{{QStringLiteral("class_type"), QString::fromLatin1(classType)},
                       {QStringLiteral("inputs"), inputs}};
}

// Exact as a JSON integer up to 2^63 - 1; ComfyUI takes seeds up to 2^64 - 1, which JSON
// numbers above 2^63 can only carry approximately.
QJsonValue seedValue(quint64 seed)
{
    return seed <= static_cast<quint64>(std::numeric_limits<qint64>::max())
               ? QJsonValue(static_cast<qint64>(seed))
               : QJsonValue(static_cast<double>(seed));
}

} // namespace

std::optional<ComfySampler> comfySamplerFor(const QString& samplerId)
{
    for (const auto& row : k_samplers)
        if (samplerId == QLatin1String(row.id))
            return ComfySampler{QString::fromLatin1(row.samplerName), QString::fromLatin1(row.scheduler),
                                row.deterministic};
    return std::nullopt;
}

QString samplerProblem(const QString& samplerId, const QStringList& samplers, const QStringList& schedulers)
{
    const auto sampler = comfySamplerFor(samplerId);
    if (!sampler)
        return QStringLiteral("ComfyUI has no counterpart of the sampler %1").arg(samplerId);
    if (!samplers.contains(sampler->samplerName))
        return QStringLiteral("the server has no %1 sampler (for %2)").arg(sampler->samplerName, samplerId);
    if (!schedulers.contains(sampler->scheduler))
        return QStringLiteral("the server has no %1 schedule (for %2)").arg(sampler->scheduler, samplerId);
    return {};
}

QJsonObject comfyGraph(const ComfyJob& job)
{
    const auto sampler = comfySamplerFor(job.sampler);
    if (!sampler)
        throw std::invalid_argument("ComfyUI has no counterpart of the sampler " + job.sampler.toStdString());
    const bool img2img = !job.initImage.isEmpty();
    QJsonObject graph;
    graph.insert(QStringLiteral("4"),
                 node("CheckpointLoaderSimple", {{QStringLiteral("ckpt_name"), job.checkpoint}}));
    graph.insert(QStringLiteral("6"), node("CLIPTextEncode", {{QStringLiteral("text"), job.prompt},
                                                              {QStringLiteral("clip"), link("4", 1)}}));
    graph.insert(QStringLiteral("7"), node("CLIPTextEncode", {{QStringLiteral("text"), job.negativePrompt},
                                                              {QStringLiteral("clip"), link("4", 1)}}));
    QJsonArray latent;
    if (img2img) {
        graph.insert(QStringLiteral("10"), node("LoadImage", {{QStringLiteral("image"), job.initImage}}));
        graph.insert(QStringLiteral("11"), node("VAEEncode", {{QStringLiteral("pixels"), link("10", 0)},
                                                              {QStringLiteral("vae"), link("4", 2)}}));
        latent = link("11", 0);
        if (job.batchSize > 1) {
            graph.insert(QStringLiteral("12"),
                         node("RepeatLatentBatch", {{QStringLiteral("samples"), link("11", 0)},
                                                    {QStringLiteral("amount"), job.batchSize}}));
            latent = link("12", 0);
        }
    } else {
        graph.insert(QStringLiteral("5"),
                     node("EmptyLatentImage", {{QStringLiteral("width"), job.width},
                                               {QStringLiteral("height"), job.height},
                                               {QStringLiteral("batch_size"), job.batchSize}}));
        latent = link("5", 0);
    }
    graph.insert(QStringLiteral("3"),
                 node("KSampler", {{QStringLiteral("seed"), seedValue(job.seed)},
                                   {QStringLiteral("steps"), job.steps},
                                   {QStringLiteral("cfg"), job.cfgScale},
                                   {QStringLiteral("sampler_name"), sampler->samplerName},
                                   {QStringLiteral("scheduler"), sampler->scheduler},
                                   {QStringLiteral("denoise"), img2img ? job.strength : 1.0},
                                   {QStringLiteral("model"), link("4", 0)},
                                   {QStringLiteral("positive"), link("6", 0)},
                                   {QStringLiteral("negative"), link("7", 0)},
                                   {QStringLiteral("latent_image"), latent}}));
    graph.insert(QStringLiteral("8"), node("VAEDecode", {{QStringLiteral("samples"), link("3", 0)},
                                                         {QStringLiteral("vae"), link("4", 2)}}));
    graph.insert(QStringLiteral("9"),
                 node("SaveImage", {{QStringLiteral("filename_prefix"), job.filenamePrefix},
                                    {QStringLiteral("images"), link("8", 0)}}));
    return graph;
}

} // namespace eikona::comfy
