#pragma once
// Latents to pixels, for any image size and any compute dtype. Large images are decoded in
// overlapping tiles blended linearly across the overlap (no seams, bounded memory); a decode in
// half precision that overflows (NaN/Inf: the "black image") is done again in fp32.

#include "models/autoencoder_kl.h"

#include <cstdint>
#include <functional>
#include <string>

namespace eikona::pipeline {

struct VaeDecodeOptions {
    enum class Tiling { Auto, Always, Never };
    Tiling tiling = Tiling::Auto;
    std::int64_t auto_above_pixels = 1024; ///< Auto tiles when a side of the image exceeds this
    std::int64_t tile_latents = 64;        ///< tile side in latent pixels (64: 512 image pixels)
    double overlap = 0.25;                 ///< fraction of a tile shared with its neighbour
};

struct VaeDecodeReport {
    bool tiled = false;
    bool redone_in_fp32 = false;
};

/// `latents` [B, 4, h, w] as the UNet makes them (not yet divided by the scaling factor).
/// Returns [B, 8h, 8w, 3] float32 in [0, 1] on the VAE's device. `log` hears of an fp32 redo.
at::Tensor decode_latents(models::AutoencoderKL& vae, const at::Tensor& latents,
                          const VaeDecodeOptions& options = {},
                          const std::function<void(const std::string&)>& log = {},
                          VaeDecodeReport* report = nullptr);

} // namespace eikona::pipeline
