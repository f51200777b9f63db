#pragma once
// The generation parameters other tools' pictures carry, read into one shape: A1111's
// `parameters` text (and Eikona's, which is the same), ComfyUI's `prompt` graph (the
// KSampler's settings and the text of the CLIP nodes wired to its inputs), InvokeAI's
// `invokeai_metadata`. A picture without any is still a picture: source None.

#include "generation_parameters.h"
#include "png_text.h"

#include <QString>

#include <optional>

namespace eikona::store {

struct PictureMetadata {
    enum class Source { None, A1111, ComfyUI, InvokeAI };
    Source source = Source::None;
    GenerationParameters parameters; ///< meaningful when source != None
};

/// From a PNG's text chunks: A1111 `parameters` first, then ComfyUI `prompt`, then InvokeAI.
PictureMetadata metadataFromPngText(const PngTextEntries& entries);

/// ComfyUI's API graph ({"3": {"class_type": "KSampler", "inputs": {...}}, ...}); nullopt
/// when it has no sampler node.
std::optional<GenerationParameters> parametersFromComfyGraph(const QString& json);

/// InvokeAI's `invokeai_metadata` (3.x and later); nullopt when it is not such an object.
std::optional<GenerationParameters> parametersFromInvokeMetadata(const QString& json);

/// A picture file's metadata: PNG text chunks, or a JPEG's or WebP's EXIF UserComment.
PictureMetadata readPictureMetadata(const QString& path);
/// The same from the file's bytes already read (`path` for the formats exiv2 reads from disk).
PictureMetadata pictureMetadataFromBytes(const QByteArray& bytes, const QString& path);

QString sourceName(PictureMetadata::Source source);

} // namespace eikona::store
