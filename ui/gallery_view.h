#pragma once
// The gallery tab: a search box (results while typing), favourites and sort, and a grid of
// every picture in the index. Enter opens a picture on the canvas, Delete moves it to the
// trash (Ctrl+Z brings it back), F marks a favourite; the context menu holds the rest.

#include "gallery_export.h"
#include "gallery_store.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QPushButton;
class QTimer;

namespace eikona::ui {

class GalleryModel;
class ThumbnailCache;

class GalleryView final : public QWidget {
    Q_OBJECT

  public:
    GalleryView(store::GalleryStore* store, ThumbnailCache* thumbnails, QWidget* parent = nullptr);

    GalleryModel* model() const;
    QListView* grid() const;
    QLineEdit* searchBox() const;
    /// Reads the index again (a picture was made, a folder added).
    void reload();
    std::optional<store::GalleryEntry> current() const;

    /// The current picture to the system trash, with Undo.
    bool trashCurrent();
    bool undoTrash();
    void toggleFavourite();
    void copyImage();
    void copyParameters();
    /// The selection (or, with none, everything the search shows): asks where, then exports
    /// off the window's thread with a progress dialog and cancel.
    void exportPictures(bool selectionOnly);
    /// Runs an export of `entries` (what exportPictures does once the dialog is answered).
    void runExport(const QList<store::GalleryEntry>& entries, const store::ExportOptions& options);
    /// Indexes a folder of pictures (another tool's outputs, say) off the window's thread.
    void addFolder(const QString& folder);
    /// Picks up files added or removed behind the gallery's back, off the window's thread.
    void rescanInBackground();

  Q_SIGNALS:
    void pictureOpened(const eikona::store::GalleryEntry& entry);
    void pictureSelected(const eikona::store::GalleryEntry& entry);
    void useParametersRequested(const eikona::store::GenerationParameters& parameters);
    void useAsInitImageRequested(const QString& path);
    void message(const QString& text);
    void exportFinished(bool ok, const QString& text);
    void folderAdded(int pictures);

  protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void retranslate();
    void applyQuery();
    void updateCount();
    void fillFilters();
    void watchFolders();
    void showContextMenu(const QPoint& position);

    store::GalleryStore* m_store;
    GalleryModel* m_model;
    QLineEdit* m_search;
    QCheckBox* m_favourites;
    QComboBox* m_sort;
    QComboBox* m_modelFilter;
    QComboBox* m_folderFilter;
    QComboBox* m_sizeFilter;
    QFileSystemWatcher* m_watcher;
    QTimer* m_rescanTimer;
    QLabel* m_count;
    QPushButton* m_export;
    QPushButton* m_addFolder;
    QListView* m_grid;
    QTimer* m_searchTimer;
    struct Trashed {
        QString original;
        QString inTrash;
    };
    QList<Trashed> m_trashed;
};

} // namespace eikona::ui
