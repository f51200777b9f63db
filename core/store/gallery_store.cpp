#include "gallery_store.h"

#include "gallery_query_sql.h"
#include "picture_file.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace eikona::store {

namespace {

const QStringList k_pictureFilters{
    QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.webp"),
    QStringLiteral("*.bmp"), QStringLiteral("*.tif"), QStringLiteral("*.tiff"), QStringLiteral("*.PNG"),
    QStringLiteral("*.JPG"), QStringLiteral("*.JPEG")};

const char* const k_schema[] = {
    "CREATE TABLE IF NOT EXISTS folders(path TEXT PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS pictures("
    " id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, folder TEXT NOT NULL, source TEXT NOT NULL,"
    " prompt TEXT NOT NULL, negative TEXT NOT NULL, parameters TEXT NOT NULL, model TEXT NOT NULL,"
    " width INTEGER NOT NULL, height INTEGER NOT NULL, created INTEGER NOT NULL, favourite INTEGER NOT NULL "
    "DEFAULT 0,"
    " content_hash TEXT NOT NULL, file_size INTEGER NOT NULL, file_mtime INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS pictures_created ON pictures(created)",
    "CREATE INDEX IF NOT EXISTS pictures_folder ON pictures(folder)",
    // The folded prompt, rowid = pictures.id.
    "CREATE VIRTUAL TABLE IF NOT EXISTS pictures_fts USING fts5(text, tokenize='unicode61')",
};

// SQLite stores a null QString as NULL; the text columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QStringList picturesUnder(const QString& folder)
{
    QStringList files;
    QDirIterator it(folder, k_pictureFilters, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QFileInfo(it.next()).absoluteFilePath());
    files.sort();
    return files;
}

} // namespace

struct GalleryStore::Impl {
    QString file;
    QString connection;
    QString error;
    bool rebuilt = false;

    QSqlDatabase db() const { return QSqlDatabase::database(connection, false); }

