#pragma once
// Downloads a model from the Hugging Face hub into the cache diffusers uses
// (models--ORG--NAME/{blobs,snapshots,refs}), so either can use what the other fetched.
// Resolves a revision to its commit, fetches only what the pipeline needs, resumes
// interrupted files with HTTP Range, verifies sizes and SHA-256 before a file enters the
// cache, and locks each blob so two processes never fetch it at once.

#include <QList>
#include <QString>

#include <functional>
#include <stdexcept>

namespace eikona::store {

/// What kind of failure a HubError is, so a window can say it in the user's language (the
/// message itself is English, for logs and scripts).
enum class HubFailure {
    Other,
    Unreachable, ///< no connection, a proxy in the way, the transfer broke off
    Offline,     ///< HF_HUB_OFFLINE and not in the cache
    NotFound,    ///< no such repository, revision or pipeline
    NeedsAccess, ///< private or gated: a token is needed
    Storage,     ///< the cache folder cannot be written (permissions, a full disk)
    Corrupt,     ///< a file arrived damaged and was discarded
    Cancelled,
};

class HubError : public std::runtime_error {
  public:
    explicit HubError(const std::string& what, HubFailure kind = HubFailure::Other)
        : std::runtime_error(what), m_kind(kind)
    {
    }
    HubFailure kind() const { return m_kind; }

  private:
    HubFailure m_kind;
};

class HubCancelled : public HubError {
  public:
    HubCancelled()
        : HubError("download cancelled (what was fetched stays and resumes next time)", HubFailure::Cancelled)
    {
    }
};

/// A file of a repository revision as the hub's model API lists it.
struct HubFile {
    QString path; ///< "unet/diffusion_pytorch_model.safetensors"
    qint64 size = 0;
    QString blobId; ///< git blob SHA-1: the etag of a regular file
    QString sha256; ///< LFS files: the content's SHA-256, which is also their etag
    QString etag() const { return sha256.isEmpty() ? blobId : sha256; }
};

/// The default model, and the name it had before the hub moved it.
inline const QString k_defaultModel = QStringLiteral("stable-diffusion-v1-5/stable-diffusion-v1-5");
/// "runwayml/stable-diffusion-v1-5" -> the maintained copy; anything else unchanged.
QString canonicalRepoId(const QString& repoId);

/// What an SD 1.5 pipeline needs from a diffusers repository: configs, tokenizer and the
/// three networks' weights — the `variant` ("fp16") files where the repo has them, else the
/// plain ones; safetensors only where they exist (no .bin/.ckpt then); no safety checker.
QList<HubFile> selectPipelineFiles(const QList<HubFile>& files, const QString& variant);

/// Which of a repository's files a download takes; throws HubError (NotFound) when the
/// repository lacks what makes it the kind asked for.
using FileSelection = std::function<QList<HubFile>(const QString& repoId, const QList<HubFile>& files)>;
/// selectPipelineFiles, and the repository must have a model_index.json.
FileSelection pipelineFiles(const QString& variant);
/// A diffusers AutoencoderTiny at the repository's root (TAESD, as madebyollin/taesd):
/// config.json and diffusion_pytorch_model.safetensors, nothing else.
FileSelection previewDecoderFiles();

struct HubOptions {
    QString endpoint;       ///< $HF_ENDPOINT, else https://huggingface.co
    QString token;          ///< $HF_TOKEN (gated and private models)
    QString cacheDirectory; ///< hubCacheDirectory()
    bool offline = false;   ///< $HF_HUB_OFFLINE: the cache only
    int parallelFiles = 4;

    static HubOptions fromEnvironment();
};

struct DownloadProgress {
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    double bytesPerSecond = 0;
    int filesDone = 0;
    int filesTotal = 0;
};

struct DownloadResult {
    QString snapshot; ///< the folder to open: <cache>/models--ORG--NAME/snapshots/<commit>
    QString commit;
    qint64 bytesFetched = 0;    ///< 0 when everything was cached
    bool fromCacheOnly = false; ///< offline, or the hub unreachable and the cache complete
};

/// downloadModel and pipelineDownloadSize for any selection of a repository's files.
DownloadResult downloadRepository(const QString& repoId, const QString& revision, const FileSelection& select,
                                  const HubOptions& options,
                                  const std::function<void(const DownloadProgress&)>& progress = {},
                                  const std::function<bool()>& cancelled = {});
qint64 repositoryDownloadSize(const QString& repoId, const QString& revision, const FileSelection& select,
                              const HubOptions& options, const std::function<bool()>& cancelled = {});

/// How many bytes downloadModel would fetch for `repoId` at `revision` (what the cache lacks),
/// asked of the hub before anything is fetched. Throws HubError like downloadModel.
qint64 pipelineDownloadSize(const QString& repoId, const QString& revision, const QString& variant,
                            const HubOptions& options, const std::function<bool()>& cancelled = {});

/// Makes sure the pipeline files of `repoId` at `revision` are in the cache and returns their
/// snapshot. Blocks (it runs its own event loop; call it from a worker thread in a GUI).
/// `cancelled` is polled often; a cancel leaves resumable partial files. Throws HubError with
/// a message for people (401/403 explained, 404, network, disk full, corrupt download).
DownloadResult downloadModel(const QString& repoId, const QString& revision, const QString& variant,
                             const HubOptions& options,
                             const std::function<void(const DownloadProgress&)>& progress = {},
                             const std::function<bool()>& cancelled = {});

} // namespace eikona::store
