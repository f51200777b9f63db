#pragma once
// The gallery: every picture in the folders Eikona knows (its output folder, and folders of
// other tools' pictures added to it) as a row in an SQLite index (WAL) with a full-text index
// of the prompts. The index is a cache of the files: it is rebuilt from them when it is
// missing or corrupt, and a rescan notices files added or removed behind its back. A picture
// is written (atomically) before its row, so a crash never leaves a row without its file.
// One GalleryStore per thread (an SQLite connection belongs to the thread that opened it);
// several processes may share the database (SQLite's locking, a busy timeout).

#include "generation_parameters.h"
#include "picture_metadata.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace eikona::store {

struct GalleryEntry {
    qint64 id = 0;
    QString path;
    QString folder;
    PictureMetadata::Source source = PictureMetadata::Source::None;
    GenerationParameters parameters; ///< what the file carries (empty fields when nothing)
    int width = 0;                   ///< of the picture itself
    int height = 0;
    QDateTime created;
    bool favourite = false;
    QString contentHash; ///< SHA-256 of the file's bytes, hex
};

struct GalleryQuery {
    enum class Sort { Newest, Oldest, Name };
    QString text; ///< words and prefixes of the prompt, any language, accents and case ignored
    bool favouritesOnly = false;
    QString model;  ///< exact model name; empty: any
    QString folder; ///< pictures under this folder; empty: any
    QSize size;     ///< exact picture size; invalid: any
    Sort sort = Sort::Newest;
    int limit = -1;
    /// false: entries carry only id, path, folder, favourite and content hash — what a grid of
    /// 100,000 needs to show them (entry(id) gives all of one).
    bool withParameters = true;
};

/// Text as the search compares it: decomposed, without accents, case-folded ("ΚΑΡΆΒΙ" ->
/// "καραβι", "café" -> "cafe", final sigma as sigma).
QString foldForSearch(const QString& text);

class GalleryStore {
  public:
    /// <data>/eikona/gallery.sqlite, shared by the app and eikona-cli.
    static QString defaultDatabase();

    /// Opens (or creates) the index; a corrupt database file is set aside and rebuilt from
    /// the folders it knew when they can be read back, else from `defaultFolders`.
    explicit GalleryStore(const QString& databaseFile = defaultDatabase(),
                          const QStringList& defaultFolders = {});
    ~GalleryStore();
    GalleryStore(const GalleryStore&) = delete;
    GalleryStore& operator=(const GalleryStore&) = delete;

    bool isOpen() const;
    QString databaseFile() const;
    QString lastError() const;
    /// True when opening found the database corrupt and rebuilt it.
    bool wasRebuilt() const;

    /// Writes `image` as a PNG with `parameters` (atomically), then its row. The file's folder
    /// becomes a gallery folder. Returns the row id, or nullopt with lastError() set.
    std::optional<qint64> savePicture(const QString& path, const QImage& image,
                                      const GenerationParameters& parameters);
    /// Indexes a picture file already on disk (re-reading it when its row exists).
    std::optional<qint64> addFile(const QString& path);
    /// Remembers `folder` and indexes every picture under it (PNG, JPEG, WebP, BMP, TIFF).
    /// Returns how many pictures were indexed; `progress(done, total)`, `cancelled()` polled.
    int addFolder(const QString& folder, const std::function<void(int, int)>& progress = {},
                  const std::function<bool()>& cancelled = {});
    QStringList folders() const;
    /// The model names the pictures were made with, for a filter.
    QStringList models() const;
    /// The sizes of the pictures, most common first, for a filter.
    QList<QSize> sizes() const;
    /// Every folder walked again: new files indexed, rows of vanished files dropped.
    /// Returns the number of rows added plus removed.
    int rescan();
    /// Drops every row and indexes the folders again. Returns the number of pictures.
    int rebuild(const std::function<void(int, int)>& progress = {},
                const std::function<bool()>& cancelled = {});

    QList<GalleryEntry> search(const GalleryQuery& query = {}) const;
    /// The ids a query finds, in its order: what a grid of 100,000 needs up front.
    QList<qint64> searchIds(const GalleryQuery& query) const;
    /// id, path, folder, favourite and content hash of these pictures (any order).
    QList<GalleryEntry> gridEntries(const QList<qint64>& ids) const;
    std::optional<GalleryEntry> entry(qint64 id) const;
    std::optional<qint64> idOf(const QString& path) const;
    int count() const;
    bool setFavourite(qint64 id, bool favourite);
    /// Forgets a row (its file is the caller's: moved to the trash, say).
    bool removeEntry(qint64 id);

  private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace eikona::store

Q_DECLARE_METATYPE(eikona::store::GalleryEntry)
