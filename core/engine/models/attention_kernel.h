#pragma once
// softmax(q k^T * scale) v for fp32 on CPUs with AVX-512, fused in the manner of
// FlashAttention: for each block of queries the keys are visited in cache-sized tiles with an
// online softmax, so the scores never exist beyond one small tile and each score is made,
// exponentiated and used while it is in L1. Torch-free: plain pointers and strides; the caller
// runs the tasks in parallel.

#include <cstdint>

namespace eikona::models::kernels {

struct AttentionProblem {
    const float* q = nullptr;  ///< q[b][h][i][c] at q + b*q_batch + h*q_head + i*q_row + c
    const float* kt = nullptr; ///< keys transposed, [batch*heads][d][kt_stride], zero beyond lk
    const float* v = nullptr;  ///< values, [batch*heads][lk][v_stride], zero beyond d
    float* out = nullptr;      ///< contiguous [batch][lq][heads*d]: heads side by side, as to_out wants
    std::int64_t batch = 0, heads = 0, lq = 0, lk = 0, d = 0;
    std::int64_t q_batch = 0, q_head = 0, q_row = 0;
    std::int64_t kt_stride = 0; ///< key_padding(lk)
    std::int64_t v_stride = 0;  ///< value_padding(d)
    float scale = 1.0f;
};

/// The padded sizes the kernel reads whole vectors from, without masks: keys to a multiple of
/// 64, value columns to a multiple of 16.
std::int64_t key_padding(std::int64_t lk);
std::int64_t value_padding(std::int64_t d);

/// Whether this CPU runs the kernel (AVX-512F).
bool attention_kernel_supported();

/// Independent pieces of work: one head and one block of queries each.
std::int64_t attention_task_count(const AttentionProblem& problem);

/// Computes task `task`'s rows of the output. Safe to call from several threads at once.
void run_attention_task(const AttentionProblem& problem, std::int64_t task);

} // namespace eikona::models::kernels
