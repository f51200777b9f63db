#pragma once
// Thumbnails for the gallery grid: decoded off the window's thread at the size shown
// (QImageReader::setScaledSize), kept on disk by the file's content hash (so a rescan or a
// rename costs nothing) and in memory up to a stated bound. Requests that scrolled away can
// be dropped before they start.

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QThreadPool>

namespace eikona::ui {

class ThumbnailCache final : public QObject {
    Q_OBJECT

  public:
    /// `folder`: the disk cache (default: the user's cache folder); `memoryBytes`: the bound of
    /// the in-memory cache.
    explicit ThumbnailCache(QString folder = {}, qint64 memoryBytes = 256LL * 1024 * 1024,
                            QObject* parent = nullptr);
    ~ThumbnailCache() override;

    static constexpr int k_size = 192; ///< the longer side, in pixels

    /// The thumbnail if it is in memory; else null, and it is loaded (thumbnailReady follows).
    QPixmap thumbnail(const QString& path, const QString& contentHash);
    /// Forgets the requests not started yet (the grid scrolled past them).
    void dropPending();
    QString folder() const;
    qint64 memoryBound() const;

  Q_SIGNALS:
    void thumbnailReady(const QString& path);

  private:
    void deliver(const QString& path, const QImage& image);

    QString m_folder;
    QCache<QString, QPixmap> m_memory; ///< by path, cost in bytes
    QSet<QString> m_loading;
    QThreadPool m_pool;
};

} // namespace eikona::ui
