#pragma once
// An img2img init image brought to the requested size: scaled to cover it and centre-cropped
// (proportions kept, like A1111's "crop and resize"), with an antialiased bicubic filter.

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace eikona::pipeline {

/// `image` [1, 3, h, w] float in [-1, 1] → [1, 3, height, width]; returned as is (no
/// resampling) when it already has that size.
at::Tensor fit_init_image(const at::Tensor& image, std::int64_t width, std::int64_t height);

} // namespace eikona::pipeline
