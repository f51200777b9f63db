#pragma once
// Where the Hugging Face hub cache lives, shared with diffusers and transformers:
// $HF_HUB_CACHE, else $HF_HOME/hub, else ~/.cache/huggingface/hub.

#include <QString>

namespace eikona::store {

/// The cache folder, from the environment as huggingface_hub resolves it.
QString hubCacheDirectory();

/// "stable-diffusion-v1-5/stable-diffusion-v1-5" -> "models--stable-diffusion-v1-5--stable-diffusion-v1-5".
/// Empty for a repository id that is not ORG/NAME (or NAME) with safe characters.
QString repoFolderName(const QString& repoId);

/// The snapshot folder of `revision` (a branch or tag named in refs/, or a commit) of a repository
/// in the cache folder `cacheDirectory`; empty when it is not there. Needs no network.
QString cachedSnapshot(const QString& repoId, const QString& revision = QStringLiteral("main"),
                       const QString& cacheDirectory = hubCacheDirectory());

} // namespace eikona::store
