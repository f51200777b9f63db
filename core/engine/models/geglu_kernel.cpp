#include "models/geglu_kernel.h"

#include "models/avx512_math.h"

#include <algorithm>
#include <cmath>

namespace eikona::models::kernels {
namespace {

// erf(x) = 1 - t (a1 + t (a2 + t (a3 + t (a4 + t a5)))) exp(-x^2), t = 1 / (1 + p x), x >= 0.
constexpr float k_p = 0.3275911f;
constexpr float k_a1 = 0.254829592f, k_a2 = -0.284496736f, k_a3 = 1.421413741f, k_a4 = -1.453152027f,
                k_a5 = 1.061405429f;
constexpr float k_inverse_sqrt2 = 0.70710678118654752f;

EIKONA_AVX512 inline __m512 gelu(__m512 x)
{
    const __m512 z = _mm512_mul_ps(x, _mm512_set1_ps(k_inverse_sqrt2));
    const __m512 magnitude = _mm512_abs_ps(z);
    const __m512 t = _mm512_div_ps(_mm512_set1_ps(1.0f),
                                   _mm512_fmadd_ps(magnitude, _mm512_set1_ps(k_p), _mm512_set1_ps(1.0f)));
    __m512 poly = _mm512_fmadd_ps(_mm512_set1_ps(k_a5), t, _mm512_set1_ps(k_a4));
    poly = _mm512_fmadd_ps(poly, t, _mm512_set1_ps(k_a3));
    poly = _mm512_fmadd_ps(poly, t, _mm512_set1_ps(k_a2));
    poly = _mm512_fmadd_ps(poly, t, _mm512_set1_ps(k_a1));
    poly = _mm512_mul_ps(poly, t);
    const __m512 gaussian =
        exp_nonpositive(_mm512_sub_ps(_mm512_setzero_ps(), _mm512_mul_ps(magnitude, magnitude)));
    const __m512 erf_magnitude = _mm512_fnmadd_ps(poly, gaussian, _mm512_set1_ps(1.0f));
    // erf is odd: give it z's sign back, then 0.5 x (1 + erf).
    const __m512i sign =
        _mm512_and_si512(_mm512_castps_si512(z), _mm512_set1_epi32(static_cast<int>(0x80000000u)));
    const __m512 erf = _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(erf_magnitude), sign));
    return _mm512_mul_ps(_mm512_mul_ps(x, _mm512_set1_ps(0.5f)), _mm512_add_ps(erf, _mm512_set1_ps(1.0f)));
}

EIKONA_AVX512 void geglu_rows_avx512(const float* projected, std::int64_t inner, float* out,
                                     std::int64_t first, std::int64_t last)
{
    for (auto r = first; r < last; ++r) {
        const float* hidden = projected + r * 2 * inner;
        const float* gate = hidden + inner;
        float* row = out + r * inner;
        for (std::int64_t c = 0; c < inner; c += 16) {
            const auto left = inner - c;
            const __mmask16 mask =
                left >= 16 ? static_cast<__mmask16>(0xFFFF) : static_cast<__mmask16>((1u << left) - 1u);
            const __m512 g = gelu(_mm512_maskz_loadu_ps(mask, gate + c));
            _mm512_mask_storeu_ps(row + c, mask, _mm512_mul_ps(_mm512_maskz_loadu_ps(mask, hidden + c), g));
        }
    }
}

EIKONA_AVX512 inline __m512 load(const std::uint16_t* bf16)
{
    return widen_bf16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(bf16)));
}

// Rows of bf16: whole vectors, then the last few through a zero-padded one.
EIKONA_AVX512 void geglu_rows_bf16_avx512(const std::uint16_t* projected, std::int64_t inner,
                                          std::uint16_t* out, std::int64_t first, std::int64_t last)
{
    for (auto r = first; r < last; ++r) {
        const std::uint16_t* hidden = projected + r * 2 * inner;
        const std::uint16_t* gate = hidden + inner;
        std::uint16_t* row = out + r * inner;
        std::int64_t c = 0;
        for (; c + 16 <= inner; c += 16)
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(row + c),
                                round_to_bf16(_mm512_mul_ps(load(hidden + c), gelu(load(gate + c)))));
        if (c < inner) {
            alignas(32) std::uint16_t hidden_tail[16] = {}, gate_tail[16] = {}, result[16];
            std::copy(hidden + c, hidden + inner, hidden_tail);
            std::copy(gate + c, gate + inner, gate_tail);
            _mm256_store_si256(reinterpret_cast<__m256i*>(result),
                               round_to_bf16(_mm512_mul_ps(load(hidden_tail), gelu(load(gate_tail)))));
            std::copy(result, result + (inner - c), row + c);
        }
    }
}

} // namespace

bool geglu_kernel_supported()
{
    static const bool supported = __builtin_cpu_supports("avx512f");
    return supported;
}

void geglu_rows(const float* projected, std::int64_t inner, float* out, std::int64_t first, std::int64_t last)
{
    geglu_rows_avx512(projected, inner, out, first, last);
}

void geglu_rows_bf16(const std::uint16_t* projected, std::int64_t inner, std::uint16_t* out,
                     std::int64_t first, std::int64_t last)
{
    geglu_rows_bf16_avx512(projected, inner, out, first, last);
}

} // namespace eikona::models::kernels
