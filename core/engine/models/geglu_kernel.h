#pragma once
// GEGLU's gate, hidden * GELU(gate) with the exact (erf) GELU, in one pass over the projection
// for fp32 or bf16 on CPUs with AVX-512. Torch-free; the caller splits the rows between threads.
// ATen's own gelu and mul took about 0.2 s of a 512x512 UNet step on this machine (in bf16
// too, where its erf ran on 8 lanes).

#include <cstdint>

namespace eikona::models::kernels {

/// Whether this CPU runs the kernel (AVX-512F).
bool geglu_kernel_supported();

/// out[r][c] = projected[r][c] * gelu(projected[r][inner + c]) for rows [first, last):
/// `projected` is [rows][2 * inner] (hidden half, then gate half), `out` is [rows][inner].
/// erf is A&S 7.1.26 (absolute error below 1.5e-7).
void geglu_rows(const float* projected, std::int64_t inner, float* out, std::int64_t first,
                std::int64_t last);

/// The same on bf16 values (their bits): computed in fp32, each result rounded once to
/// nearest even (ATen rounds the GELU and then the product).
void geglu_rows_bf16(const std::uint16_t* projected, std::int64_t inner, std::uint16_t* out,
                     std::int64_t first, std::int64_t last);

} // namespace eikona::models::kernels
