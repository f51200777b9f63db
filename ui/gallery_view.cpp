#include "gallery_view.h"

#include "export_dialog.h"
#include "gallery_model.h"
#include "thumbnail_cache.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QShortcut>
#include <QTimer>
#include <QUrl>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>

namespace eikona::ui {

GalleryView::GalleryView(store::GalleryStore* store, ThumbnailCache* thumbnails, QWidget* parent)
    : QWidget(parent), m_store(store), m_model(new GalleryModel(store, thumbnails, this)),
      m_search(new QLineEdit(this)), m_favourites(new QCheckBox(this)), m_sort(new QComboBox(this)),
      m_modelFilter(new QComboBox(this)), m_folderFilter(new QComboBox(this)),
      m_sizeFilter(new QComboBox(this)), m_watcher(new QFileSystemWatcher(this)),
      m_rescanTimer(new QTimer(this)), m_count(new QLabel(this)), m_export(new QPushButton(this)),
      m_addFolder(new QPushButton(this)), m_grid(new QListView(this)), m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("galleryView"));
    m_search->setObjectName(QStringLiteral("gallerySearch"));
    m_search->setClearButtonEnabled(true);
    m_favourites->setObjectName(QStringLiteral("galleryFavourites"));
    m_sort->setObjectName(QStringLiteral("gallerySort"));
    m_sort->addItems({QString(), QString(), QString()});
    m_count->setObjectName(QStringLiteral("galleryCount"));
    m_grid->setObjectName(QStringLiteral("galleryGrid"));
    m_grid->setModel(m_model);
    // List mode flowing left to right with wrapping and a fixed grid: Qt lays it out in
    // segments with binary-searched hit tests (icon mode keeps a rectangle per item), so
    // 100,000 pictures lay out at once and scroll without per-row size hints.
    m_grid->setViewMode(QListView::ListMode);
    m_grid->setFlow(QListView::LeftToRight);
    m_grid->setWrapping(true);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setIconSize(QSize(ThumbnailCache::k_size, ThumbnailCache::k_size));
    m_grid->setGridSize(QSize(ThumbnailCache::k_size + 12, ThumbnailCache::k_size + 12));
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_grid->setDragEnabled(true);
    m_grid->setDragDropMode(QAbstractItemView::DragOnly);
    m_grid->setDefaultDropAction(Qt::CopyAction);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    m_grid->installEventFilter(this);
    // Thumbnails asked for rows scrolled past are dropped before they start.
    connect(m_grid->verticalScrollBar(), &QScrollBar::valueChanged, thumbnails, &ThumbnailCache::dropPending);

    // Two columns of controls, so the window keeps its small sizes (1024 px wide) in the longer
    // language too: the hidden tab's minimum width counts as well.
    auto* controls = new QGridLayout;
    controls->addWidget(m_search, 0, 0);
    controls->addWidget(m_count, 0, 1);
    controls->addWidget(m_favourites, 1, 0);
    controls->addWidget(m_sort, 1, 1);
    controls->addWidget(m_modelFilter, 2, 0);
    controls->addWidget(m_folderFilter, 2, 1);
    controls->addWidget(m_sizeFilter, 3, 0);
    controls->addWidget(m_addFolder, 4, 0);
    controls->addWidget(m_export, 4, 1);
    m_export->setObjectName(QStringLiteral("galleryExport"));
    connect(m_export, &QPushButton::clicked, this, [this] { exportPictures(false); });
    m_addFolder->setObjectName(QStringLiteral("galleryAddFolder"));
    connect(m_addFolder, &QPushButton::clicked, this, [this] {
        const auto folder = QFileDialog::getExistingDirectory(this, tr("Add a folder of pictures"));
        if (!folder.isEmpty())
            addFolder(folder);
    });
    m_modelFilter->setObjectName(QStringLiteral("galleryModelFilter"));
    m_folderFilter->setObjectName(QStringLiteral("galleryFolderFilter"));
    for (auto* combo : {m_modelFilter, m_folderFilter, m_sizeFilter}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_grid, 1);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &GalleryView::applyQuery);
    connect(m_favourites, &QCheckBox::toggled, this, &GalleryView::applyQuery);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &GalleryView::applyQuery);
    connect(m_modelFilter, &QComboBox::activated, this, &GalleryView::applyQuery);
    connect(m_folderFilter, &QComboBox::activated, this, &GalleryView::applyQuery);
    connect(m_sizeFilter, &QComboBox::activated, this, &GalleryView::applyQuery);
    m_sizeFilter->setObjectName(QStringLiteral("gallerySizeFilter"));
    // Files added or removed behind the gallery's back: a rescan off this thread, a moment after.
    m_rescanTimer->setSingleShot(true);
    m_rescanTimer->setInterval(1000);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_rescanTimer, qOverload<>(&QTimer::start));
    connect(m_rescanTimer, &QTimer::timeout, this, &GalleryView::rescanInBackground);
    connect(m_grid, &QListView::activated, this,
            [this](const QModelIndex& index) { Q_EMIT pictureOpened(m_model->fullEntry(index.row())); });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) {
                if (index.isValid())
                    Q_EMIT pictureSelected(m_model->fullEntry(index.row()));
            });
    connect(m_grid, &QListView::customContextMenuRequested, this, &GalleryView::showContextMenu);
    auto* find = new QShortcut(QKeySequence::Find, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setContext(Qt::WidgetWithChildrenShortcut);
    auto* undo = new QShortcut(QKeySequence::Undo, m_grid, [this] { undoTrash(); });
    undo->setContext(Qt::WidgetShortcut);
    fillFilters();
    retranslate();
    applyQuery();
    watchFolders();
}

