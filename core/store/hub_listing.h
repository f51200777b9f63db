#pragma once
// What the hub answers, checked before it is trusted: the model API's file listing (siblings),
// read before anything is downloaded — every path stays inside the repository, every etag is
// a hash (it becomes a file name in the cache), every size a byte count — and a resumed
// download's Content-Range. Network-free, so it can be fuzzed alone.

#include "hub_client.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

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

/// A 206 answer's `Content-Range: bytes FIRST-LAST/TOTAL` (RFC 9110; TOTAL may be "*").
struct ContentRange {
    qint64 first = 0;
    qint64 last = 0;
    qint64 total = -1; ///< -1: "*", not told
};
/// nullopt for anything else: another unit, signs, spaces inside numbers, LAST < FIRST,
/// LAST >= TOTAL, numbers beyond qint64.
std::optional<ContentRange> parseContentRange(const QByteArray& header);

/// Whether a 206 answer carrying `header` continues a partial file of `offset` bytes of a
/// `size`-byte file: it starts at `offset` and, where it says, ends within the same size.
bool rangeContinues(const QByteArray& header, qint64 offset, qint64 size);

} // namespace eikona::store
