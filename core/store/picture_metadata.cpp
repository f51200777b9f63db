#include "picture_metadata.h"

#include "exif_comment.h"
#include "png_text.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace eikona::store {

namespace {

// ComfyUI's sampler_name + scheduler as A1111 writes the pair ("dpmpp_2m" + "karras").
QString comfySamplerLabel(const QString& sampler, const QString& scheduler)
{
    static const QList<QPair<QString, QString>> names{
        {QStringLiteral("euler"), QStringLiteral("Euler")},
        {QStringLiteral("euler_ancestral"), QStringLiteral("Euler a")},
        {QStringLiteral("heun"), QStringLiteral("Heun")},
        {QStringLiteral("dpm_2"), QStringLiteral("DPM2")},
        {QStringLiteral("dpm_2_ancestral"), QStringLiteral("DPM2 a")},
        {QStringLiteral("lms"), QStringLiteral("LMS")},
        {QStringLiteral("dpmpp_2m"), QStringLiteral("DPM++ 2M")},
        {QStringLiteral("dpmpp_2m_sde"), QStringLiteral("DPM++ 2M SDE")},
        {QStringLiteral("dpmpp_sde"), QStringLiteral("DPM++ SDE")},
        {QStringLiteral("dpmpp_2s_ancestral"), QStringLiteral("DPM++ 2S a")},
        {QStringLiteral("ddim"), QStringLiteral("DDIM")},
        {QStringLiteral("uni_pc"), QStringLiteral("UniPC")},
        {QStringLiteral("ddpm"), QStringLiteral("DDPM")},
    };
    QString label = sampler;
    for (const auto& [id, name] : names)
        if (id == sampler)
            label = name;
    if (scheduler == QStringLiteral("karras"))
        label += QStringLiteral(" Karras");
    else if (scheduler == QStringLiteral("exponential"))
        label += QStringLiteral(" Exponential");
    return label;
}

QJsonObject inputsOf(const QJsonObject& graph, const QJsonValue& link)
{
    // A link is ["node id", output index].
    const auto id = link.toArray().at(0).toString();
    return graph.value(id).toObject().value(QStringLiteral("inputs")).toObject();
}

QString classOf(const QJsonObject& graph, const QJsonValue& link)
{
    return graph.value(link.toArray().at(0).toString())
        .toObject()
        .value(QStringLiteral("class_type"))
        .toString();
}

// The text a conditioning input comes from, following simple pass-through nodes.
QString conditioningText(const QJsonObject& graph, QJsonValue link, int depth = 0)
{
    if (depth > 16 || !link.isArray())
        return {};
    const auto inputs = inputsOf(graph, link);
    if (inputs.value(QStringLiteral("text")).isString())
        return inputs.value(QStringLiteral("text")).toString();
    for (const auto* key : {"conditioning", "conditioning_1", "positive"})
        if (inputs.contains(QLatin1String(key)))
            return conditioningText(graph, inputs.value(QLatin1String(key)), depth + 1);
    return {};
}

// A seed as JSON carries it: a whole number from 0 to 2^64 - 1 (ComfyUI's range; beyond 2^53
// a JSON double is approximate). Anything else, negative, fractional or 1e300, is 0: casting
// 1e300 to an integer was undefined behaviour (found by fuzzing).
quint64 seedOf(const QJsonValue& value)
{
    if (const auto exact = value.toInteger(-1); exact >= 0)
        return static_cast<quint64>(exact);
    const double number = value.toDouble(-1);
    if (number >= 0x1p63 && number < 0x1p64 && number == std::floor(number))
        return static_cast<quint64>(number);
    return 0;
}

} // namespace

std::optional<GenerationParameters> parametersFromComfyGraph(const QString& json)
{
    const auto graph = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = graph.begin(); it != graph.end(); ++it) {
        const auto node = it.value().toObject();
        const auto type = node.value(QStringLiteral("class_type")).toString();
        if (type != QStringLiteral("KSampler") && type != QStringLiteral("KSamplerAdvanced"))
            continue;
        const auto inputs = node.value(QStringLiteral("inputs")).toObject();
        GenerationParameters p;
        const auto seed = inputs.value(type == QStringLiteral("KSampler") ? QStringLiteral("seed")
                                                                          : QStringLiteral("noise_seed"));
        p.seed = seedOf(seed);
        p.steps = inputs.value(QStringLiteral("steps")).toInt();
        p.cfgScale = inputs.value(QStringLiteral("cfg")).toDouble();
        p.sampler = comfySamplerLabel(inputs.value(QStringLiteral("sampler_name")).toString(),
                                      inputs.value(QStringLiteral("scheduler")).toString());
        p.prompt = conditioningText(graph, inputs.value(QStringLiteral("positive")));
        p.negativePrompt = conditioningText(graph, inputs.value(QStringLiteral("negative")));
        const auto latent = inputs.value(QStringLiteral("latent_image"));
        if (classOf(graph, latent) == QStringLiteral("EmptyLatentImage")) {
            p.width = inputsOf(graph, latent).value(QStringLiteral("width")).toInt();
            p.height = inputsOf(graph, latent).value(QStringLiteral("height")).toInt();
        }
        const double denoise = inputs.value(QStringLiteral("denoise")).toDouble(1.0);
        if (denoise < 1.0)
            p.denoisingStrength = denoise;
        const auto model = inputs.value(QStringLiteral("model"));
        if (classOf(graph, model) == QStringLiteral("CheckpointLoaderSimple"))
            p.model = inputsOf(graph, model).value(QStringLiteral("ckpt_name")).toString();
        return p;
    }
    return std::nullopt;
}

