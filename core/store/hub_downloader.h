#pragma once
// A repository's missing files fetched into the cache (private to core/store): several at once,
// each resumed from what is on disk (its Range answer checked), verified against its SHA-256 or
// git blob id, and linked into the snapshot only when whole; progress and cancel as the caller
// asks.

#include "hub_transport.h"

#include <functional>

namespace eikona::store::hub_detail {

/// Fetches `files` of `repoId` at `commit` into `cache`; returns the bytes fetched. Throws
/// HubError or HubCancelled.
qint64 downloadFiles(Hub& hub, const HubOptions& options, const RepoCache& cache, QString repoId,
                     QString commit, QList<HubFile> files,
                     const std::function<void(const DownloadProgress&)>& progress,
                     const std::function<bool()>& cancelled);

} // namespace eikona::store::hub_detail
