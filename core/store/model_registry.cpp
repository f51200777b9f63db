#include "model_registry.h"

#include "hub_cache.h"
#include "hub_client.h"
#include "model_hash.h"
#include "io/safetensors_format.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace eikona::store {

namespace {

std::string text(const QString& message)
{
    return message.toStdString();
}

qint64 sizeOf(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.size();
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

// The snapshot a hub model is opened from: the one refs/main names, else the newest.
QString chosenSnapshot(const QDir& repo, QString& commit)
{
    QFile ref(repo.filePath(QStringLiteral("refs/main")));
    if (ref.open(QIODevice::ReadOnly)) {
        commit = QString::fromLatin1(ref.readAll()).trimmed();
        const auto snapshot = repo.filePath(QStringLiteral("snapshots/") + commit);
        if (QFileInfo(snapshot).isDir())
            return snapshot;
    }
    const auto snapshots = QDir(repo.filePath(QStringLiteral("snapshots")))
                               .entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
    if (snapshots.isEmpty())
        return {};
    commit = snapshots.first().fileName();
    return snapshots.first().absoluteFilePath();
}

// A registry is a few kilobytes; a file far larger is not one, and is not read into memory.
constexpr qint64 k_registryLimitBytes = 16 << 20;

// The registry's JSON; empty with `problem` set when the file is there but is not a registry
// (and none when there is no file yet).
QJsonObject parseRegistry(const QString& path, QString* problem)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("the model registry %1 cannot be read: %2").arg(path, file.errorString());
        return {};
    }
    if (file.size() > k_registryLimitBytes) {
        *problem =
            QStringLiteral("the model registry %1 is %2 MB, not a registry").arg(path).arg(file.size() >> 20);
        return {};
    }
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject()) {
        *problem =
            QStringLiteral("the model registry %1 is not valid (%2 at byte %3)")
                .arg(path, document.isNull() ? error.errorString() : QStringLiteral("not a JSON object"))
                .arg(error.offset);
        return {};
    }
    return document.object();
}

// For reading: what can be read (nothing from a damaged file; problem() says why).
QJsonObject readRegistry(const QString& path)
{
    QString problem;
    return parseRegistry(path, &problem);
}

// Read-modify-write of the registry under a lock shared by every Eikona process.
template <typename Change> void updateRegistry(const QString& path, Change change)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        throw RegistryError(text(QStringLiteral("cannot create the folder of %1").arg(path)));
    QLockFile lock(path + QStringLiteral(".lock"));
    if (!lock.tryLock(10000))
        throw RegistryError(
            text(QStringLiteral("the model registry %1 is locked by another process").arg(path)));
    QString problem;
    auto registry = parseRegistry(path, &problem);
    // Writing back what could not be read would replace the user's list with an empty one.
    if (!problem.isEmpty())
        throw RegistryError(
            text(problem +
                 QStringLiteral("; it was left as it is: repair it, or move it away to start a new one")));
    change(registry);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(registry).toJson()) < 0 ||
        !file.commit())
        throw RegistryError(
            text(QStringLiteral("cannot write the model registry %1: %2").arg(path, file.errorString())));
}

// Hashes `path` (hashDevice), telling `step` each chunk's size; nullopt when cancelled.
std::optional<QString> hashFile(const QString& path, QCryptographicHash::Algorithm algorithm,
                                const QByteArray& prefix, const std::function<void(qint64)>& step,
                                const std::function<bool()>& cancelled)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return hashDevice(file, algorithm, prefix, step, cancelled);
}

// A safetensors file's structure, as the engine validates it before loading (io/
// safetensors_format.h): header length and JSON, dtypes and shapes, byte ranges end to end
// over a data section that ends where the file does.
QString safetensorsProblem(const QString& path)
{
    try {
        io::read_safetensors_index(path.toStdString());
        return {};
    } catch (const io::SafetensorsError& error) {
        return QString::fromUtf8(error.what());
    }
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

QString ModelEntry::sourceText() const
{
    if (source == Source::Hub)
        return QStringLiteral("hub @%1").arg(commit.left(12));
    return QStringLiteral("local ") + QDir::toNativeSeparators(path);
}

ModelRegistry::ModelRegistry(QString registryFile, QString hubCache)
    : m_file(std::move(registryFile)),
      m_hubCache(hubCache.isEmpty() ? hubCacheDirectory() : std::move(hubCache))
{
}

QString ModelRegistry::defaultRegistryFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/eikona/models.json");
}

QString ModelRegistry::problem() const
{
    QString problem;
    parseRegistry(m_file, &problem);
    return problem;
}