std::optional<GenerationParameters> parametersFromInvokeMetadata(const QString& json)
{
    const auto object = QJsonDocument::fromJson(json.toUtf8()).object();
    if (!object.contains(QStringLiteral("positive_prompt")) && !object.contains(QStringLiteral("seed")))
        return std::nullopt;
    GenerationParameters p;
    p.prompt = object.value(QStringLiteral("positive_prompt")).toString();
    p.negativePrompt = object.value(QStringLiteral("negative_prompt")).toString();
    p.seed = seedOf(object.value(QStringLiteral("seed")));
    p.steps = object.value(QStringLiteral("steps")).toInt();
    p.cfgScale = object.value(QStringLiteral("cfg_scale")).toDouble();
    p.width = object.value(QStringLiteral("width")).toInt();
    p.height = object.value(QStringLiteral("height")).toInt();
    p.sampler = object.value(QStringLiteral("scheduler")).toString();
    const auto model = object.value(QStringLiteral("model"));
    p.model = model.isObject() ? model.toObject().value(QStringLiteral("name")).toString() : model.toString();
    if (object.contains(QStringLiteral("strength")) &&
        object.value(QStringLiteral("generation_mode")).toString().contains(QStringLiteral("img2img")))
        p.denoisingStrength = object.value(QStringLiteral("strength")).toDouble();
    return p;
}

PictureMetadata metadataFromPngText(const PngTextEntries& entries)
{
    const auto find = [&](const char* keyword) -> std::optional<QString> {
        for (const auto& [key, text] : entries)
            if (key == QLatin1String(keyword))
                return text;
        return std::nullopt;
    };
    if (const auto text = find("parameters")) {
        if (auto parsed = parseParameters(*text))
            return {PictureMetadata::Source::A1111, *parsed};
        GenerationParameters promptOnly; // a prompt without a parameter line
        promptOnly.prompt = text->trimmed();
        return {PictureMetadata::Source::A1111, promptOnly};
    }
    if (const auto graph = find("prompt"))
        if (auto parsed = parametersFromComfyGraph(*graph))
            return {PictureMetadata::Source::ComfyUI, *parsed};
    if (const auto invoke = find("invokeai_metadata"))
        if (auto parsed = parametersFromInvokeMetadata(*invoke))
            return {PictureMetadata::Source::InvokeAI, *parsed};
    return {};
}

PictureMetadata pictureMetadataFromBytes(const QByteArray& bytes, const QString& path)
{
    if (!bytes.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8))) {
        // JPEG and WebP: A1111's parameters in the EXIF UserComment.
        const auto comment = readExifComment(path);
        if (!comment)
            return {};
        if (auto parsed = parseParameters(*comment))
            return {PictureMetadata::Source::A1111, *parsed};
        GenerationParameters promptOnly;
        promptOnly.prompt = comment->trimmed();
        return {PictureMetadata::Source::A1111, promptOnly};
    }
    const auto entries = readPngText(bytes);
    return entries ? metadataFromPngText(*entries) : PictureMetadata{};
}

PictureMetadata readPictureMetadata(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // A PNG's text comes before its pixels; other formats are read by exiv2 from the path.
    const auto head = file.peek(8);
    return pictureMetadataFromBytes(
        head == QByteArray("\x89PNG\r\n\x1a\n", 8) ? file.read(k_maxPngTextFileBytes) : head, path);
}

QString sourceName(PictureMetadata::Source source)
{
    switch (source) {
    case PictureMetadata::Source::A1111:
        return QStringLiteral("a1111");
    case PictureMetadata::Source::ComfyUI:
        return QStringLiteral("comfyui");
    case PictureMetadata::Source::InvokeAI:
        return QStringLiteral("invokeai");
    case PictureMetadata::Source::None:
        break;
    }
    return {};
}

} // namespace eikona::store
