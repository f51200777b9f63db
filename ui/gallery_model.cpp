#include "gallery_model.h"

#include "thumbnail_cache.h"

#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace eikona::ui {

GalleryModel::GalleryModel(store::GalleryStore* store, ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), m_store(store), m_thumbnails(thumbnails)
{
    connect(thumbnails, &ThumbnailCache::thumbnailReady, this, [this](const QString& path) {
        const auto row = m_rowOfPath.value(path, -1);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
    });
}

void GalleryModel::setQuery(const store::GalleryQuery& query)
{
    m_query = query;
    m_query.withParameters = false; // the grid shows pictures; one picture's parameters come with entry()
    reload();
}

store::GalleryQuery GalleryModel::query() const
{
    return m_query;
}

void GalleryModel::reload()
{
    beginResetModel();
    m_entries = m_store->search(m_query);
    m_rowOfPath.clear();
    m_rowOfPath.reserve(m_entries.size());
    for (int row = 0; row < m_entries.size(); ++row)
        m_rowOfPath.insert(m_entries[row].path, row);
    endResetModel();
}

const store::GalleryEntry& GalleryModel::entry(int row) const
{
    return m_entries.at(row);
}

store::GalleryEntry GalleryModel::fullEntry(int row) const
{
    return m_store->entry(m_entries.at(row).id).value_or(m_entries.at(row));
}

int GalleryModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries[row].id == id)
            return row;
    return -1;
}

int GalleryModel::rowOfPath(const QString& path) const
{
    return m_rowOfPath.value(path, -1);
}

void GalleryModel::setFavourite(int row, bool favourite)
{
    if (row < 0 || row >= m_entries.size() || !m_store->setFavourite(m_entries[row].id, favourite))
        return;
    m_entries[row].favourite = favourite;
    Q_EMIT dataChanged(index(row), index(row), {FavouriteRole, Qt::DisplayRole});
}

int GalleryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant GalleryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const auto& entry = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return entry.favourite ? QStringLiteral("★") : QString();
    case Qt::DecorationRole: {
        const auto thumbnail = m_thumbnails->thumbnail(entry.path, entry.contentHash);
        if (!thumbnail.isNull())
            return thumbnail;
        // While it loads: a grey square of the thumbnail's size (the grid's items all measure alike).
        static const QPixmap placeholder = [] {
            QPixmap pixmap(ThumbnailCache::k_size, ThumbnailCache::k_size);
            pixmap.fill(QColor(0xd8, 0xd8, 0xd8));
            return pixmap;
        }();
        return placeholder;
    }
    case Qt::ToolTipRole: {
        // Asked for one picture at a time: its prompt is read then.
        const auto full = fullEntry(index.row());
        return full.parameters.prompt.isEmpty() ? QFileInfo(entry.path).fileName()
                                                : QFileInfo(entry.path).fileName() + u'\n' + full.parameters.prompt;
    }
    case Qt::AccessibleTextRole:
        return QFileInfo(entry.path).fileName();
    case IdRole:
        return entry.id;
    case PathRole:
        return entry.path;
    case FavouriteRole:
        return entry.favourite;
    default:
        return {};
    }
}

Qt::ItemFlags GalleryModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled : Qt::NoItemFlags;
}

QStringList GalleryModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData* GalleryModel::mimeData(const QModelIndexList& indexes) const
{
    QList<QUrl> urls;
    for (const auto& index : indexes)
        if (index.isValid())
            urls.append(QUrl::fromLocalFile(m_entries[index.row()].path));
    auto* data = new QMimeData;
    data->setUrls(urls); // only the files: image data would make other apps re-encode them without their chunks
    return data;
}

Qt::DropActions GalleryModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace eikona::ui
