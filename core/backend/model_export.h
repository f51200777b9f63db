#pragma once
// Writing a model in another layout, for sharing it with tools that expect that layout.

#include <QString>

namespace eikona::backend {

/// Writes the diffusers folder `model` as one SD 1.x single-file checkpoint in the original
/// layout (`model.diffusion_model.*`, `first_stage_model.*`, `cond_stage_model.transformer.*`),
/// tensors in their stored dtypes, the folder's configs in the file's metadata. Written to a
/// temporary file renamed into place: a failure leaves nothing. Throws GenerationError.
void exportSingleFile(const QString& model, const QString& out);

} // namespace eikona::backend
