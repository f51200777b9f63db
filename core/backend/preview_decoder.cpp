#include "preview_decoder.h"

#include "hub_cache.h"

#include <QDir>
#include <QFileInfo>

namespace eikona::backend {

QString previewDecoderRepo()
{
    return QStringLiteral("madebyollin/taesd");
}

QString cachedPreviewDecoder()
{
    const auto snapshot = store::cachedSnapshot(previewDecoderRepo());
    if (snapshot.isEmpty())
        return {};
    const QDir folder(snapshot);
    for (const auto* file : {"config.json", "diffusion_pytorch_model.safetensors"})
        if (!QFileInfo(folder.filePath(QLatin1String(file))).isFile())
            return {};
    return snapshot;
}

} // namespace eikona::backend