void GalleryView::fillFilters()
{
    const auto model = m_modelFilter->currentData().toString();
    const auto folder = m_folderFilter->currentData().toString();
    const QSignalBlocker blockModels(m_modelFilter);
    const QSignalBlocker blockFolders(m_folderFilter);
    m_modelFilter->clear();
    m_modelFilter->addItem(tr("Every model"), QString());
    for (const auto& name : m_store->models())
        m_modelFilter->addItem(name, name);
    m_modelFilter->setCurrentIndex(std::max(0, m_modelFilter->findData(model)));
    m_folderFilter->clear();
    m_folderFilter->addItem(tr("Every folder"), QString());
    for (const auto& path : m_store->folders())
        m_folderFilter->addItem(QFileInfo(path).fileName(), path);
    m_folderFilter->setCurrentIndex(std::max(0, m_folderFilter->findData(folder)));
    const auto size = m_sizeFilter->currentData().toSize();
    const QSignalBlocker blockSizes(m_sizeFilter);
    m_sizeFilter->clear();
    m_sizeFilter->addItem(tr("Every size"), QSize());
    for (const auto& each : m_store->sizes())
        m_sizeFilter->addItem(QStringLiteral("%1 × %2").arg(each.width()).arg(each.height()), each);
    m_sizeFilter->setCurrentIndex(std::max(0, m_sizeFilter->findData(size)));
    for (int i = 1; i < m_folderFilter->count(); ++i)
        m_folderFilter->setItemData(i, m_folderFilter->itemData(i), Qt::ToolTipRole);
}

void GalleryView::watchFolders()
{
    QStringList directories;
    for (const auto& folder : m_store->folders()) {
        directories.append(folder);
        QDirIterator it(folder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext() && directories.size() < 2000) // inotify watches are a bounded resource
            directories.append(it.next());
    }
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (!directories.isEmpty())
        m_watcher->addPaths(directories);
}

void GalleryView::addFolder(const QString& folder)
{
    Q_EMIT message(tr("Indexing %1…").arg(folder));
    auto* watcher = new QFutureWatcher<int>(this);
    connect(watcher, &QFutureWatcher<int>::finished, this, [this, watcher, folder] {
        const int pictures = watcher->result();
        watcher->deleteLater();
        reload();
        watchFolders();
        Q_EMIT message(tr("%n picture(s) added from %1", nullptr, pictures).arg(folder));
        Q_EMIT folderAdded(pictures);
    });
    watcher->setFuture(QtConcurrent::run([database = m_store->databaseFile(), folder] {
        return store::GalleryStore(database).addFolder(folder);
    }));
}

void GalleryView::rescanInBackground()
{
    auto* watcher = new QFutureWatcher<int>(this);
    connect(watcher, &QFutureWatcher<int>::finished, this, [this, watcher] {
        if (watcher->result() > 0)
            reload();
        watcher->deleteLater();
    });
    // Its own connection: an SQLite connection belongs to the thread that opened it.
    watcher->setFuture(QtConcurrent::run(
        [database = m_store->databaseFile()] { return store::GalleryStore(database).rescan(); }));
}

GalleryModel* GalleryView::model() const
{
    return m_model;
}

QListView* GalleryView::grid() const
{
    return m_grid;
}

QLineEdit* GalleryView::searchBox() const
{
    return m_search;
}

