#pragma once
// The models Eikona knows: every diffusers pipeline in the Hugging Face cache (whoever fetched
// it) and the local folders and single files the user added, each with its size on disk,
// source and last use. Local entries and last-use times live in one small JSON file
// (<data>/eikona/models.json), updated under a lock so several processes can share it.

#include "local_model.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <stdexcept>

namespace eikona::store {

class RegistryError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct ModelEntry {
    enum class Source { Hub, Local };
    QString name; ///< the repository id for hub models; the user's name for local ones
    Source source = Source::Local;
    QString path;   ///< what to open: the snapshot folder, or the local folder or file
    QString commit; ///< hub: the snapshot's commit
    qint64 sizeOnDisk = 0;
    QDateTime lastUsed;         ///< invalid when never used
    QString sourceText() const; ///< "hub main@0123456789ab" / "local /path/to/file"
};

struct VerifiedFile {
    enum class State { Ok, Corrupt, Missing, Unchecked };
    QString path; ///< relative to the model
    State state = State::Ok;
    QString detail;
};

struct VerifyProgress {
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};

class ModelRegistry {
  public:
    /// Defaults: the user's data folder and the hub cache of the environment.
    explicit ModelRegistry(QString registryFile = defaultRegistryFile(), QString hubCache = {});

    static QString defaultRegistryFile();

    /// Hub models first (by name), then local ones in the order they were added. From a
    /// registry file that cannot be read, only the hub models (problem() says why).
    QList<ModelEntry> models() const;
    /// Why the registry file cannot be read (damaged JSON, unreadable, absurdly large); empty
    /// when it can, or when there is none yet. Changes to such a file are refused, not written.
    QString problem() const;
    /// By name; a hub model also by its old name (runwayml/...).
    std::optional<ModelEntry> find(const QString& name) const;

    /// Registers a diffusers folder or SD 1.x single file under `name` (default: the folder's
    /// name, the file's without extension). Throws RegistryError: not a model (pickles refused
    /// with the reason), the name taken, the registry unwritable.
    ModelEntry add(const QString& path, const QString& name = {});
    /// Hub models: deletes their cache folder (refused while a download holds it). Local
    /// models: forgets the entry; the files stay. Returns the bytes freed. Throws RegistryError.
    qint64 remove(const QString& name);
    /// Remembers now as the last use of `name` (best effort: a read-only registry is no error).
    void markUsed(const QString& name);

    /// Hub models: every file of the snapshot re-hashed against its blob name (SHA-256 for LFS
    /// files, the git blob SHA-1 otherwise); a corrupt blob is deleted so the next download
    /// fetches it again. Local models: each weights file's safetensors structure and length.
    QList<VerifiedFile> verify(const ModelEntry& model,
                               const std::function<void(const VerifyProgress&)>& progress = {},
                               const std::function<bool()>& cancelled = {}) const;

  private:
    QString m_file;
    QString m_hubCache;
};

} // namespace eikona::store
