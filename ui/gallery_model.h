#pragma once
// The gallery's pictures for the grid: the ids a query finds, read at once (an exact row count,
// no fetch-more), and each row's path and hash read a page at a time when the view first
// shows it; thumbnails from the ThumbnailCache as they arrive.
// Dragging gives other apps the files (copy only: the model never deletes on a drop).

#include "gallery_store.h"

#include <QAbstractListModel>
#include <QHash>

namespace eikona::ui {

class ThumbnailCache;

class GalleryModel final : public QAbstractListModel {
    Q_OBJECT

  public:
    enum Role { IdRole = Qt::UserRole + 1, PathRole, FavouriteRole };

    GalleryModel(store::GalleryStore* store, ThumbnailCache* thumbnails, QObject* parent = nullptr);

    void setQuery(const store::GalleryQuery& query);
    store::GalleryQuery query() const;
    /// Reads the query's rows again (after pictures were added or removed).
    void reload();
    /// The row's picture: path, folder, favourite, content hash; the rest through fullEntry().
    store::GalleryEntry entry(int row) const;
    /// Everything the index knows of the row's picture.
    store::GalleryEntry fullEntry(int row) const;
    int rowOfId(qint64 id) const;
    int rowOfPath(const QString& path) const;
    void setFavourite(int row, bool favourite);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

  private:
    store::GalleryStore* m_store;
    ThumbnailCache* m_thumbnails;
    const store::GalleryEntry& cached(int row) const;

    store::GalleryQuery m_query;
    QList<qint64> m_ids;
    QHash<qint64, int> m_rowOfId;
    mutable QHash<int, store::GalleryEntry> m_rows; ///< the rows read so far
    mutable QHash<QString, int> m_rowOfPath;        ///< of the rows read so far
};

} // namespace eikona::ui