void GalleryView::retranslate()
{
    m_search->setPlaceholderText(tr("Search the prompts (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search the gallery"));
    m_search->setToolTip(
        tr("Words or word beginnings of the prompt, in any language; accents and capitals do not matter"));
    m_favourites->setText(tr("Favourites"));
    m_favourites->setAccessibleName(tr("Favourites only"));
    m_favourites->setToolTip(tr("Show only the pictures marked as favourites (F)"));
    m_sort->setItemText(0, tr("Newest first"));
    m_sort->setItemText(1, tr("Oldest first"));
    m_sort->setItemText(2, tr("By name"));
    m_sort->setAccessibleName(tr("Sort"));
    m_sort->setToolTip(tr("The order of the pictures"));
    m_grid->setAccessibleName(tr("Gallery"));
    m_grid->setToolTip(
        tr("Enter opens a picture, Delete moves it to the trash (Ctrl+Z undoes it), F marks a favourite"));
    updateCount();
    m_modelFilter->setAccessibleName(tr("Model filter"));
    m_modelFilter->setToolTip(tr("Only the pictures of one model"));
    m_folderFilter->setAccessibleName(tr("Folder filter"));
    m_folderFilter->setToolTip(tr("Only the pictures of one folder"));
    m_modelFilter->setItemText(0, tr("Every model"));
    m_folderFilter->setItemText(0, tr("Every folder"));
    m_sizeFilter->setItemText(0, tr("Every size"));
    // Wide enough for "every …" in the window's language; longer names (folders) are elided.
    for (auto* combo : {m_modelFilter, m_folderFilter, m_sizeFilter})
        combo->setMinimumContentsLength(std::max(6, static_cast<int>(combo->itemText(0).size())));
    m_sizeFilter->setAccessibleName(tr("Size filter"));
    m_sizeFilter->setToolTip(tr("Only the pictures of one size"));
    m_addFolder->setText(tr("Add folder…"));
    m_addFolder->setAccessibleName(tr("Add a folder of pictures"));
    m_addFolder->setToolTip(
        tr("Index a folder of pictures, an A1111, ComfyUI or InvokeAI output folder included: "
           "their parameters are read and their prompts become searchable"));
    m_export->setText(tr("Export…"));
    m_export->setAccessibleName(tr("Export pictures"));
    m_export->setToolTip(tr("Export the selected pictures, or all the search shows, with their parameters"));
}

void GalleryView::updateCount()
{
    m_count->setText(tr("%n picture(s)", nullptr, m_model->rowCount()));
}

void GalleryView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GalleryView::applyQuery()
{
    store::GalleryQuery query;
    query.model = m_modelFilter->currentData().toString();
    query.folder = m_folderFilter->currentData().toString();
    query.size = m_sizeFilter->currentData().toSize();
    query.text = m_search->text();
    query.favouritesOnly = m_favourites->isChecked();
    query.sort = static_cast<store::GalleryQuery::Sort>(m_sort->currentIndex());
    m_model->setQuery(query);
    updateCount();
}

void GalleryView::reload()
{
    const auto selected = current();
    fillFilters();
    m_model->reload();
    updateCount();
    if (selected)
        if (const int row = m_model->rowOfId(selected->id); row >= 0)
            m_grid->setCurrentIndex(m_model->index(row));
}

std::optional<store::GalleryEntry> GalleryView::current() const
{
    const auto index = m_grid->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return m_model->fullEntry(index.row());
}

bool GalleryView::trashCurrent()
{
    const auto entry = current();
    if (!entry)
        return false;
    const int row = m_grid->currentIndex().row();
    QString inTrash;
    if (!QFile::moveToTrash(entry->path, &inTrash)) {
        Q_EMIT message(tr("%1 could not be moved to the trash.").arg(QFileInfo(entry->path).fileName()));
        return false;
    }
    m_trashed.append({entry->path, inTrash});
    m_store->removeEntry(entry->id);
    m_model->reload();
    updateCount();
    if (m_model->rowCount() > 0)
        m_grid->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1)));
    Q_EMIT message(tr("%1 is in the trash. Ctrl+Z brings it back.").arg(QFileInfo(entry->path).fileName()));
    return true;
}

bool GalleryView::undoTrash()
{
    if (m_trashed.isEmpty())
        return false;
    const auto last = m_trashed.takeLast();
    if (!QFile::rename(last.inTrash, last.original)) {
        Q_EMIT message(
            tr("%1 could not be brought back from the trash.").arg(QFileInfo(last.original).fileName()));
        return false;
    }
    const auto id = m_store->addFile(last.original);
    m_model->reload();
    updateCount();
    if (id)
        if (const int row = m_model->rowOfId(*id); row >= 0)
            m_grid->setCurrentIndex(m_model->index(row));
    Q_EMIT message(tr("%1 is back.").arg(QFileInfo(last.original).fileName()));
    return true;
}

void GalleryView::toggleFavourite()
{
    const auto index = m_grid->currentIndex();
    if (index.isValid())
        m_model->setFavourite(index.row(), !m_model->entry(index.row()).favourite);
}