    bool exec(const QString& sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql)) {
            error = query.lastError().text();
            return false;
        }
        return true;
    }

    enum class Opened { Ok, Damaged, Failed };

    // Damaged: SQLite's own check finds the file unsound. Failed: anything else (no room, no
    // permission, a file-size limit), which says nothing against the file.
    Opened open()
    {
        auto database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setDatabaseName(file);
        database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!database.open()) {
            error = database.lastError().text();
            return Opened::Failed;
        }
        {
            QSqlQuery check(database);
            const bool checked = check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next();
            const bool sound = checked && check.value(0).toString() == QStringLiteral("ok");
            check.finish(); // an unfinished statement holds a read transaction: WAL could not be switched on
            if (!sound) {
                error = QStringLiteral("the gallery index %1 is damaged").arg(file);
                const auto code = check.lastError().nativeErrorCode(); // SQLITE_CORRUPT 11, SQLITE_NOTADB 26
                return checked || code == QStringLiteral("11") || code == QStringLiteral("26")
                           ? Opened::Damaged
                           : Opened::Failed;
            }
        }
        if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return Opened::Failed;
        for (const auto* statement : k_schema)
            if (!exec(QString::fromLatin1(statement)))
                return Opened::Failed;
        return Opened::Ok;
    }

    void close()
    {
        {
            auto database = db();
            database.close();
        }
        QSqlDatabase::removeDatabase(connection);
    }

    // The known folders, read once per connection (an indexing run asks for every file).
    QStringList knownFolders;
    bool foldersRead = false;

    QString folderFor(const QString& path)
    {
        if (!foldersRead) {
            knownFolders = column(QStringLiteral("SELECT path FROM folders"));
            foldersRead = true;
        }
        QString best = QFileInfo(path).absolutePath();
        int bestLength = -1;
        for (const auto& folder : std::as_const(knownFolders)) {
            if (path.startsWith(folder + u'/') && folder.size() > bestLength) {
                best = folder;
                bestLength = static_cast<int>(folder.size());
            }
        }
        return best;
    }

    std::optional<qint64> index(const QString& path)
    {
        const QFileInfo info(path);
        if (!info.isFile()) {
            error = QStringLiteral("%1 is not a file").arg(path);
            return std::nullopt;
        }
        const auto absolute = info.absoluteFilePath();
        // The file is read once: its hash, its text chunks and its size all come from the bytes.
        QFile file(absolute);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read %1: %2").arg(absolute, file.errorString());
            return std::nullopt;
        }
        auto bytes = file.readAll();
        const auto contentHash =
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const auto metadata = pictureMetadataFromBytes(bytes, absolute);
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        const QSize size = QImageReader(&buffer).size();
        const auto created = info.birthTime().isValid() ? info.birthTime() : info.lastModified();
        const auto folder = folderFor(absolute);
        QSqlQuery query(db());
        if (!query.prepare(
                QStringLiteral("INSERT INTO pictures(path, folder, source, prompt, negative, parameters, "
                               "model, width, height, created,"
                               " content_hash, file_size, file_mtime) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"
                               " ON CONFLICT(path) DO UPDATE SET source=excluded.source, "
                               "prompt=excluded.prompt, negative=excluded.negative,"
                               " parameters=excluded.parameters, model=excluded.model, width=excluded.width, "
                               "height=excluded.height,"
                               " content_hash=excluded.content_hash, file_size=excluded.file_size, "
                               "file_mtime=excluded.file_mtime"
                               " RETURNING id"))) {
            error = query.lastError().text();
            return std::nullopt;
        }
        const bool known = metadata.source != PictureMetadata::Source::None;
        query.addBindValue(absolute);
        query.addBindValue(folder);
        query.addBindValue(text(sourceName(metadata.source)));
        query.addBindValue(text(metadata.parameters.prompt));
        query.addBindValue(text(metadata.parameters.negativePrompt));
        query.addBindValue(known ? formatParameters(metadata.parameters) : text({}));
        query.addBindValue(text(metadata.parameters.model));
        query.addBindValue(size.isValid() ? size.width() : 0);
        query.addBindValue(size.isValid() ? size.height() : 0);
        query.addBindValue(created.toMSecsSinceEpoch());
        query.addBindValue(text(contentHash));
        query.addBindValue(info.size());
        query.addBindValue(info.lastModified().toMSecsSinceEpoch());
        if (!query.exec() || !query.next()) {
            error = query.lastError().text();
            return std::nullopt;
        }
        const auto id = query.value(0).toLongLong();
        QSqlQuery fts(db());
        fts.prepare(QStringLiteral("DELETE FROM pictures_fts WHERE rowid = ?"));
        fts.addBindValue(id);
        fts.exec();
        fts.prepare(QStringLiteral("INSERT INTO pictures_fts(rowid, text) VALUES(?, ?)"));
        fts.addBindValue(id);
        fts.addBindValue(text(foldForSearch(metadata.parameters.prompt)));
        if (!fts.exec()) {
            error = fts.lastError().text();
            return std::nullopt;
        }
        return id;
    }

    bool forget(qint64 id)
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("DELETE FROM pictures WHERE id = ?"));
        query.addBindValue(id);
        QSqlQuery fts(db());
        fts.prepare(QStringLiteral("DELETE FROM pictures_fts WHERE rowid = ?"));
        fts.addBindValue(id);
        return query.exec() && fts.exec() && query.numRowsAffected() > 0;
    }

    bool addFolderRow(const QString& folder)
    {
        foldersRead = false;
        QSqlQuery query(db());
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO folders(path) VALUES(?)"));
        query.addBindValue(QFileInfo(folder).absoluteFilePath());
        return query.exec();
    }

    QStringList column(const QString& sql) const
    {
        QStringList list;
        QSqlQuery query(db());
        query.exec(sql);
        while (query.next())
            list.append(query.value(0).toString());
        return list;
    }

    // A row of "SELECT id, path, folder, favourite, content_hash": what the grid needs.
    static GalleryEntry gridEntryFrom(const QSqlQuery& row)
    {
        GalleryEntry entry;
        entry.id = row.value(0).toLongLong();
        entry.path = row.value(1).toString();
        entry.folder = row.value(2).toString();
        entry.favourite = row.value(3).toBool();
        entry.contentHash = row.value(4).toString();
        return entry;
    }

    GalleryEntry entryFrom(const QSqlQuery& row) const
    {
        GalleryEntry entry;
        entry.id = row.value(0).toLongLong();
        entry.path = row.value(1).toString();
        entry.folder = row.value(2).toString();
        const auto source = row.value(3).toString();
        for (const auto candidate : {PictureMetadata::Source::A1111, PictureMetadata::Source::ComfyUI,
                                     PictureMetadata::Source::InvokeAI})
            if (sourceName(candidate) == source)
                entry.source = candidate;
        if (const auto text = row.value(6).toString(); !text.isEmpty())
            if (const auto parsed = parseParameters(text))
                entry.parameters = *parsed;
        entry.parameters.prompt = row.value(4).toString();
        entry.parameters.negativePrompt = row.value(5).toString();
        entry.width = row.value(7).toInt();
        entry.height = row.value(8).toInt();
        entry.created = QDateTime::fromMSecsSinceEpoch(row.value(9).toLongLong());
        entry.favourite = row.value(10).toBool();
        entry.contentHash = row.value(11).toString();
        return entry;
    }
};

QString GalleryStore::defaultDatabase()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/eikona/gallery.sqlite");
}

