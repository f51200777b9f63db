#include "pipeline/vae_decode.h"

#include "pipeline/pipeline_error.h"

#include <ATen/Functions.h>

#include <algorithm>
#include <vector>

namespace eikona::pipeline {

namespace {

// Blends the first `extent` rows (dim 2) or columns (dim 3) of `tile` with the last ones of
// `before`, fading linearly from `before` to `tile`.
void blend_edge(at::Tensor& tile, const at::Tensor& before, std::int64_t dim, std::int64_t extent)
{
    extent = std::min({extent, tile.size(dim), before.size(dim)});
    if (extent <= 0)
        return;
    std::vector<std::int64_t> shape(4, 1);
    shape[static_cast<std::size_t>(dim)] = extent;
    const auto weight = (at::arange(extent, tile.options()) / static_cast<double>(extent)).view(shape);
    const auto head = tile.narrow(dim, 0, extent);
    const auto tail = before.narrow(dim, before.size(dim) - extent, extent);
    head.copy_(tail * (1 - weight) + head * weight);
}

at::Tensor decode_tiled(models::AutoencoderKL& vae, const at::Tensor& latents,
                        const VaeDecodeOptions& options)
{
    const auto tile = options.tile_latents;
    const auto stride = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(static_cast<double>(tile) * (1 - options.overlap)));
    const auto scale = 8;
    // Each tile keeps the pixels of its own stride; what it has beyond that blends into the next.
    const auto keep = stride * scale;
    const auto blend = tile * scale - keep;
    const auto h = latents.size(2);
    const auto w = latents.size(3);

    std::vector<std::vector<at::Tensor>> rows;
    for (std::int64_t y = 0; y < h; y += stride) {
        auto& row = rows.emplace_back();
        for (std::int64_t x = 0; x < w; x += stride) {
            row.push_back(vae->decode(latents.slice(2, y, y + tile).slice(3, x, x + tile)).to(at::kFloat));
            if (x + tile >= w)
                break;
        }
        if (y + tile >= h)
            break;
    }
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            if (r > 0)
                blend_edge(rows[r][c], rows[r - 1][c], 2, blend);
            if (c > 0)
                blend_edge(rows[r][c], rows[r][c - 1], 3, blend);
        }
    // The last tile of a row or column reaches the edge and keeps all it has.
    std::vector<at::Tensor> stripes;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto height = r + 1 < rows.size() ? keep : rows[r].front().size(2);
        std::vector<at::Tensor> kept;
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const auto width = c + 1 < rows[r].size() ? keep : rows[r][c].size(3);
            kept.push_back(rows[r][c].slice(2, 0, height).slice(3, 0, width));
        }
        stripes.push_back(at::cat(kept, 3));
    }
    return at::cat(stripes, 2);
}

bool wants_tiles(const at::Tensor& latents, const VaeDecodeOptions& options)
{
    switch (options.tiling) {
    case VaeDecodeOptions::Tiling::Always:
        return true;
    case VaeDecodeOptions::Tiling::Never:
        return false;
    case VaeDecodeOptions::Tiling::Auto:
        break;
    }
    return std::max(latents.size(2), latents.size(3)) * 8 > options.auto_above_pixels;
}

} // namespace

at::Tensor decode_latents(models::AutoencoderKL& vae, const at::Tensor& latents,
                          const VaeDecodeOptions& options, const std::function<void(const std::string&)>& log,
                          VaeDecodeReport* report)
{
    const auto tiled = wants_tiles(latents, options);
    const auto decode = [&] {
        const auto& weight = vae->post_quant_conv->bias; // the compute dtype (a weight may be its file's)
        const auto scaled = (latents / vae->scaling_factor()).to(weight.device(), weight.scalar_type());
        return tiled ? decode_tiled(vae, scaled, options) : vae->decode(scaled).to(at::kFloat);
    };
    const auto finite = [](const at::Tensor& image) { return image.isfinite().all().item<bool>(); };
    auto decoded = decode();
    bool redone = false;
    if (vae->post_quant_conv->bias.scalar_type() != at::kFloat && !finite(decoded)) {
        if (log)
            log("the VAE decode in reduced precision overflowed (NaN/Inf); decoding again in fp32");
        vae->to(at::kFloat);
        decoded = decode();
        redone = true;
    }
    if (report)
        *report = {tiled, redone};
    if (!finite(decoded))
        throw PipelineError(
            "the VAE decode produced NaN/Inf values even in fp32: the latents or the VAE weights are broken");
    return (decoded / 2 + 0.5).clamp(0, 1).permute({0, 2, 3, 1}).contiguous();
}

} // namespace eikona::pipeline
