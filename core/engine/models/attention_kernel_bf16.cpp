// The bf16 twin of attention_kernel.cpp (read that first): the same tasks, tiles and online
// softmax, with both products made by vdpbf16ps. It multiplies pairs of bf16 along the summed
// dimension, so the operands are laid out in pairs: the queries as (channel c, c+1) pairs per
// lane, keys broadcast as a pair of channels; for the second product the softmax numerators as
// (key j, j+1) pairs per lane and the values, packed once per head before the tasks run, as pairs of
// keys per channel (packed per task, they cost a third of the kernel's time at the 64x64 level).

#include "models/attention_kernel.h"

#include "models/avx512_math.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

#define EIKONA_AVX512_BF16 __attribute__((target("avx512f,avx512bw,avx512bf16,fma")))

namespace eikona::models::kernels {
namespace {

constexpr std::int64_t k_lanes = 64;
constexpr int k_vectors = static_cast<int>(k_lanes / 16);
constexpr std::int64_t k_key_tile = 128; // even: keys pair up within a tile
constexpr std::int64_t k_pair_tile = k_key_tile / 2;
static_assert(k_key_tile % 2 == 0, "a tile starts on a pair of keys");
constexpr int k_score_keys = 6;

struct Scratch {
    std::vector<std::uint32_t> queries; // [d/2][lanes]: (c, c+1) bf16 pairs
    std::vector<float> scores;          // [k_key_tile][lanes], then the softmax numerators
    std::vector<std::uint32_t> weights; // [k_pair_tile][lanes]: (j, j+1) numerator pairs
    std::vector<float> output;          // [d][lanes], unnormalised
};

Scratch& scratch()
{
    thread_local Scratch buffers;
    return buffers;
}

inline std::uint32_t pair_at(const std::uint16_t* p)
{
    std::uint32_t pair;
    std::memcpy(&pair, p, sizeof pair);
    return pair;
}

// fp32 -> bf16, rounded to nearest even (the values here are finite).
inline std::uint16_t to_bf16(float value)
{
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    bits += 0x7FFFu + ((bits >> 16) & 1u);
    return static_cast<std::uint16_t>(bits >> 16);
}

template <int Keys>
EIKONA_AVX512_BF16 inline void score_keys(const std::uint32_t* queries, const std::uint16_t* k,
                                          std::int64_t k_row, std::int64_t pairs, __m512 scale, float* scores,
                                          __m512* maximum)
{
    __m512 acc[Keys][k_vectors];
#pragma GCC unroll 8
    for (int r = 0; r < Keys; ++r)
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            acc[r][w] = _mm512_setzero_ps();
    for (std::int64_t c = 0; c < pairs; ++c) {
        __m512i lanes[k_vectors];
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            lanes[w] = _mm512_loadu_si512(queries + c * k_lanes + 16 * w);
#pragma GCC unroll 8
        for (int r = 0; r < Keys; ++r) {
            const __m512i key = _mm512_set1_epi32(static_cast<int>(pair_at(k + r * k_row + 2 * c)));
#pragma GCC unroll 4
            for (int w = 0; w < k_vectors; ++w)
                acc[r][w] = _mm512_dpbf16_ps(acc[r][w], (__m512bh)key, (__m512bh)lanes[w]);
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < Keys; ++r)
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w) {
            const __m512 score = _mm512_mul_ps(acc[r][w], scale);
            _mm512_storeu_ps(scores + r * k_lanes + 16 * w, score);
            maximum[w] = _mm512_max_ps(maximum[w], score);
        }
}

EIKONA_AVX512_BF16 void score_tile(const std::uint32_t* queries, const std::uint16_t* k, std::int64_t k_row,
                                   std::int64_t pairs, std::int64_t keys, __m512 scale, float* scores,
                                   __m512* maximum)
{
    std::int64_t j = 0;
    for (; j + k_score_keys <= keys; j += k_score_keys)
        score_keys<k_score_keys>(queries, k + j * k_row, k_row, pairs, scale, scores + j * k_lanes, maximum);
    const std::uint16_t* rest = k + j * k_row;
    float* rest_scores = scores + j * k_lanes;
    switch (keys - j) {
    case 5:
        score_keys<5>(queries, rest, k_row, pairs, scale, rest_scores, maximum);
        break;
    case 4:
        score_keys<4>(queries, rest, k_row, pairs, scale, rest_scores, maximum);
        break;
    case 3:
        score_keys<3>(queries, rest, k_row, pairs, scale, rest_scores, maximum);
        break;
    case 2:
        score_keys<2>(queries, rest, k_row, pairs, scale, rest_scores, maximum);
        break;
    case 1:
        score_keys<1>(queries, rest, k_row, pairs, scale, rest_scores, maximum);
        break;
    default:
        break;
    }
}

// exp(x) for x <= 0 to about 4e-5 (2^f by its Taylor series to f^4 on [-1/2, 1/2]): the
// numerators are rounded to bf16 (2e-3) on their way into the product, so the fp32 kernel's
// 1e-7 polynomial would be spent for nothing; three fewer operations per 16 scores.
EIKONA_AVX512_BF16 inline __m512 exp_coarse(__m512 x)
{
    const __m512 t =
        _mm512_mul_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.0f)), _mm512_set1_ps(1.44269504088896341f));
    const __m512 n = _mm512_roundscale_ps(t, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 f = _mm512_sub_ps(t, n);
    __m512 p = _mm512_set1_ps(9.6181291e-3f);
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(5.5504109e-2f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(2.4022651e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(6.9314718e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.0f));
    return _mm512_scalef_ps(p, n);
}

EIKONA_AVX512_BF16 inline __m512 numerator(const float* score, __m512 maximum, __m512& sum)
{
    const __m512 e = exp_coarse(_mm512_sub_ps(_mm512_loadu_ps(score), maximum));
    sum = _mm512_add_ps(sum, e);
    return e;
}

// The online softmax as in the fp32 kernel; the numerators then leave as bf16 pairs of keys
// (a missing last key of an odd tile pairs with a zero).
EIKONA_AVX512_BF16 void softmax_tile(float* scores, std::int64_t keys, std::int64_t d, bool first_tile,
                                     const __m512* maximum, __m512* running_max, __m512* running_sum,
                                     float* output, std::uint32_t* weights)
{
    __m512 factor[k_vectors];
    for (int w = 0; w < k_vectors; ++w) {
        factor[w] =
            first_tile ? _mm512_setzero_ps() : exp_nonpositive(_mm512_sub_ps(running_max[w], maximum[w]));
        running_max[w] = maximum[w];
        running_sum[w] = _mm512_mul_ps(running_sum[w], factor[w]);
    }
    if (!first_tile)
        for (std::int64_t c = 0; c < d; ++c)
            for (int w = 0; w < k_vectors; ++w) {
                float* out = output + c * k_lanes + 16 * w;
                _mm512_storeu_ps(out, _mm512_mul_ps(_mm512_loadu_ps(out), factor[w]));
            }
    // dst[2i] = first[i], dst[2i + 1] = second[i]: cvtne2ps puts `second` in the upper half.
    alignas(64) std::uint16_t interleave[32];
    for (int i = 0; i < 16; ++i) {
        interleave[2 * i] = static_cast<std::uint16_t>(i);
        interleave[2 * i + 1] = static_cast<std::uint16_t>(16 + i);
    }
    const __m512i order = _mm512_load_si512(interleave);
    for (std::int64_t j = 0; j < keys; j += 2)
        for (int w = 0; w < k_vectors; ++w) {
            const __m512 first = numerator(scores + j * k_lanes + 16 * w, maximum[w], running_sum[w]);
            const __m512 second =
                j + 1 < keys ? numerator(scores + (j + 1) * k_lanes + 16 * w, maximum[w], running_sum[w])
                             : _mm512_setzero_ps();
            const __m512i halves = (__m512i)_mm512_cvtne2ps_pbh(second, first);
            _mm512_storeu_si512(weights + (j / 2) * k_lanes + 16 * w,
                                _mm512_permutexvar_epi16(order, halves));
        }
}

// `values`: the tile's value pairs of channel 0; channel c's are `channel` further on.
template <int Channels>
EIKONA_AVX512_BF16 inline void accumulate_channels(const std::uint32_t* weights, const std::uint32_t* values,
                                                   std::int64_t channel, std::int64_t pairs, float* output)
{
    __m512 acc[Channels][k_vectors];
#pragma GCC unroll 8
    for (int c = 0; c < Channels; ++c)
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            acc[c][w] = _mm512_loadu_ps(output + c * k_lanes + 16 * w);
    for (std::int64_t j = 0; j < pairs; ++j) {
        __m512i lanes[k_vectors];
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            lanes[w] = _mm512_loadu_si512(weights + j * k_lanes + 16 * w);
#pragma GCC unroll 8
        for (int c = 0; c < Channels; ++c) {
            const __m512i value = _mm512_set1_epi32(static_cast<int>(values[c * channel + j]));
#pragma GCC unroll 4
            for (int w = 0; w < k_vectors; ++w)
                acc[c][w] = _mm512_dpbf16_ps(acc[c][w], (__m512bh)value, (__m512bh)lanes[w]);
        }
    }
#pragma GCC unroll 8
    for (int c = 0; c < Channels; ++c)
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            _mm512_storeu_ps(output + c * k_lanes + 16 * w, acc[c][w]);
}

EIKONA_AVX512_BF16 void accumulate_values(const std::uint32_t* weights, const std::uint32_t* values,
                                          std::int64_t channel, std::int64_t d, std::int64_t pairs,
                                          float* output)
{
    std::int64_t c = 0;
    if (d % 5 == 0) {
        for (; c < d; c += 5)
            accumulate_channels<5>(weights, values + c * channel, channel, pairs, output + c * k_lanes);
        return;
    }
    for (; c + 6 <= d; c += 6)
        accumulate_channels<6>(weights, values + c * channel, channel, pairs, output + c * k_lanes);
    for (; c < d; ++c)
        accumulate_channels<1>(weights, values + c * channel, channel, pairs, output + c * k_lanes);
}

EIKONA_AVX512_BF16 void run_task(const AttentionProblemBf16& p, std::int64_t task)
{
    const auto blocks = (p.lq + k_lanes - 1) / k_lanes;
    const auto batch_head = task / blocks;
    const auto b = batch_head / p.heads;
    const auto h = batch_head % p.heads;
    const auto first_row = (task % blocks) * k_lanes;
    const auto rows = std::min(k_lanes, p.lq - first_row);
    const auto d = p.d;
    const auto pairs = d / 2;

    auto& buffers = scratch();
    buffers.queries.assign(static_cast<std::size_t>(pairs * k_lanes), 0u);
    buffers.scores.resize(static_cast<std::size_t>(k_key_tile * k_lanes));
    buffers.weights.resize(static_cast<std::size_t>(k_pair_tile * k_lanes));
    buffers.output.assign(static_cast<std::size_t>(d * k_lanes), 0.0f);
    std::uint32_t* queries = buffers.queries.data();
    float* scores = buffers.scores.data();
    std::uint32_t* weights = buffers.weights.data();
    float* output = buffers.output.data();

    const std::uint16_t* q = p.q + b * p.q_strides.batch + h * p.q_strides.head + first_row * p.q_strides.row;
    for (std::int64_t i = 0; i < rows; ++i)
        for (std::int64_t c = 0; c < pairs; ++c)
            queries[c * k_lanes + i] = pair_at(q + i * p.q_strides.row + 2 * c);
    const std::uint16_t* k = p.k + b * p.k_strides.batch + h * p.k_strides.head;
    const auto channel = (p.lk + 1) / 2; // value pairs per channel
    const std::uint32_t* values = p.v_pairs + batch_head * d * channel;
    const __m512 scale = _mm512_set1_ps(p.scale);

    __m512 running_max[k_vectors];
    __m512 running_sum[k_vectors];
    for (int w = 0; w < k_vectors; ++w) {
        running_max[w] = _mm512_set1_ps(-std::numeric_limits<float>::infinity());
        running_sum[w] = _mm512_setzero_ps();
    }
    for (std::int64_t k0 = 0; k0 < p.lk; k0 += k_key_tile) {
        const auto keys = std::min(k_key_tile, p.lk - k0);
        __m512 maximum[k_vectors];
        for (int w = 0; w < k_vectors; ++w)
            maximum[w] = running_max[w];
        score_tile(queries, k + k0 * p.k_strides.row, p.k_strides.row, pairs, keys, scale, scores, maximum);
        softmax_tile(scores, keys, d, k0 == 0, maximum, running_max, running_sum, output, weights);
        accumulate_values(weights, values + k0 / 2, channel, d, (keys + 1) / 2, output);
    }

    alignas(64) float inverse[k_lanes];
    for (int w = 0; w < k_vectors; ++w)
        _mm512_store_ps(inverse + 16 * w, _mm512_div_ps(_mm512_set1_ps(1.0f), running_sum[w]));
    const auto out_width = p.heads * d;
    for (std::int64_t i = 0; i < rows; ++i) {
        std::uint16_t* out = p.out + (b * p.lq + first_row + i) * out_width + h * d;
        for (std::int64_t c = 0; c < d; ++c)
            out[c] = to_bf16(output[c * k_lanes + i] * inverse[i]);
    }
}

} // namespace

