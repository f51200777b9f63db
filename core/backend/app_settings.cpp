#include "app_settings.h"

#include "gallery_store.h"
#include "hub_cache.h"
#include "preview_decoder.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace eikona::backend {

AppSettings AppSettings::load()
{
    const QSettings settings;
    AppSettings loaded;
    loaded.device = settings.value(QStringLiteral("engine/device"), loaded.device).toString();
    loaded.dtype = settings.value(QStringLiteral("engine/dtype"), loaded.dtype).toString();
    loaded.threads = std::max(0, settings.value(QStringLiteral("engine/threads"), 0).toInt());
    loaded.outputFolder =
        settings.value(QStringLiteral("files/outputFolder"), defaultOutputFolder()).toString();
    loaded.modelCache =
        settings.value(QStringLiteral("files/modelCache"), store::hubCacheDirectory()).toString();
    loaded.previewEvery = std::max(0, settings.value(QStringLiteral("preview/every"), 1).toInt());
    loaded.fullSizePreviews = settings.value(QStringLiteral("preview/fullSize"), true).toBool();
    loaded.language = settings.value(QStringLiteral("ui/language")).toString();
    return loaded;
}

void AppSettings::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("engine/device"), device);
    settings.setValue(QStringLiteral("engine/dtype"), dtype);
    settings.setValue(QStringLiteral("engine/threads"), threads);
    settings.setValue(QStringLiteral("files/outputFolder"), outputFolder);
    settings.setValue(QStringLiteral("files/modelCache"), modelCache);
    settings.setValue(QStringLiteral("preview/every"), previewEvery);
    settings.setValue(QStringLiteral("preview/fullSize"), fullSizePreviews);
    settings.setValue(QStringLiteral("ui/language"), language);
}

QString AppSettings::defaultOutputFolder()
{
    auto pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (pictures.isEmpty())
        pictures = QDir::homePath();
    return QDir(pictures).filePath(QStringLiteral("Eikona"));
}

void AppSettings::applyModelCache() const
{
    if (!modelCache.isEmpty())
        qputenv("HF_HUB_CACHE", QFile::encodeName(modelCache));
}

WorkerSettings AppSettings::workerSettings() const
{
    return {device,
            dtype,
            threads,
            outputFolder,
            previewEvery,
            store::GalleryStore::defaultDatabase(),
            fullSizePreviews ? cachedPreviewDecoder() : QString()};
}

} // namespace eikona::backend
