#pragma once
// Fetching a hub model with a progress bar on the terminal, shared by `generate` and `models`.

#include "hub_client.h"

#include <QString>

#include <optional>

namespace eikona::cli {

/// The snapshot folder of `repoId` at `revision` in the cache, downloading what is missing;
/// empty with `error` set on failure. Ctrl+C cancels, leaving a resumable state.
QString fetchModel(const QString& repoId, const QString& revision, const QString& variant, QString& error);
/// The same for any selection of a repository's files (TAESD's, say).
QString fetchRepository(const QString& repoId, const QString& revision, const store::FileSelection& select,
                        QString& error);

struct ResolvedModel {
    QString path;         ///< a diffusers folder or a single .safetensors file
    QString registryName; ///< the name its last use is recorded under; empty for an unregistered path
};

/// A model path (folder or single file), a name from `eikona-cli models list`, or a hub
/// repository id, optionally pinned as ORG/NAME@REVISION (from the cache, downloaded on first use). nullopt
/// with `error` set when it is none of these or cannot be opened (pickle files are refused with the reason).
std::optional<ResolvedModel> resolveModel(const QString& model, QString& error);

} // namespace eikona::cli
