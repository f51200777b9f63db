#include "pipeline/latent_preview.h"

#include <ATen/Functions.h>

namespace eikona::pipeline {

at::Tensor latent_preview_rgb(const at::Tensor& latents)
{
    // Rows: latent channels; columns: R, G, B. The result is roughly in [-1, 1].
    static const float factors[4][3] = {
        {0.3512F, 0.2297F, 0.3227F},
        {0.3250F, 0.4974F, 0.2350F},
        {-0.2829F, 0.1762F, 0.2721F},
        {-0.2120F, -0.2616F, -0.7177F},
    };
    const auto map = at::from_blob(const_cast<float*>(&factors[0][0]), {4, 3}, at::kFloat);
    // [B, 4, h, w] -> [B, h, w, 4] x [4, 3] -> [B, h, w, 3]
    const auto rgb = at::matmul(latents.detach().to(at::kCPU, at::kFloat).permute({0, 2, 3, 1}), map);
    return rgb.clamp(-1, 1).add(1).mul(127.5).round().to(at::kByte).contiguous();
}

} // namespace eikona::pipeline
