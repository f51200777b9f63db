#include "thumbnail_cache.h"

#include "picture_file.h"

#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QPointer>
#include <QRunnable>
#include <QSaveFile>
#include <QStandardPaths>

namespace eikona::ui {

namespace {

QImage makeThumbnail(const QString& path, const QString& cacheFile)
{
    if (!cacheFile.isEmpty() && QFile::exists(cacheFile)) {
        QImage cached(cacheFile);
        if (!cached.isNull())
            return cached;
    }
    const auto image = store::readPicture(path, ThumbnailCache::k_size);
    if (image.isNull())
        return image;
    if (!cacheFile.isEmpty()) {
        QSaveFile file(cacheFile);
        if (file.open(QIODevice::WriteOnly) && QImageWriter(&file, "png").write(image))
            file.commit();
    }
    return image;
}

} // namespace

ThumbnailCache::ThumbnailCache(QString folder, qint64 memoryBytes, QObject* parent)
    : QObject(parent),
      m_folder(folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                                      QStringLiteral("/eikona/thumbnails")
                                : std::move(folder))
{
    QDir().mkpath(m_folder);
    m_memory.setMaxCost(memoryBytes);
    m_pool.setMaxThreadCount(2);
}

ThumbnailCache::~ThumbnailCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QString ThumbnailCache::folder() const
{
    return m_folder;
}

qint64 ThumbnailCache::memoryBound() const
{
    return m_memory.maxCost();
}

QPixmap ThumbnailCache::thumbnail(const QString& path, const QString& contentHash)
{
    if (const auto* cached = m_memory.object(path))
        return *cached;
    if (m_loading.contains(path))
        return {};
    m_loading.insert(path);
    const auto cacheFile = contentHash.isEmpty()
                               ? QString()
                               : QDir(m_folder).filePath(contentHash + QStringLiteral("-%1.png").arg(k_size));
    QPointer<ThumbnailCache> self(this);
    m_pool.start([self, path, cacheFile] {
        const auto image = makeThumbnail(path, cacheFile);
        if (self) // QImage crosses threads; the pixmap is made on the window's
            QMetaObject::invokeMethod(
                self,
                [self, path, image] {
                    if (self)
                        self->deliver(path, image);
                },
                Qt::QueuedConnection);
    });
    return {};
}

void ThumbnailCache::deliver(const QString& path, const QImage& image)
{
    m_loading.remove(path);
    auto* pixmap = new QPixmap(image.isNull() ? QPixmap() : QPixmap::fromImage(image));
    m_memory.insert(path, pixmap, std::max<qint64>(1, static_cast<qint64>(image.sizeInBytes())));
    Q_EMIT thumbnailReady(path);
}

void ThumbnailCache::dropPending()
{
    m_pool.clear();
    m_loading.clear();
}

} // namespace eikona::ui
