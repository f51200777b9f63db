#pragma once
// The gallery's pictures for the grid: every row of a query read once from the index into a
// vector (exact row count, no fetch-more), thumbnails from the ThumbnailCache as they arrive.
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
    const store::GalleryEntry& entry(int row) const;
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
    store::GalleryQuery m_query;
    QList<store::GalleryEntry> m_entries;
    QHash<QString, int> m_rowOfPath;
};

} // namespace eikona::ui
