#include "models/group_norm_kernel.h"

#include "models/avx512_math.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace eikona::models::kernels {
namespace {

// Pixels summed in fp32 before the block's sums go to double: short enough that fp32 keeps
// about 7 digits of each block's sum.
constexpr std::int64_t k_block_pixels = 64;

EIKONA_AVX512 inline __m512 load(const void* row, Element element, std::int64_t c)
{
    if (element == Element::F32)
        return _mm512_loadu_ps(static_cast<const float*>(row) + c);
    const auto* half = static_cast<const std::uint16_t*>(row) + c;
    return widen_bf16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(half)));
}

EIKONA_AVX512 inline void store(void* row, Element element, std::int64_t c, __m512 value)
{
    if (element == Element::F32) {
        _mm512_storeu_ps(static_cast<float*>(row) + c, value);
        return;
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(static_cast<std::uint16_t*>(row) + c),
                        round_to_bf16(value));
}

// x * sigmoid(x), with exp taken of -|x| only (no overflow).
EIKONA_AVX512 inline __m512 silu(__m512 x)
{
    const __m512 one = _mm512_set1_ps(1.0f);
    const __m512 e = exp_nonpositive(_mm512_sub_ps(_mm512_setzero_ps(), _mm512_abs_ps(x)));
    const __m512 denominator = _mm512_add_ps(one, e);
    const __mmask16 negative = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_LT_OQ);
    const __m512 numerator = _mm512_mask_mov_ps(one, negative, e);
    return _mm512_mul_ps(x, _mm512_div_ps(numerator, denominator));
}

std::size_t element_size(Element element)
{
    return element == Element::F32 ? sizeof(float) : sizeof(std::uint16_t);
}

EIKONA_AVX512 void channel_moments_avx512(const void* image, Element element, std::int64_t channels,
                                          std::int64_t first, std::int64_t last, const float* centre,
                                          double* sum, double* squares)
{
    std::vector<float> block_sum(static_cast<std::size_t>(channels));
    std::vector<float> block_squares(static_cast<std::size_t>(channels));
    const auto row_bytes = static_cast<std::size_t>(channels) * element_size(element);
    for (auto block = first; block < last; block += k_block_pixels) {
        const auto end = std::min(last, block + k_block_pixels);
        for (std::int64_t c = 0; c < channels; c += 16) {
            const __m512 mid = _mm512_loadu_ps(centre + c);
            __m512 s = _mm512_setzero_ps();
            __m512 q = _mm512_setzero_ps();
            for (auto p = block; p < end; ++p) {
                const void* row = static_cast<const char*>(image) + static_cast<std::size_t>(p) * row_bytes;
                const __m512 d = _mm512_sub_ps(load(row, element, c), mid);
                s = _mm512_add_ps(s, d);
                q = _mm512_fmadd_ps(d, d, q);
            }
            _mm512_storeu_ps(block_sum.data() + c, s);
            _mm512_storeu_ps(block_squares.data() + c, q);
        }
        for (std::int64_t c = 0; c < channels; ++c) {
            sum[c] += block_sum[static_cast<std::size_t>(c)];
            squares[c] += block_squares[static_cast<std::size_t>(c)];
        }
    }
}

EIKONA_AVX512 void scale_shift_avx512(const void* image, void* out, Element element, std::int64_t channels,
                                      const float* scale, const float* shift, bool with_silu,
                                      std::int64_t first, std::int64_t last)
{
    const auto row_bytes = static_cast<std::size_t>(channels) * element_size(element);
    for (auto p = first; p < last; ++p) {
        const auto offset = static_cast<std::size_t>(p) * row_bytes;
        const void* row = static_cast<const char*>(image) + offset;
        void* target = static_cast<char*>(out) + offset;
        for (std::int64_t c = 0; c < channels; c += 16) {
            __m512 y = _mm512_fmadd_ps(load(row, element, c), _mm512_loadu_ps(scale + c),
                                       _mm512_loadu_ps(shift + c));
            if (with_silu)
                y = silu(y);
            store(target, element, c, y);
        }
    }
}

} // namespace

bool group_norm_kernel_supported()
{
    static const bool supported = __builtin_cpu_supports("avx512f");
    return supported;
}

void channel_moments(const void* image, Element element, std::int64_t channels, std::int64_t first,
                     std::int64_t last, const float* centre, double* sum, double* squares)
{
    channel_moments_avx512(image, element, channels, first, last, centre, sum, squares);
}

GroupStatistics group_statistics(float centre, double sum, double squares, double count, double eps)
{
    const double offset = sum / count; // what the float centre missed of the mean
    const double variance = std::max(0.0, squares / count - offset * offset);
    return {centre + offset, 1.0 / std::sqrt(variance + eps)};
}

void scale_shift(const void* image, void* out, Element element, std::int64_t channels, const float* scale,
                 const float* shift, bool silu, std::int64_t first, std::int64_t last)
{
    scale_shift_avx512(image, out, element, channels, scale, shift, silu, first, last);
}

} // namespace eikona::models::kernels
