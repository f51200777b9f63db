#include "gallery_model.h"

#include "format_text.h"
#include "thumbnail_cache.h"

#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace eikona::ui {

GalleryModel::GalleryModel(store::GalleryStore* store, ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), m_store(store), m_thumbnails(thumbnails)
{
    connect(thumbnails, &ThumbnailCache::thumbnailReady, this, [this](const QString& path) {
        const auto row = m_rowOfPath.value(path, -1); // only rows read so far ask for thumbnails
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

namespace {
constexpr int k_page = 256; // rows read together: a screenful and then some
}

void GalleryModel::reload()
{
    beginResetModel();
    m_ids = m_store->searchIds(m_query);
    m_rowOfId.clear();
    m_rowOfId.reserve(m_ids.size());
    for (int row = 0; row < m_ids.size(); ++row)
        m_rowOfId.insert(m_ids[row], row);
    m_rows.clear();
    m_rowOfPath.clear();
    endResetModel();
}

const store::GalleryEntry& GalleryModel::cached(int row) const
{
    if (const auto found = m_rows.constFind(row); found != m_rows.cend())
        return *found;
    const int first = row / k_page * k_page;
    const int last = std::min(static_cast<int>(m_ids.size()), first + k_page);
    for (auto entry : m_store->gridEntries(m_ids.mid(first, last - first))) {
        const int at = m_rowOfId.value(entry.id, -1);
        if (at < 0)
            continue;
        m_rowOfPath.insert(entry.path, at);
        m_rows.insert(at, std::move(entry));
    }
    if (!m_rows.contains(row)) { // removed behind our back since the ids were read
        store::GalleryEntry gone;
        gone.id = m_ids.at(row);
        m_rows.insert(row, gone);
    }
    return m_rows[row];
}

store::GalleryEntry GalleryModel::entry(int row) const
{
    return cached(row);
}

store::GalleryEntry GalleryModel::fullEntry(int row) const
{
    return m_store->entry(m_ids.at(row)).value_or(cached(row));
}

int GalleryModel::rowOfId(qint64 id) const
{
    return m_rowOfId.value(id, -1);
}

int GalleryModel::rowOfPath(const QString& path) const
{
    if (const auto found = m_rowOfPath.constFind(path); found != m_rowOfPath.cend())
        return *found;
    const auto id = m_store->idOf(path);
    return id ? rowOfId(*id) : -1;
}

void GalleryModel::setFavourite(int row, bool favourite)
{
    if (row < 0 || row >= m_ids.size() || !m_store->setFavourite(m_ids[row], favourite))
        return;
    cached(row);
    m_rows[row].favourite = favourite;
    Q_EMIT dataChanged(index(row), index(row), {FavouriteRole, Qt::DisplayRole});
}

int GalleryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

QVariant GalleryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size())
        return {};
    if (role == IdRole)
        return m_ids[index.row()];
    const auto& entry = cached(index.row());
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
        QString tip = QFileInfo(entry.path).fileName();
        if (full.created.isValid())
            tip += u'\n' + formatDateTime(full.created.toLocalTime());
        if (!full.parameters.prompt.isEmpty())
            tip += u'\n' + full.parameters.prompt;
        return tip;
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
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled
                           : Qt::NoItemFlags;
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
            urls.append(QUrl::fromLocalFile(cached(index.row()).path));
    auto* data = new QMimeData;
    data->setUrls(
        urls); // only the files: image data would make other apps re-encode them without their chunks
    return data;
}

Qt::DropActions GalleryModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace eikona::ui
