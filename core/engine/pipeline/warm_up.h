#pragma once
// The first step of a job costs 2-3x a steady one: the weights fault in from their files (and
// an fp16 file's are converted), every layer packs its weights into oneDNN's layout for the
// step's row counts, oneDNN builds its kernels for the shapes, and the allocator touches its
// first pages. warm_up pays all of that ahead, while the artist is still typing.

#include "pipeline/stable_diffusion.h"

#include <cstdint>

namespace eikona::pipeline {

/// Encodes an empty prompt and runs the UNet once on zeros for a `width` x `height` picture at
/// `unet_batch` rows (two per picture with guidance), discarding the results. Packing is kept
/// per layer and row count, so a job of this size then steps at the steady rate from its first
/// step; another size repacks only the layers whose row count changed. Throws what the
/// networks throw (out of memory).
void warm_up(StableDiffusion& model, std::int64_t width, std::int64_t height, std::int64_t unet_batch);

} // namespace eikona::pipeline
