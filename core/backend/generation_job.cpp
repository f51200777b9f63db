#include "generation_job.h"

#include <algorithm>

namespace eikona::backend {

bool GenerationJob::isImg2Img() const
{
    return !initImagePath.isEmpty();
}

QJsonObject toJson(const GenerationJob& job)
{
    const auto& request = job.request;
    QJsonObject object{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("model"), job.model},
        {QStringLiteral("prompt"), request.prompt},
        {QStringLiteral("negativePrompt"), request.negativePrompt},
        {QStringLiteral("steps"), request.steps},
        {QStringLiteral("cfgScale"), request.cfgScale},
        // A seed is 64 bits; JSON numbers are doubles, exact only to 2^53.
        {QStringLiteral("seed"), QString::number(request.seed)},
        {QStringLiteral("width"), request.width},
        {QStringLiteral("height"), request.height},
        {QStringLiteral("sampler"), request.sampler},
        {QStringLiteral("initImage"), job.initImagePath},
        {QStringLiteral("strength"), request.strength},
        {QStringLiteral("batchSize"), request.batchSize},
        {QStringLiteral("batchCount"), request.batchCount},
        {QStringLiteral("a1111Syntax"), request.a1111Syntax},
        {QStringLiteral("chunkLongPrompts"), request.chunkLongPrompts},
        {QStringLiteral("draft"), request.draft},
    };
    if (job.onServer()) {
        object.insert(QStringLiteral("server"), job.server);
        object.insert(QStringLiteral("picturesDone"), job.picturesDone);
        object.insert(QStringLiteral("serverPromptId"), job.serverPromptId);
        object.insert(QStringLiteral("serverClientId"), job.serverClientId);
    }
    return object;
}

std::optional<GenerationJob> jobFromJson(const QJsonObject& object)
{
    for (const auto* key :
         {"id", "steps", "cfgScale", "width", "height", "strength", "batchSize", "batchCount"})
        if (!object.value(QLatin1String(key)).isDouble())
            return std::nullopt;
    for (const auto* key : {"model", "prompt", "negativePrompt", "seed", "sampler", "initImage"})
        if (!object.value(QLatin1String(key)).isString())
            return std::nullopt;
    GenerationJob job;
    job.id = object.value(QStringLiteral("id")).toInteger();
    job.model = object.value(QStringLiteral("model")).toString();
    job.initImagePath = object.value(QStringLiteral("initImage")).toString();
    auto& request = job.request;
    request.prompt = object.value(QStringLiteral("prompt")).toString();
    request.negativePrompt = object.value(QStringLiteral("negativePrompt")).toString();
    request.steps = object.value(QStringLiteral("steps")).toInt();
    request.cfgScale = object.value(QStringLiteral("cfgScale")).toDouble();
    bool seedOk = false;
    request.seed = object.value(QStringLiteral("seed")).toString().toULongLong(&seedOk);
    if (!seedOk)
        return std::nullopt;
    request.width = object.value(QStringLiteral("width")).toInt();
    request.height = object.value(QStringLiteral("height")).toInt();
    request.sampler = object.value(QStringLiteral("sampler")).toString();
    request.strength = object.value(QStringLiteral("strength")).toDouble();
    request.batchSize = object.value(QStringLiteral("batchSize")).toInt();
    request.batchCount = object.value(QStringLiteral("batchCount")).toInt();
    request.a1111Syntax = object.value(QStringLiteral("a1111Syntax")).toBool(true);
    request.chunkLongPrompts = object.value(QStringLiteral("chunkLongPrompts")).toBool(true);
    request.draft = object.value(QStringLiteral("draft")).toBool(false);
    job.server = object.value(QStringLiteral("server")).toString();
    job.picturesDone = std::max(0, object.value(QStringLiteral("picturesDone")).toInt());
    job.serverPromptId = object.value(QStringLiteral("serverPromptId")).toString();
    job.serverClientId = object.value(QStringLiteral("serverClientId")).toString();
    return job;
}

} // namespace eikona::backend
