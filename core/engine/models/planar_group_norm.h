#pragma once
// GroupNorm, optionally followed by SiLU, on planar (NCHW) CPU images in fp32 or bf16, through
// the AVX-512 kernels in group_norm_kernel.h: each channel's pixels read as rows of 16, the
// statistics in double over fp32 blocks (the group's mean first, then the squares about it),
// the result in the input's element type. In one pass each for the moments and the output,
// where ATen's bf16 path needed fp32 copies in and out and a separate SiLU (the UNet's
// normalisations took 0.2 s of a bf16 step).

#include <ATen/core/Tensor.h>

namespace eikona::models {

/// Whether group_norm_planar takes `x`: a contiguous 4-d CPU tensor in fp32 or bf16, channels a
/// multiple of `groups`, pixels per channel a multiple of 16, on a CPU with AVX-512.
bool group_norm_planar_applies(const at::Tensor& x, std::int64_t groups);

at::Tensor group_norm_planar(const at::Tensor& x, std::int64_t groups, const at::Tensor& weight,
                             const at::Tensor& bias, double eps, bool silu);

} // namespace eikona::models
