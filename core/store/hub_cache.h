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

} // namespace eikona::store
