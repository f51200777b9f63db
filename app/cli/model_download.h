#pragma once
// Fetching a hub model with a progress bar on the terminal, shared by `generate` and `models`.

#include <QString>

namespace eikona::cli {

/// The snapshot folder of `repoId` at `revision` in the cache, downloading what is missing;
/// empty with `error` set on failure. Ctrl+C cancels, leaving a resumable state.
QString fetchModel(const QString& repoId, const QString& revision, const QString& variant, QString& error);

} // namespace eikona::cli
