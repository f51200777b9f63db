#include "models/attention_kernel.h"

#include "models/avx512_math.h"

#include <immintrin.h>

#include <algorithm>
#include <limits>
#include <vector>

namespace eikona::models::kernels {
namespace {

constexpr std::int64_t k_lanes = 64; // queries per task, along the lanes of four vectors
constexpr int k_vectors = static_cast<int>(k_lanes / 16);
constexpr std::int64_t k_key_tile = 128; // keys per tile: its scores (32 KB) stay in L1
constexpr int k_score_keys = 6;          // keys per register tile of scores (24 accumulators)

struct Scratch {
    std::vector<float> queries; // [d][lanes], scaled
    std::vector<float> scores;  // [k_key_tile][lanes], then the softmax numerators
    std::vector<float> output;  // [d][lanes], unnormalised
};

Scratch& scratch()
{
    thread_local Scratch buffers;
    return buffers;
}

// scores[r][lanes] = sum_c k[r][c] * queries[c][lanes] for Keys keys, and the lanes' running
// maximum. The queries (d x 64) stay in L1 while every key passes over them.
template <int Keys>
EIKONA_AVX512 inline void score_keys(const float* queries, const float* k, std::int64_t k_row, std::int64_t d,
                                     float* scores, __m512* maximum)
{
    __m512 acc[Keys][k_vectors];
#pragma GCC unroll 8
    for (int r = 0; r < Keys; ++r)
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            acc[r][w] = _mm512_setzero_ps();
    for (std::int64_t c = 0; c < d; ++c) {
        __m512 lanes[k_vectors];
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            lanes[w] = _mm512_loadu_ps(queries + c * k_lanes + 16 * w);
#pragma GCC unroll 8
        for (int r = 0; r < Keys; ++r) {
            const __m512 key = _mm512_set1_ps(k[r * k_row + c]);
#pragma GCC unroll 4
            for (int w = 0; w < k_vectors; ++w)
                acc[r][w] = _mm512_fmadd_ps(key, lanes[w], acc[r][w]);
        }
    }
#pragma GCC unroll 8
    for (int r = 0; r < Keys; ++r)
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w) {
            _mm512_storeu_ps(scores + r * k_lanes + 16 * w, acc[r][w]);
            maximum[w] = _mm512_max_ps(maximum[w], acc[r][w]);
        }
}

EIKONA_AVX512 void score_tile(const float* queries, const float* k, std::int64_t k_row, std::int64_t d,
                              std::int64_t keys, float* scores, __m512* maximum)
{
    std::int64_t j = 0;
    for (; j + k_score_keys <= keys; j += k_score_keys)
        score_keys<k_score_keys>(queries, k + j * k_row, k_row, d, scores + j * k_lanes, maximum);
    const float* rest = k + j * k_row;
    float* rest_scores = scores + j * k_lanes;
    switch (keys - j) {
    case 5:
        score_keys<5>(queries, rest, k_row, d, rest_scores, maximum);
        break;
    case 4:
        score_keys<4>(queries, rest, k_row, d, rest_scores, maximum);
        break;
    case 3:
        score_keys<3>(queries, rest, k_row, d, rest_scores, maximum);
        break;
    case 2:
        score_keys<2>(queries, rest, k_row, d, rest_scores, maximum);
        break;
    case 1:
        score_keys<1>(queries, rest, k_row, d, rest_scores, maximum);
        break;
    default:
        break;
    }
}

// output[c][lanes] += sum_j v[j][c] * p[j][lanes] for Channels channels.
template <int Channels>
EIKONA_AVX512 inline void accumulate_channels(const float* p, const float* v, std::int64_t v_row,
                                              std::int64_t keys, float* output)
{
    __m512 acc[Channels][k_vectors];
#pragma GCC unroll 8
    for (int c = 0; c < Channels; ++c)
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            acc[c][w] = _mm512_loadu_ps(output + c * k_lanes + 16 * w);
    for (std::int64_t j = 0; j < keys; ++j) {
        __m512 weights[k_vectors];
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            weights[w] = _mm512_loadu_ps(p + j * k_lanes + 16 * w);
#pragma GCC unroll 8
        for (int c = 0; c < Channels; ++c) {
            const __m512 value = _mm512_set1_ps(v[j * v_row + c]);
#pragma GCC unroll 4
            for (int w = 0; w < k_vectors; ++w)
                acc[c][w] = _mm512_fmadd_ps(value, weights[w], acc[c][w]);
        }
    }
#pragma GCC unroll 8
    for (int c = 0; c < Channels; ++c)
#pragma GCC unroll 4
        for (int w = 0; w < k_vectors; ++w)
            _mm512_storeu_ps(output + c * k_lanes + 16 * w, acc[c][w]);
}

// Channels go five or six at a time (20 or 24 accumulators) when the head size allows: 40, 80
// and 160 are multiples of five, so nothing is wasted on SD 1.5's heads.
EIKONA_AVX512 void accumulate_values(const float* p, const float* v, std::int64_t v_row, std::int64_t d,
                                     std::int64_t keys, float* output)
{
    std::int64_t c = 0;
    if (d % 5 == 0) {
        for (; c < d; c += 5)
            accumulate_channels<5>(p, v + c, v_row, keys, output + c * k_lanes);
        return;
    }
    for (; c + 6 <= d; c += 6)
        accumulate_channels<6>(p, v + c, v_row, keys, output + c * k_lanes);
    for (; c < d; ++c)
        accumulate_channels<1>(p, v + c, v_row, keys, output + c * k_lanes);
}

// The online softmax for one tile: the lanes' new maximum is already in `maximum`; what was
// accumulated so far is rescaled to it, and the scores become exp(score - maximum).
EIKONA_AVX512 void softmax_tile(float* scores, std::int64_t keys, std::int64_t d, bool first_tile,
                                const __m512* maximum, __m512* running_max, __m512* running_sum,
                                float* output)
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
    for (std::int64_t j = 0; j < keys; ++j)
        for (int w = 0; w < k_vectors; ++w) {
            float* score = scores + j * k_lanes + 16 * w;
            const __m512 e = exp_nonpositive(_mm512_sub_ps(_mm512_loadu_ps(score), maximum[w]));
            _mm512_storeu_ps(score, e);
            running_sum[w] = _mm512_add_ps(running_sum[w], e);
        }
}