GalleryStore::GalleryStore(const QString& databaseFile, const QStringList& defaultFolders)
    : d(std::make_unique<Impl>())
{
    d->file = databaseFile;
    d->connection = QStringLiteral("gallery-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QDir().mkpath(QFileInfo(databaseFile).absolutePath());
    const auto opened = d->open();
    if (opened == Impl::Opened::Ok) {
        for (const auto& folder : defaultFolders)
            d->addFolderRow(folder);
        return;
    }
    if (opened == Impl::Opened::Failed) {
        // Closed, so isOpen() says so: a job saves its pictures without the index.
        const auto error = d->error;
        d->close();
        d->error = error;
        return;
    }
    // Damaged: set it aside (kept for whoever wants to look) and make the index again.
    d->close();
    const auto aside =
        databaseFile + QStringLiteral(".damaged-") + QString::number(QDateTime::currentSecsSinceEpoch());
    QFile::rename(databaseFile, aside);
    QFile::remove(databaseFile + QStringLiteral("-wal"));
    QFile::remove(databaseFile + QStringLiteral("-shm"));
    d->error.clear();
    if (d->open() != Impl::Opened::Ok) {
        const auto error = d->error;
        d->close();
        d->error = error;
        return;
    }
    for (const auto& folder : defaultFolders)
        d->addFolderRow(folder);
    rebuild();
    d->rebuilt = true;
}

GalleryStore::~GalleryStore()
{
    d->close();
}

QString GalleryStore::databaseFile() const
{
    return d->file;
}

bool GalleryStore::isOpen() const
{
    return d->db().isOpen();
}

QString GalleryStore::lastError() const
{
    return d->error;
}

bool GalleryStore::wasRebuilt() const
{
    return d->rebuilt;
}

std::optional<qint64> GalleryStore::savePicture(const QString& path, const QImage& image,
                                                const GenerationParameters& parameters)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (const auto problem = writePicture(path, image, parameters); !problem.isEmpty()) {
        d->error = problem;
        return std::nullopt;
    }
    d->addFolderRow(QFileInfo(path).absolutePath());
    return d->index(path);
}

std::optional<qint64> GalleryStore::addFile(const QString& path)
{
    return d->index(path);
}

int GalleryStore::addFolder(const QString& folder, const std::function<void(int, int)>& progress,
                            const std::function<bool()>& cancelled)
{
    if (!QFileInfo(folder).isDir()) {
        d->error = QStringLiteral("%1 is not a folder").arg(folder);
        return 0;
    }
    d->addFolderRow(folder);
    const auto files = picturesUnder(QFileInfo(folder).absoluteFilePath());
    int indexed = 0;
    auto database = d->db();
    database.transaction();
    for (int i = 0; i < files.size(); ++i) {
        if (cancelled && cancelled())
            break;
        if (d->index(files[i]))
            ++indexed;
        if (i % 500 == 499) { // a long indexing run lets the app's reads in now and then
            database.commit();
            database.transaction();
        }
        if (progress)
            progress(i + 1, static_cast<int>(files.size()));
    }
    database.commit();
    return indexed;
}

QStringList GalleryStore::folders() const
{
    return d->column(QStringLiteral("SELECT path FROM folders ORDER BY path"));
}

QStringList GalleryStore::models() const
{
    return d->column(QStringLiteral("SELECT DISTINCT model FROM pictures WHERE model <> '' ORDER BY model"));
}

QList<QSize> GalleryStore::sizes() const
{
    QList<QSize> list;
    QSqlQuery query(d->db());
    query.exec(QStringLiteral(
        "SELECT width, height FROM pictures WHERE width > 0 GROUP BY width, height ORDER BY count(*) DESC"));
    while (query.next())
        list.append(QSize(query.value(0).toInt(), query.value(1).toInt()));
    return list;
}

int GalleryStore::rescan()
{
    int changes = 0;
    auto database = d->db();
    database.transaction();
    QSet<QString> onDisk;
    for (const auto& folder : folders())
        for (const auto& file : picturesUnder(folder))
            onDisk.insert(file);
    QList<qint64> vanished;
    QSet<QString> known;
    {
        QSqlQuery query(database);
        query.exec(QStringLiteral("SELECT id, path, file_size, file_mtime FROM pictures"));
        while (query.next()) {
            const auto path = query.value(1).toString();
            const QFileInfo info(path);
            if (!info.exists())
                vanished.append(query.value(0).toLongLong());
            else if (info.size() != query.value(2).toLongLong() ||
                     info.lastModified().toMSecsSinceEpoch() != query.value(3).toLongLong())
                onDisk.insert(path); // changed: index it again
            else
                known.insert(path);
        }
    }
    for (const auto id : std::as_const(vanished))
        changes += d->forget(id) ? 1 : 0;
    for (const auto& path : std::as_const(onDisk))
        if (!known.contains(path) && d->index(path))
            ++changes;
    database.commit();
    return changes;
}