void GalleryView::copyImage()
{
    const auto entry = current();
    if (!entry)
        return;
    QFile file(entry->path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    auto* data = new QMimeData;
    // The file's own bytes, so the parameters chunk travels with it; and the file itself.
    if (entry->path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        data->setData(QStringLiteral("image/png"), file.readAll());
    data->setUrls({QUrl::fromLocalFile(entry->path)});
    QApplication::clipboard()->setMimeData(data);
}

void GalleryView::copyParameters()
{
    if (const auto entry = current())
        QApplication::clipboard()->setText(formatParameters(entry->parameters));
}

bool GalleryView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_grid && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            trashCurrent();
            return true;
        }
        if (key->key() == Qt::Key_F && key->modifiers() == Qt::NoModifier) {
            toggleFavourite();
            return true;
        }
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            if (const auto entry = current())
                Q_EMIT pictureOpened(*entry);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void GalleryView::showContextMenu(const QPoint& position)
{
    const auto entry = current();
    if (!entry)
        return;
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, entry] { Q_EMIT pictureOpened(*entry); });
    menu.addAction(tr("Use these parameters"), this,
                   [this, entry] { Q_EMIT useParametersRequested(entry->parameters); });
    menu.addAction(tr("Use as the init image"), this,
                   [this, entry] { Q_EMIT useAsInitImageRequested(entry->path); });
    menu.addSeparator();
    menu.addAction(tr("Copy the picture"), this, &GalleryView::copyImage);
    menu.addAction(tr("Copy the parameters"), this, &GalleryView::copyParameters);
    menu.addAction(entry->favourite ? tr("Not a favourite") : tr("Favourite"), this,
                   &GalleryView::toggleFavourite);
    menu.addAction(tr("Show in the file manager"), this, [entry] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(entry->path).absolutePath()));
    });
    menu.addAction(tr("Export…"), this, [this] { exportPictures(true); });
    menu.addSeparator();
    menu.addAction(tr("Move to the trash"), this, &GalleryView::trashCurrent);
    menu.exec(m_grid->viewport()->mapToGlobal(position));
}

} // namespace eikona::ui

namespace eikona::ui {

void GalleryView::exportPictures(bool selectionOnly)
{
    // The toolbar's Export: several selected pictures, else all the search shows (one selected
    // picture is just where the cursor is). The context menu's: the selection.
    const auto selected = m_grid->selectionModel()->selectedIndexes();
    QList<store::GalleryEntry> entries;
    if (selectionOnly || selected.size() > 1) {
        for (const auto& index : selected)
            entries.append(m_model->entry(index.row()));
    } else {
        for (int row = 0; row < m_model->rowCount(); ++row)
            entries.append(m_model->entry(row));
    }
    if (entries.isEmpty())
        return;
    ExportDialog dialog(static_cast<int>(entries.size()), this);
    if (dialog.exec() == QDialog::Accepted)
        runExport(entries, dialog.options());
}

void GalleryView::runExport(const QList<store::GalleryEntry>& entries, const store::ExportOptions& options)
{
    auto* progress =
        new QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, static_cast<int>(entries.size()), this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    connect(progress, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });
    QPointer<QProgressDialog> guard(progress);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, guard, cancel] {
        const auto outcome = watcher->result();
        watcher->deleteLater();
        if (guard)
            guard->deleteLater();
        const bool ok = !outcome.startsWith(u'!');
        const auto text = ok ? outcome : outcome.mid(1);
        Q_EMIT message(text);
        Q_EMIT exportFinished(ok, text);
    });
    watcher->setFuture(
        QtConcurrent::run([entries, options, cancel, guard, database = m_store->databaseFile()]() -> QString {
            try {
                // The grid's entries carry prompts only: the rest of each picture's parameters is
                // read here, through this thread's own connection.
                QList<store::GalleryEntry> full;
                {
                    store::GalleryStore store(database);
                    full.reserve(entries.size());
                    for (const auto& entry : entries)
                        full.append(store.entry(entry.id).value_or(entry));
                }
                const auto result = store::exportPictures(
                    full, options,
                    [guard](int done, int) {
                        // Through the application object: it outlives this view, the dialog may not.
                        QMetaObject::invokeMethod(
                            qApp,
                            [guard, done] {
                                if (guard)
                                    guard->setValue(done);
                            },
                            Qt::QueuedConnection);
                    },
                    [cancel] { return cancel->load(); });
                if (result.cancelled)
                    return u'!' + tr("The export was cancelled; nothing half-written was left.");
                return tr("%n picture(s) exported to %1", nullptr, result.exported).arg(result.written);
            } catch (const store::ExportError& error) {
                return u'!' + tr("The export failed: %1").arg(QString::fromUtf8(error.what()));
            }
        }));
}

} // namespace eikona::ui
