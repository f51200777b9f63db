#pragma once
// A1111's "Model hash": the first 10 hex digits of the weights file's SHA-256. Hashing a
// multi-gigabyte file takes seconds, so the answer is taken from the hub cache's blob name when
// the file is one (its name is the SHA-256) and otherwise remembered per path, size and time.

#include <QString>

namespace eikona::store {

/// Full lowercase hex SHA-256 of a file; empty when it cannot be read.
QString sha256OfFile(const QString& path);

/// The 10-digit model hash of a weights file; empty when it cannot be read.
QString shortModelHash(const QString& weightsFile);

} // namespace eikona::store
