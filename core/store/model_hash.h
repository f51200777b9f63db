#pragma once
// A1111's "Model hash": the first 10 hex digits of the weights file's SHA-256. Hashing a
// multi-gigabyte file takes seconds, so the answer is taken from the hub cache's blob name when
// the file is one (its name is the SHA-256) and otherwise remembered per path, size and time.

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <functional>
#include <optional>

class QIODevice;

namespace eikona::store {

/// The one file hasher (model hashes, hub downloads, `models verify`): lowercase hex of
/// `prefix` and then `file` from where it stands, read in 4 MB chunks, `step` told each
/// chunk's size. nullopt when `cancelled` says so; empty when the file cannot be read.
std::optional<QString> hashDevice(QIODevice& file, QCryptographicHash::Algorithm algorithm,
                                  const QByteArray& prefix = {}, const std::function<void(qint64)>& step = {},
                                  const std::function<bool()>& cancelled = {});

/// Git's id of a file's content: SHA-1 of "blob <size>\0" and the bytes (the hub's etag of a
/// small file). `file` is read from its start.
QString gitBlobId(QIODevice& file);

/// Full lowercase hex SHA-256 of a file; empty when it cannot be read.
QString sha256OfFile(const QString& path);

/// The 10-digit model hash of a weights file; empty when it cannot be read.
QString shortModelHash(const QString& weightsFile);

} // namespace eikona::store
