#pragma once
// The model API's file listing (siblings), read and checked before anything is downloaded:
// every path stays inside the repository, every etag is a hash (it becomes a file name in
// the cache), every size a byte count. Network-free, so it can be fuzzed alone.

#include "hub_client.h"

#include <QJsonArray>
#include <QList>
#include <QString>

namespace eikona::store {

/// The listing's files; entries without a path are skipped, a size that is not a byte count
/// is -1 (checkListing refuses it).
QList<HubFile> parseSiblings(const QJsonArray& siblings);

/// A path inside the repository: relative, no "." or ".." step, no backslash or NUL.
bool safeRepoPath(const QString& path);

/// A git blob SHA-1 (40 lowercase hex digits) or an LFS SHA-256 (64).
bool validEtag(const QString& etag);

/// Throws HubError (Corrupt) naming the first file whose path, etag or size cannot be trusted.
void checkListing(const QList<HubFile>& files, const QString& repoId);

} // namespace eikona::store
