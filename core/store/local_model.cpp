#include "local_model.h"

#include "io/safetensors_format.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace eikona::store {

namespace {

QString pickleRefusal(const QString& path)
{
    return QStringLiteral("%1 is a pickle file (.ckpt/.bin/.pt/.pth). Opening one can execute arbitrary code "
                          "hidden in it, so Eikona "
                          "never opens them. Download the model's .safetensors version instead, or convert "
                          "this file once with a tool you "
                          "trust (in Python: torch.load(path, weights_only=True), then "
                          "safetensors.torch.save_file on the state dict), "
                          "and add the .safetensors file")
        .arg(QDir::toNativeSeparators(path));
}

// The tensor names of a safetensors file; empty with `problem` set when it is not one. The
// engine's reader, so a file passes here only if it would load there.
QStringList safetensorsKeys(const QString& path, QString& problem)
{
    try {
        QStringList keys;
        for (const auto& tensor : io::read_safetensors_index(path.toStdString()).tensors)
            keys.append(QString::fromStdString(tensor.name));
        return keys;
    } catch (const io::SafetensorsError& error) {
        problem = QStringLiteral("%1 is not a safetensors file Eikona can read: %2")
                      .arg(path, QString::fromUtf8(error.what()));
        return {};
    }
}

LocalModelCheck singleFile(const QString& path)
{
    QString problem;
    const auto keys = safetensorsKeys(path, problem);
    if (!problem.isEmpty())
        return {std::nullopt, problem};
    const auto has = [&](const QString& prefix) {
        return std::any_of(keys.begin(), keys.end(),
                           [&](const QString& key) { return key.startsWith(prefix); });
    };
    if (has(QStringLiteral("model.diffusion_model.")) && has(QStringLiteral("first_stage_model.")) &&
        has(QStringLiteral("cond_stage_model.transformer.")))
        return {LocalModelKind::SingleFile, {}};
    if (has(QStringLiteral("conditioner.embedders.")) || has(QStringLiteral("cond_stage_model.model.")))
        return {std::nullopt,
                QStringLiteral("%1 is a Stable Diffusion 2 or XL checkpoint; Eikona runs SD 1.x models")
                    .arg(path)};
    if (has(QStringLiteral("lora_")) || has(QStringLiteral("lora.")))
        return {std::nullopt, QStringLiteral("%1 is a LoRA, not a whole model").arg(path)};
    return {std::nullopt,
            QStringLiteral("%1 is not an SD 1.x checkpoint: it lacks the model.diffusion_model.*, "
                           "first_stage_model.* and cond_stage_model.transformer.* tensors of one")
                .arg(path)};
}

} // namespace

LocalModelCheck checkLocalModel(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {std::nullopt, QStringLiteral("no model at %1").arg(path)};
    if (info.isDir()) {
        if (!QFileInfo(QDir(path).filePath(QStringLiteral("model_index.json"))).isFile())
            return {
                std::nullopt,
                QStringLiteral("%1 is a folder without model_index.json: not a diffusers model").arg(path)};
        return {LocalModelKind::DiffusersFolder, {}};
    }
    const auto suffix = info.suffix().toLower();
    if (suffix == QStringLiteral("ckpt") || suffix == QStringLiteral("bin") ||
        suffix == QStringLiteral("pt") || suffix == QStringLiteral("pth") || suffix == QStringLiteral("pkl"))
        return {std::nullopt, pickleRefusal(path)};
    if (suffix != QStringLiteral("safetensors"))
        return {std::nullopt,
                QStringLiteral("%1 is neither a diffusers folder nor a .safetensors checkpoint").arg(path)};
    return singleFile(path);
}

QString sd15DefaultsFolder()
{
    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/eikona/sd15");
    if (QFileInfo::exists(installed + QStringLiteral("/model_index.json")))
        return QDir::cleanPath(installed);
    return QStringLiteral(EIKONA_SOURCE_RESOURCES "/sd15");
}

} // namespace eikona::store
