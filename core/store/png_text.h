#pragma once
// Text chunks inside PNG files, written and read at the byte level so the choice of chunk is
// ours: Latin-1 text goes in `tEXt` (what every reader knows), anything else (Greek prompts) in
// an uncompressed UTF-8 `iTXt`, as A1111 and PIL do.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace eikona::store {

using PngTextEntries = QList<QPair<QString, QString>>;

/// `png` (a whole PNG file) with one text chunk per entry inserted after the header chunk.
/// Empty when `png` is not a PNG or a keyword is not 1–79 Latin-1 characters.
QByteArray withPngText(const QByteArray& png, const PngTextEntries& entries);

/// The most a compressed text chunk may inflate to; one that inflates further is refused.
constexpr qsizetype k_maxTextBytes = 16 * 1024 * 1024;
/// The most of a PNG file read for its text, which comes before the pixels in any real one.
constexpr qint64 k_maxPngTextFileBytes = 64 * 1024 * 1024;

/// The tEXt, zTXt and iTXt entries of a PNG file, in file order; nullopt when `png` is not a
/// well-formed PNG (bad signature, truncated chunk, CRC mismatch) or a compressed text would
/// inflate past k_maxTextBytes.
std::optional<PngTextEntries> readPngText(const QByteArray& png);

} // namespace eikona::store
