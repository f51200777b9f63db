#pragma once
// Vector maths shared by the AVX-512 kernels. Functions carry their own target attribute, so
// this compiles without -mavx512f and runs only where the caller has checked the CPU.

// GCC 12 reports the deliberately undefined vectors inside AVX-512 intrinsics as "may be used
// uninitialized" once they are inlined into a kernel.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include <immintrin.h>

#define EIKONA_AVX512 __attribute__((target("avx512f,fma")))

namespace eikona::models::kernels {

// exp(x) for x <= 0 (scores minus their maximum, -x^2): Cephes' expf polynomial after the usual range
// reduction, relative error about 1e-7. Arguments below -87 give exp(-87) = 1.6e-38, close to the
// smallest normal float, rather than 0 or a denormal: a denormal in later products would
// cost a microcode assist per multiply-add.
EIKONA_AVX512 inline __m512 exp_nonpositive(__m512 x)
{
    x = _mm512_max_ps(x, _mm512_set1_ps(-87.0f));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_fmadd_ps(p, _mm512_mul_ps(r, r), _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
    return _mm512_scalef_ps(p, n);
}

// 16 bf16 values (their bits) widened to fp32, exactly.
EIKONA_AVX512 inline __m512 widen_bf16(__m256i bits)
{
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(bits), 16));
}

// fp32 to bf16 bits, rounded to nearest even as ATen's conversion does; a NaN stays a (quiet) NaN.
EIKONA_AVX512 inline __m256i round_to_bf16(__m512 value)
{
    const __m512i bits = _mm512_castps_si512(value);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(bits, 16), _mm512_set1_epi32(1));
    __m512i rounded =
        _mm512_srli_epi32(_mm512_add_epi32(bits, _mm512_add_epi32(odd, _mm512_set1_epi32(0x7FFF))), 16);
    const __mmask16 nan = _mm512_cmp_ps_mask(value, value, _CMP_UNORD_Q);
    rounded = _mm512_mask_mov_epi32(rounded, nan, _mm512_set1_epi32(0x7FC0));
    return _mm512_cvtepi32_epi16(rounded);
}

} // namespace eikona::models::kernels
