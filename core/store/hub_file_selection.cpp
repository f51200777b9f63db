// Which of a repository's files a download takes (declared in hub_client.h): what an SD 1.5
// pipeline needs, or a TAESD. Paths that could leave the snapshot folder are never taken.

#include "hub_client.h"

#include <QRegularExpression>

#include <algorithm>

namespace eikona::store {

namespace {

bool safeRelativePath(const QString& path)
{
    return !path.isEmpty() && !path.startsWith(QLatin1Char('/')) && !path.contains(QStringLiteral("..")) &&
           !path.contains(QLatin1Char('\\'));
}

} // namespace

QList<HubFile> selectPipelineFiles(const QList<HubFile>& files, const QString& variant)
{
    static const QStringList components{QStringLiteral("text_encoder"), QStringLiteral("unet"),
                                        QStringLiteral("vae")};
    QList<HubFile> chosen;
    const auto has = [&](const QString& path) {
        return std::any_of(files.begin(), files.end(),
                           [&](const HubFile& file) { return file.path == path; });
    };
    for (const auto& file : files) {
        const auto& path = file.path;
        if (!safeRelativePath(path))
            continue;
        const auto folder = path.section(QLatin1Char('/'), 0, 0);
        const auto name = path.section(QLatin1Char('/'), 1);
        if (path == QStringLiteral("model_index.json") ||
            path == QStringLiteral("scheduler/scheduler_config.json") ||
            (folder == QStringLiteral("tokenizer") && !name.contains(QLatin1Char('/')))) {
            chosen.append(file);
            continue;
        }
        if (!components.contains(folder) || name.contains(QLatin1Char('/')))
            continue;
        if (name == QStringLiteral("config.json")) {
            chosen.append(file);
            continue;
        }
        // Weights: <base>[.<variant>].safetensors, else .bin only when no safetensors exist.
        static const QRegularExpression weights(QRegularExpression::anchoredPattern(
            QStringLiteral(R"(([\w-]+?)(?:\.([\w-]+))?\.(safetensors|bin))")));
        const auto match = weights.match(name);
        if (!match.hasMatch())
            continue;
        const auto base = match.captured(1);
        const auto fileVariant = match.captured(2);
        const auto extension = match.captured(3);
        const auto withVariant = [&](const QString& v, const QString& ext) -> QString {
            return folder + u'/' + base + (v.isEmpty() ? QString() : u'.' + v) + u'.' + ext;
        };
        const bool safetensorsExist = has(withVariant(variant, QStringLiteral("safetensors"))) ||
                                      has(withVariant(QString(), QStringLiteral("safetensors")));
        if (extension == QStringLiteral("bin") && safetensorsExist)
            continue;
        const bool variantExists = !variant.isEmpty() && has(withVariant(variant, extension));
        if (variantExists ? fileVariant == variant : fileVariant.isEmpty())
            chosen.append(file);
    }
    return chosen;
}

FileSelection pipelineFiles(const QString& variant)
{
    return [variant](const QString& repoId, const QList<HubFile>& files) {
        auto chosen = selectPipelineFiles(files, variant);
        if (std::none_of(chosen.begin(), chosen.end(),
                         [](const HubFile& f) { return f.path == QStringLiteral("model_index.json"); }))
            throw HubError(QStringLiteral("%1 is not a diffusers pipeline (it has no model_index.json)")
                               .arg(repoId)
                               .toStdString(),
                           HubFailure::NotFound);
        return chosen;
    };
}

FileSelection previewDecoderFiles()
{
    return [](const QString& repoId, const QList<HubFile>& files) {
        QList<HubFile> chosen;
        for (const auto& file : files)
            if (file.path == QStringLiteral("config.json") ||
                file.path == QStringLiteral("diffusion_pytorch_model.safetensors"))
                chosen.append(file);
        if (chosen.size() != 2)
            throw HubError(QStringLiteral("%1 is not a diffusers TAESD (it needs config.json and "
                                          "diffusion_pytorch_model.safetensors)")
                               .arg(repoId)
                               .toStdString(),
                           HubFailure::NotFound);
        return chosen;
    };
}

} // namespace eikona::store
