#pragma once
// A cheap look at the picture while it forms: SD 1.5 latents mapped to RGB by a fixed linear
// map (ComfyUI's latent_rgb_factors for SD 1.5), no VAE.

#include <ATen/core/Tensor.h>

namespace eikona::pipeline {

/// latents: [B, 4, h, w] (as the UNet sees them) -> [B, h, w, 3] uint8 on the CPU.
at::Tensor latent_preview_rgb(const at::Tensor& latents);

} // namespace eikona::pipeline