int GalleryStore::rebuild(const std::function<void(int, int)>& progress,
                          const std::function<bool()>& cancelled)
{
    // Favourites are the one thing only the index knows: they survive by path.
    QSet<QString> favourites;
    {
        QSqlQuery query(d->db());
        query.exec(QStringLiteral("SELECT path FROM pictures WHERE favourite = 1"));
        while (query.next())
            favourites.insert(query.value(0).toString());
    }
    auto database = d->db();
    database.transaction();
    d->exec(QStringLiteral("DELETE FROM pictures"));
    d->exec(QStringLiteral("DELETE FROM pictures_fts"));
    QStringList files;
    for (const auto& folder : folders())
        files += picturesUnder(folder);
    int indexed = 0;
    for (int i = 0; i < files.size(); ++i) {
        if (cancelled && cancelled())
            break;
        if (const auto id = d->index(files[i])) {
            ++indexed;
            if (favourites.contains(files[i]))
                setFavourite(*id, true);
        }
        if (progress)
            progress(i + 1, static_cast<int>(files.size()));
    }
    database.commit();
    return indexed;
}

QList<GalleryEntry> GalleryStore::search(const GalleryQuery& query) const
{
    QVariantList values;
    QString sql =
        query.withParameters
            ? QStringLiteral(
                  "SELECT id, path, folder, source, prompt, negative, parameters, width, height, created,"
                  " favourite, content_hash FROM pictures")
            : QStringLiteral("SELECT id, path, folder, favourite, content_hash FROM pictures");
    sql += galleryWhereAndOrder(query, values);
    QSqlQuery select(d->db());
    select.setForwardOnly(true);
    select.prepare(sql);
    for (const auto& value : values)
        select.addBindValue(value);
    QList<GalleryEntry> entries;
    if (!select.exec()) {
        d->error = select.lastError().text();
        return entries;
    }
    if (!query.withParameters) {
        while (select.next())
            entries.append(Impl::gridEntryFrom(select));
        return entries;
    }
    while (select.next())
        entries.append(d->entryFrom(select));
    return entries;
}

QList<qint64> GalleryStore::searchIds(const GalleryQuery& query) const
{
    QVariantList values;
    const auto sql = QStringLiteral("SELECT id FROM pictures") + galleryWhereAndOrder(query, values);
    QSqlQuery select(d->db());
    select.setForwardOnly(true);
    select.prepare(sql);
    for (const auto& value : values)
        select.addBindValue(value);
    QList<qint64> ids;
    if (!select.exec()) {
        d->error = select.lastError().text();
        return ids;
    }
    while (select.next())
        ids.append(select.value(0).toLongLong());
    return ids;
}

QList<GalleryEntry> GalleryStore::gridEntries(const QList<qint64>& ids) const
{
    QStringList list;
    list.reserve(ids.size());
    for (const auto id : ids)
        list.append(QString::number(id));
    QSqlQuery select(d->db());
    select.setForwardOnly(true);
    QList<GalleryEntry> entries;
    if (!select.exec(
            QStringLiteral("SELECT id, path, folder, favourite, content_hash FROM pictures WHERE id IN (%1)")
                .arg(list.join(u','))))
        return entries;
    while (select.next())
        entries.append(Impl::gridEntryFrom(select));
    return entries;
}

std::optional<GalleryEntry> GalleryStore::entry(qint64 id) const
{
    QSqlQuery select(d->db());
    select.prepare(QStringLiteral(
        "SELECT id, path, folder, source, prompt, negative, parameters, width, height, created, favourite,"
        " content_hash FROM pictures WHERE id = ?"));
    select.addBindValue(id);
    if (!select.exec() || !select.next())
        return std::nullopt;
    return d->entryFrom(select);
}

std::optional<qint64> GalleryStore::idOf(const QString& path) const
{
    QSqlQuery select(d->db());
    select.prepare(QStringLiteral("SELECT id FROM pictures WHERE path = ?"));
    select.addBindValue(QFileInfo(path).absoluteFilePath());
    if (!select.exec() || !select.next())
        return std::nullopt;
    return select.value(0).toLongLong();
}

int GalleryStore::count() const
{
    QSqlQuery query(d->db());
    query.exec(QStringLiteral("SELECT count(*) FROM pictures"));
    return query.next() ? query.value(0).toInt() : 0;
}

bool GalleryStore::setFavourite(qint64 id, bool favourite)
{
    QSqlQuery query(d->db());
    query.prepare(QStringLiteral("UPDATE pictures SET favourite = ? WHERE id = ?"));
    query.addBindValue(favourite ? 1 : 0);
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}

bool GalleryStore::removeEntry(qint64 id)
{
    return d->forget(id);
}

} // namespace eikona::store
