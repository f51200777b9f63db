#pragma once
// GroupNorm, optionally followed by SiLU, on channels-last CPU images in fp32 or bf16, through
// the AVX-512 kernels in group_norm_kernel.h: statistics in double over fp32 blocks (mean
// first, then the centred squares), the result in the input's element type and layout.

#include <ATen/core/Tensor.h>

namespace eikona::models {

/// Whether group_norm_channels_last takes `x`: a channels-last 4-d CPU tensor in fp32 or bf16,
/// channels a multiple of 16 and of `groups`, on a CPU with AVX-512.
bool group_norm_channels_last_applies(const at::Tensor& x, std::int64_t groups);

at::Tensor group_norm_channels_last(const at::Tensor& x, std::int64_t groups, const at::Tensor& weight,
                                    const at::Tensor& bias, double eps, bool silu);

} // namespace eikona::models
