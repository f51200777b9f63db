#include "pipeline/init_image.h"

#include "pipeline/pipeline_error.h"

#include <ATen/Functions.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace eikona::pipeline {

at::Tensor fit_init_image(const at::Tensor& image, std::int64_t width, std::int64_t height)
{
    if (image.dim() != 4 || image.size(0) != 1 || image.size(1) != 3 || image.size(2) < 1 ||
        image.size(3) < 1)
        throw PipelineError("the init image must be one RGB picture ([1, 3, H, W])");
    const auto source_height = image.size(2);
    const auto source_width = image.size(3);
    if (source_height == height && source_width == width)
        return image;
    const double scale = std::max(static_cast<double>(width) / static_cast<double>(source_width),
                                  static_cast<double>(height) / static_cast<double>(source_height));
    const auto scaled_width =
        std::max(width, static_cast<std::int64_t>(std::lround(static_cast<double>(source_width) * scale)));
    const auto scaled_height =
        std::max(height, static_cast<std::int64_t>(std::lround(static_cast<double>(source_height) * scale)));
    const auto scaled =
        at::_upsample_bicubic2d_aa(image.to(at::kFloat), {scaled_height, scaled_width}, false);
    const auto top = (scaled_height - height) / 2;
    const auto left = (scaled_width - width) / 2;
    return scaled.slice(2, top, top + height).slice(3, left, left + width).clamp(-1, 1).contiguous();
}

} // namespace eikona::pipeline