QList<ModelEntry> ModelRegistry::models() const
{
    const auto registry = readRegistry(m_file);
    const auto lastUsed = registry.value(QStringLiteral("lastUsed")).toObject();
    const auto usedAt = [&](const QString& name) {
        return QDateTime::fromString(lastUsed.value(name).toString(), Qt::ISODate);
    };
    QList<ModelEntry> models;
    const QDir cache(m_hubCache);
    for (const auto& folder :
         cache.entryList({QStringLiteral("models--*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir repo(cache.filePath(folder));
        ModelEntry entry;
        entry.source = ModelEntry::Source::Hub;
        entry.path = chosenSnapshot(repo, entry.commit);
        if (entry.path.isEmpty() ||
            !QFileInfo::exists(QDir(entry.path).filePath(QStringLiteral("model_index.json"))))
            continue; // not a diffusers pipeline (a text model, a LoRA...), or nothing fetched yet
        entry.name = folder.mid(8).replace(QStringLiteral("--"), QStringLiteral("/"));
        entry.sizeOnDisk = sizeOf(repo.filePath(QStringLiteral("blobs")));
        entry.lastUsed = usedAt(entry.name);
        models.append(entry);
    }
    for (const auto& value : registry.value(QStringLiteral("local")).toArray()) {
        const auto object = value.toObject();
        ModelEntry entry;
        entry.name = object.value(QStringLiteral("name")).toString();
        entry.path = object.value(QStringLiteral("path")).toString();
        entry.sizeOnDisk = sizeOf(entry.path);
        entry.lastUsed = usedAt(entry.name);
        models.append(entry);
    }
    return models;
}

std::optional<ModelEntry> ModelRegistry::find(const QString& name) const
{
    const auto wanted = canonicalRepoId(name);
    for (const auto& model : models())
        if (model.name == wanted)
            return model;
    return std::nullopt;
}

ModelEntry ModelRegistry::add(const QString& path, const QString& requestedName)
{
    const auto check = checkLocalModel(path);
    if (!check.kind)
        throw RegistryError(text(check.problem));
    const QFileInfo info(path);
    const auto name = requestedName.isEmpty()
                          ? (info.isDir() ? QDir(info.absoluteFilePath()).dirName() : info.completeBaseName())
                          : requestedName;
    if (name.trimmed().isEmpty())
        throw RegistryError("a model needs a name: give one with --name");
    if (find(name))
        throw RegistryError(
            text(QStringLiteral("a model named \"%1\" is already known: choose another name with --name")
                     .arg(name)));
    ModelEntry entry;
    entry.name = name;
    entry.path = info.absoluteFilePath();
    entry.sizeOnDisk = sizeOf(entry.path);
    updateRegistry(m_file, [&](QJsonObject& registry) {
        auto local = registry.value(QStringLiteral("local")).toArray();
        local.append(QJsonObject{{QStringLiteral("name"), entry.name},
                                 {QStringLiteral("path"), entry.path},
                                 {QStringLiteral("added"), isoNow()}});
        registry.insert(QStringLiteral("local"), local);
    });
    return entry;
}

qint64 ModelRegistry::remove(const QString& name)
{
    const auto model = find(name);
    if (!model)
        throw RegistryError(
            text(QStringLiteral("no model named \"%1\" (eikona-cli models list shows them)").arg(name)));
    const auto forget = [&](QJsonObject& registry) {
        auto local = registry.value(QStringLiteral("local")).toArray();
        for (qsizetype i = local.size() - 1; i >= 0; --i)
            if (local.at(i).toObject().value(QStringLiteral("name")).toString() == model->name)
                local.removeAt(i);
        registry.insert(QStringLiteral("local"), local);
        auto lastUsed = registry.value(QStringLiteral("lastUsed")).toObject();
        lastUsed.remove(model->name);
        registry.insert(QStringLiteral("lastUsed"), lastUsed);
    };
    if (model->source == ModelEntry::Source::Local) {
        updateRegistry(m_file, forget);
        return 0;
    }
    const auto folder = repoFolderName(model->name);
    const QDir locks(m_hubCache + QStringLiteral("/.locks/") + folder);
    for (const auto& lockName : locks.entryList({QStringLiteral("*.lock")}, QDir::Files)) {
        QLockFile lock(locks.filePath(lockName));
        lock.setStaleLockTime(0); // only a dead owner's lock is stale
        if (!lock.tryLock(0))
            throw RegistryError(
                text(QStringLiteral("%1 is being downloaded by another process: try again when it is done")
                         .arg(model->name)));
    }
    const QDir repo(m_hubCache + u'/' + folder);
    const auto freed = sizeOf(repo.path());
    if (!QDir(repo).removeRecursively())
        throw RegistryError(
            text(QStringLiteral("could not delete all of %1: check its permissions").arg(repo.path())));
    QDir(locks).removeRecursively();
    if (QFileInfo::exists(m_file))
        updateRegistry(m_file, forget);
    return freed;
}

void ModelRegistry::markUsed(const QString& name)
{
    try {
        updateRegistry(m_file, [&](QJsonObject& registry) {
            auto lastUsed = registry.value(QStringLiteral("lastUsed")).toObject();
            lastUsed.insert(canonicalRepoId(name), isoNow());
            registry.insert(QStringLiteral("lastUsed"), lastUsed);
        });
    } catch (const RegistryError&) {
        // Last use is a convenience; a read-only data folder must not stop a picture.
    }
}

QList<VerifiedFile> ModelRegistry::verify(const ModelEntry& model,
                                          const std::function<void(const VerifyProgress&)>& progress,
                                          const std::function<bool()>& cancelled) const
{
    QList<VerifiedFile> results;
    if (model.source == ModelEntry::Source::Local) {
        QStringList weights;
        if (QFileInfo(model.path).isDir()) {
            QDirIterator it(model.path, {QStringLiteral("*.safetensors")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                weights.append(it.next());
        } else {
            weights.append(model.path);
        }
        weights.sort();
        for (const auto& file : weights) {
            const auto problem = safetensorsProblem(file);
            const auto relative = QFileInfo(model.path).isDir() ? QDir(model.path).relativeFilePath(file)
                                                                : QFileInfo(file).fileName();
            results.append(
                {relative, problem.isEmpty() ? VerifiedFile::State::Ok : VerifiedFile::State::Corrupt,
                 problem.isEmpty() ? QStringLiteral("structure intact (local files have no reference hash)")
                                   : problem});
        }
        return results;
    }

    struct Item {
        QString relative;
        QString blob;
    };
    QList<Item> items;
    VerifyProgress done;
    QDirIterator it(model.path, QDir::Files | QDir::System | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const auto path = it.next();
        const QFileInfo info(path);
        const auto relative = QDir(model.path).relativeFilePath(path);
        if (!info.isSymLink()) {
            results.append({relative, VerifiedFile::State::Unchecked,
                            QStringLiteral("a plain file, not a cache blob: no hash to check")});
            continue;
        }
        const auto blob = info.symLinkTarget();
        if (!QFileInfo::exists(blob)) {
            results.append({relative, VerifiedFile::State::Missing,
                            QStringLiteral("its blob is missing: download the model again")});
            continue;
        }
        items.append({relative, blob});
        done.bytesTotal += QFileInfo(blob).size();
    }
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
    static const QRegularExpression sha1(QStringLiteral("^[0-9a-f]{40}$"));
    for (const auto& item : items) {
        const auto blobName = QFileInfo(item.blob).fileName();
        const auto step = [&](qint64 bytes) {
            done.bytesDone += bytes;
            if (progress)
                progress(done);
        };
        std::optional<QString> digest;
        if (sha256.match(blobName).hasMatch()) {
            digest = hashFile(item.blob, QCryptographicHash::Sha256, {}, step, cancelled);
        } else if (sha1.match(blobName).hasMatch()) {
            // Git's blob id: SHA-1 of "blob <size>\0" and the content.
            const QByteArray prefix = "blob " + QByteArray::number(QFileInfo(item.blob).size()) + '\0';
            digest = hashFile(item.blob, QCryptographicHash::Sha1, prefix, step, cancelled);
        } else {
            step(QFileInfo(item.blob).size());
            results.append({item.relative, VerifiedFile::State::Unchecked,
                            QStringLiteral("its blob name is not a hash")});
            continue;
        }
        if (!digest)
            throw RegistryError("verification cancelled");
        if (*digest == blobName) {
            results.append({item.relative, VerifiedFile::State::Ok, {}});
            continue;
        }
        QFile::remove(item.blob); // never used again; the next download fetches it anew
        results.append({item.relative, VerifiedFile::State::Corrupt,
                        QStringLiteral("its content does not match its hash; removed from the cache: "
                                       "`eikona-cli models download %1` "
                                       "fetches it again")
                            .arg(model.name)});
    }
    std::sort(results.begin(), results.end(),
              [](const VerifiedFile& a, const VerifiedFile& b) { return a.path < b.path; });
    return results;
}

} // namespace eikona::store
