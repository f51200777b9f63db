#pragma once
// A finished picture on disk: a PNG carrying its generation parameters in A1111's `parameters`
// text chunk, written atomically (a half-written file never takes the name).

#include "generation_parameters.h"

#include <QImage>
#include <QDateTime>
#include <QString>

#include <optional>

namespace eikona::store {

/// Writes `image` as PNG to `path` with `parameters` embedded. Returns an empty string on
/// success, else what went wrong, in words.
QString writePicture(const QString& path, const QImage& image, const GenerationParameters& parameters);

/// Pictures that would take more than this once decoded are refused before they are decoded:
/// a 30,000 x 30,000 decompression bomb would need 3.6 GB.
constexpr int k_pictureMemoryLimitMb = 1024;

/// Reads a picture, EXIF orientation applied, within that limit; with `longestSide` > 0 scaled
/// down to fit it (read at that size where the format can). Null, with `error` set, when the
/// file is no picture, is damaged or is too large.
QImage readPicture(const QString& path, int longestSide = 0, QString* error = nullptr);

/// A new file name in `folder` for a picture of `seed`: A1111's "<number>-<seed>.png", the
/// number one past every used one, so nothing is overwritten. The folder is made if needed.
QString nextPicturePath(const QString& folder, quint64 seed);

/// The app's name for a new picture in `folder`: "<date>-<time>-<seed>-<prompt slug>.png"
/// ("20261202-143012-1234-a-lighthouse-at-dusk.png"; the slug keeps letters of any language),
/// never a name that is taken. The folder is made if needed.
QString namedPicturePath(const QString& folder, quint64 seed, const QString& prompt, const QDateTime& when);

/// The `parameters` text of a PNG file (any tool's); nullopt when the file cannot be read, is
/// not a PNG, or has no such chunk.
std::optional<QString> readParametersText(const QString& path);

} // namespace eikona::store