EIKONA_AVX512 void run_task(const AttentionProblem& p, std::int64_t task)
{
    const auto blocks = (p.lq + k_lanes - 1) / k_lanes;
    const auto batch_head = task / blocks;
    const auto b = batch_head / p.heads;
    const auto h = batch_head % p.heads;
    const auto first_row = (task % blocks) * k_lanes;
    const auto rows = std::min(k_lanes, p.lq - first_row); // lanes beyond are zero queries, discarded
    const auto d = p.d;

    auto& buffers = scratch();
    buffers.queries.assign(static_cast<std::size_t>(d * k_lanes), 0.0f);
    buffers.scores.resize(static_cast<std::size_t>(k_key_tile * k_lanes));
    buffers.output.assign(static_cast<std::size_t>(d * k_lanes), 0.0f);
    float* queries = buffers.queries.data();
    float* scores = buffers.scores.data();
    float* output = buffers.output.data();

    const float* q = p.q + b * p.q_strides.batch + h * p.q_strides.head + first_row * p.q_strides.row;
    for (std::int64_t i = 0; i < rows; ++i)
        for (std::int64_t c = 0; c < d; ++c)
            queries[c * k_lanes + i] = q[i * p.q_strides.row + c] * p.scale;
    const float* k = p.k + b * p.k_strides.batch + h * p.k_strides.head;
    const float* v = p.v + b * p.v_strides.batch + h * p.v_strides.head;

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
        score_tile(queries, k + k0 * p.k_strides.row, p.k_strides.row, d, keys, scores, maximum);
        softmax_tile(scores, keys, d, k0 == 0, maximum, running_max, running_sum, output);
        accumulate_values(scores, v + k0 * p.v_strides.row, p.v_strides.row, d, keys, output);
    }

    alignas(64) float inverse[k_lanes];
    for (int w = 0; w < k_vectors; ++w)
        _mm512_store_ps(inverse + 16 * w, _mm512_div_ps(_mm512_set1_ps(1.0f), running_sum[w]));
    const auto out_width = p.heads * d;
    for (std::int64_t i = 0; i < rows; ++i) {
        float* out = p.out + (b * p.lq + first_row + i) * out_width + h * d;
        for (std::int64_t c = 0; c < d; ++c)
            out[c] = output[c * k_lanes + i] * inverse[i];
    }
}

} // namespace

bool attention_kernel_supported()
{
    static const bool supported = __builtin_cpu_supports("avx512f");
    return supported;
}

std::int64_t attention_task_count(const AttentionProblem& problem)
{
    return problem.batch * problem.heads * ((problem.lq + k_lanes - 1) / k_lanes);
}

void run_attention_task(const AttentionProblem& problem, std::int64_t task)
{
    run_task(problem, task);
}

} // namespace eikona::models::kernels
