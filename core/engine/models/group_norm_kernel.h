#pragma once
// GroupNorm (and the SiLU after it) over channels-last images, fp32 or bf16, on CPUs with
// AVX-512. Torch-free; the caller splits the pixels between threads and turns the moments
// into each channel's scale and shift. ATen 1.13's channels-last GroupNorm ran at half its
// planar speed, and in bf16 it first needed fp32 copies in and out.

#include <cstdint>

namespace eikona::models::kernels {

/// Whether this CPU runs the kernels (AVX-512F).
bool group_norm_kernel_supported();

enum class Element { F32, BF16 };

/// For pixels [first, last) of `image` ([pixels][channels], channels a multiple of 16), adds
/// to each channel's `sum` the sum of (x - centre[c]) and to `squares` the sum of its squares.
/// Blocks of pixels are summed in fp32, the blocks in double.
void channel_moments(const void* image, Element element, std::int64_t channels, std::int64_t first,
                     std::int64_t last, const float* centre, double* sum, double* squares);

/// A group's mean and 1 / sqrt(variance + eps), from the sum and the sum of squares of
/// (x - centre) over its `count` values: what the centre missed of the mean is added back and
/// the variance is never negative.
struct GroupStatistics {
    double mean;
    double inverse_std;
};
GroupStatistics group_statistics(float centre, double sum, double squares, double count, double eps);

/// out = x * scale[c] + shift[c], then SiLU when `silu`, for pixels [first, last); `out` has
/// the layout and element type of `image` (bf16 rounded to nearest even, NaN kept).
void scale_shift(const void* image, void* out, Element element, std::int64_t channels, const float* scale,
                 const float* shift, bool silu, std::int64_t first, std::int64_t last);

} // namespace eikona::models::kernels
