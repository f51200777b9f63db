#include "models/attention_kernel.h"

// GCC 12 reports the deliberately undefined vectors inside AVX-512 intrinsics (masked loads,
// reductions) as "may be used uninitialized" once they are inlined here.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace eikona::models::kernels {
namespace {

constexpr std::int64_t k_query_rows = 64; // per task: its scores tile and output stay in L1/L2
constexpr std::int64_t k_key_tile = 256;  // keys per tile (a multiple of 32)
constexpr std::int64_t k_tile_rows = 8;   // query rows per register tile

struct Scratch {
    std::vector<float> queries; // [rows][d], scaled
    std::vector<float> scores;  // [rows][k_key_tile]
    std::vector<float> output;  // [rows][d], unnormalised
    std::vector<float> row_max;
    std::vector<float> row_sum;
};

Scratch& scratch()
{
    thread_local Scratch buffers;
    return buffers;
}

#define EIKONA_AVX512 __attribute__((target("avx512f,fma")))

EIKONA_AVX512 inline __mmask16 tail_mask(std::int64_t count)
{
    return count >= 16 ? static_cast<__mmask16>(0xFFFF) : static_cast<__mmask16>((1u << count) - 1u);
}

// exp(x) for x <= 0 (scores minus their row maximum): Cephes' expf polynomial after the usual
// range reduction, relative error about 1e-7.
EIKONA_AVX512 inline __m512 exp_nonpositive(__m512 x)
{
    x = _mm512_max_ps(x, _mm512_set1_ps(-88.0f));
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

// scores[i][j] = sum_c queries[i][c] * kt[c][j] for `cols` keys; 4 rows x 64 keys per
// register tile (few broadcasts per multiply-add), the key tile (d x 64) staying in L1 while
// every row group passes over it.
EIKONA_AVX512 void score_tile(const float* queries, const float* kt, std::int64_t kt_stride, std::int64_t d,
                              std::int64_t rows, std::int64_t cols, float* scores)
{
    constexpr int tile_rows = 4;
    constexpr int vectors = 4;
    for (std::int64_t j = 0; j < cols; j += 16 * vectors) { // keys are padded with zeros to whole tiles
        for (std::int64_t g = 0; g < rows; g += tile_rows) {
            __m512 acc[tile_rows][vectors];
#pragma GCC unroll 4
            for (int r = 0; r < tile_rows; ++r)
#pragma GCC unroll 4
                for (int k = 0; k < vectors; ++k)
                    acc[r][k] = _mm512_setzero_ps();
            const float* q = queries + g * d;
            for (std::int64_t c = 0; c < d; ++c) {
                __m512 keys[vectors];
#pragma GCC unroll 4
                for (int k = 0; k < vectors; ++k)
                    keys[k] = _mm512_loadu_ps(kt + c * kt_stride + j + 16 * k);
#pragma GCC unroll 4
                for (int r = 0; r < tile_rows; ++r) {
                    const __m512 a = _mm512_set1_ps(q[r * d + c]);
#pragma GCC unroll 4
                    for (int k = 0; k < vectors; ++k)
                        acc[r][k] = _mm512_fmadd_ps(a, keys[k], acc[r][k]);
                }
            }
#pragma GCC unroll 4
            for (int r = 0; r < tile_rows; ++r)
#pragma GCC unroll 4
                for (int k = 0; k < vectors; ++k)
                    _mm512_storeu_ps(scores + (g + r) * k_key_tile + j + 16 * k, acc[r][k]);
        }
    }
}

// The online softmax: each row's running maximum and sum, the tile's scores turned into
// exp(score - max), and what was accumulated so far rescaled to the new maximum.
EIKONA_AVX512 void softmax_tile(float* scores, std::int64_t rows, std::int64_t cols, float* row_max, float* row_sum,
                                float* output, std::int64_t width)
{
    for (std::int64_t i = 0; i < rows; ++i) {
        float* row = scores + i * k_key_tile;
        __m512 maximum = _mm512_set1_ps(-std::numeric_limits<float>::infinity());
        for (std::int64_t j = 0; j < cols; j += 16)
            maximum = _mm512_mask_max_ps(maximum, tail_mask(cols - j), maximum, _mm512_loadu_ps(row + j));
        const float tile_max = _mm512_reduce_max_ps(maximum);
        const float new_max = std::max(row_max[i], tile_max);
        const __m512 shift = _mm512_set1_ps(new_max);
        __m512 sum = _mm512_setzero_ps();
        for (std::int64_t j = 0; j < cols; j += 16) {
            const auto mask = tail_mask(cols - j);
            const __m512 e = exp_nonpositive(_mm512_sub_ps(_mm512_maskz_loadu_ps(mask, row + j), shift));
            _mm512_mask_storeu_ps(row + j, mask, e);
            sum = _mm512_mask_add_ps(sum, mask, sum, e);
        }
        const float rescale = row_max[i] == -std::numeric_limits<float>::infinity() ? 0.0f : std::exp(row_max[i] - new_max);
        row_sum[i] = row_sum[i] * rescale + _mm512_reduce_add_ps(sum);
        row_max[i] = new_max;
        if (rescale != 1.0f) {
            float* out = output + i * width;
            const __m512 factor = _mm512_set1_ps(rescale);
            for (std::int64_t c = 0; c < width; c += 16)
                _mm512_storeu_ps(out + c, _mm512_mul_ps(_mm512_loadu_ps(out + c), factor));
        }
    }
}

// output[i][c0 + ...] += sum_j p[i][j] * v[j][c0 + ...] over `Vectors` (1 to 3) vectors of 16
// columns; values and output are padded to whole vectors.
template <int Vectors>
EIKONA_AVX512 void accumulate_values_columns(const float* p, const float* v, std::int64_t width, std::int64_t rows,
                                             std::int64_t cols, float* output, std::int64_t c0)
{
    for (std::int64_t g = 0; g < rows; g += k_tile_rows) {
        __m512 acc[k_tile_rows][Vectors];
#pragma GCC unroll 8
        for (int r = 0; r < k_tile_rows; ++r)
#pragma GCC unroll 3
            for (int k = 0; k < Vectors; ++k)
                acc[r][k] = _mm512_loadu_ps(output + (g + r) * width + c0 + 16 * k);
        const float* p_rows = p + g * k_key_tile;
        for (std::int64_t j = 0; j < cols; ++j) {
            __m512 values[Vectors];
#pragma GCC unroll 3
            for (int k = 0; k < Vectors; ++k)
                values[k] = _mm512_loadu_ps(v + j * width + c0 + 16 * k);
#pragma GCC unroll 8
            for (int r = 0; r < k_tile_rows; ++r) {
                const __m512 weight = _mm512_set1_ps(p_rows[r * k_key_tile + j]);
#pragma GCC unroll 3
                for (int k = 0; k < Vectors; ++k)
                    acc[r][k] = _mm512_fmadd_ps(weight, values[k], acc[r][k]);
            }
        }
#pragma GCC unroll 8
        for (int r = 0; r < k_tile_rows; ++r)
#pragma GCC unroll 3
            for (int k = 0; k < Vectors; ++k)
                _mm512_storeu_ps(output + (g + r) * width + c0 + 16 * k, acc[r][k]);
    }
}

EIKONA_AVX512 void accumulate_values(const float* p, const float* v, std::int64_t width, std::int64_t rows,
                                     std::int64_t cols, float* output)
{
    for (std::int64_t c0 = 0; c0 < width; c0 += 48) {
        const auto left = width - c0;
        if (left > 32)
            accumulate_values_columns<3>(p, v, width, rows, cols, output, c0);
        else if (left > 16)
            accumulate_values_columns<2>(p, v, width, rows, cols, output, c0);
        else
            accumulate_values_columns<1>(p, v, width, rows, cols, output, c0);
    }
}

} // namespace

std::int64_t key_padding(std::int64_t lk)
{
    return (lk + 63) / 64 * 64;
}

std::int64_t value_padding(std::int64_t d)
{
    return (d + 15) / 16 * 16;
}

bool attention_kernel_supported()
{
    static const bool supported = __builtin_cpu_supports("avx512f");
    return supported;
}

std::int64_t attention_task_count(const AttentionProblem& problem)
{
    return problem.batch * problem.heads * ((problem.lq + k_query_rows - 1) / k_query_rows);
}

void run_attention_task(const AttentionProblem& p, std::int64_t task)
{
    const auto blocks = (p.lq + k_query_rows - 1) / k_query_rows;
    const auto batch_head = task / blocks;
    const auto b = batch_head / p.heads;
    const auto h = batch_head % p.heads;
    const auto first_row = (task % blocks) * k_query_rows;
    const auto rows = std::min(k_query_rows, p.lq - first_row);
    const auto padded_rows = (rows + k_tile_rows - 1) / k_tile_rows * k_tile_rows; // padding rows are zero queries
    const auto d = p.d;

    const auto width = p.v_stride;
    auto& buffers = scratch();
    buffers.queries.assign(static_cast<std::size_t>(padded_rows * d), 0.0f);
    buffers.scores.resize(static_cast<std::size_t>(padded_rows * k_key_tile));
    buffers.output.assign(static_cast<std::size_t>(padded_rows * width), 0.0f);
    buffers.row_max.assign(static_cast<std::size_t>(padded_rows), -std::numeric_limits<float>::infinity());
    buffers.row_sum.assign(static_cast<std::size_t>(padded_rows), 0.0f);

    const float* q = p.q + b * p.q_batch + h * p.q_head + first_row * p.q_row;
    for (std::int64_t i = 0; i < rows; ++i)
        for (std::int64_t c = 0; c < d; ++c)
            buffers.queries[static_cast<std::size_t>(i * d + c)] = q[i * p.q_row + c] * p.scale;
    const float* kt = p.kt + batch_head * d * p.kt_stride;
    const float* v = p.v + batch_head * p.lk * width;
    for (std::int64_t k0 = 0; k0 < p.lk; k0 += k_key_tile) {
        const auto cols = std::min(k_key_tile, p.lk - k0);
        score_tile(buffers.queries.data(), kt + k0, p.kt_stride, d, padded_rows, cols, buffers.scores.data());
        softmax_tile(buffers.scores.data(), padded_rows, cols, buffers.row_max.data(), buffers.row_sum.data(),
                     buffers.output.data(), width);
        accumulate_values(buffers.scores.data(), v + k0 * width, width, padded_rows, cols, buffers.output.data());
    }
    const auto out_width = p.heads * d;
    for (std::int64_t i = 0; i < rows; ++i) {
        const float inverse = 1.0f / buffers.row_sum[static_cast<std::size_t>(i)];
        float* out = p.out + (b * p.lq + first_row + i) * out_width + h * d;
        for (std::int64_t c = 0; c < d; ++c)
            out[c] = buffers.output[static_cast<std::size_t>(i * width + c)] * inverse;
    }
}

} // namespace eikona::models::kernels