bool attention_kernel_bf16_supported()
{
    static const bool supported = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                                  __builtin_cpu_supports("avx512bf16");
    return supported;
}

std::int64_t value_pairs_size(const AttentionProblemBf16& problem)
{
    return problem.batch * problem.heads * problem.d * ((problem.lk + 1) / 2);
}

// pairs[c][j/2] = (v[j][c], v[j+1][c]); an odd last key pairs with a zero.
void pack_value_pairs(const AttentionProblemBf16& p, std::int64_t batch_head, std::uint32_t* pairs)
{
    const auto b = batch_head / p.heads;
    const auto h = batch_head % p.heads;
    const auto channel = (p.lk + 1) / 2;
    const std::uint16_t* v = p.v + b * p.v_strides.batch + h * p.v_strides.head;
    std::uint32_t* out = pairs + batch_head * p.d * channel;
    for (std::int64_t j = 0; j < p.lk; j += 2) {
        const std::uint16_t* first = v + j * p.v_strides.row;
        const std::uint16_t* second = j + 1 < p.lk ? first + p.v_strides.row : nullptr;
        for (std::int64_t c = 0; c < p.d; ++c)
            out[c * channel + j / 2] = first[c] | (second ? static_cast<std::uint32_t>(second[c]) << 16 : 0u);
    }
}

std::int64_t attention_task_count(const AttentionProblemBf16& problem)
{
    return problem.batch * problem.heads * ((problem.lq + k_lanes - 1) / k_lanes);
}

void run_attention_task(const AttentionProblemBf16& problem, std::int64_t task)
{
    run_task(problem, task);
}

} // namespace eikona::models::kernels
