#pragma once
// softmax(q k^T * scale) v for fp32 on CPUs with AVX-512, fused in the manner of
// FlashAttention: for each block of queries the keys are visited in cache-sized tiles with an
// online softmax, so the scores never exist beyond one small tile and each score is made,
// exponentiated and used while it is in L1. Torch-free: plain pointers and strides; the caller
// runs the tasks in parallel.
//
// The queries of a task lie along the vector lanes (64 queries, four vectors): keys and values
// are read one scalar at a time, broadcast, straight from the caller's tensors, so any head size
// runs without padding (SD 1.5's 40 is not a multiple of 16) and nothing is copied or transposed
// before the kernel starts; each query's softmax maximum and sum are per-lane operations.

#include <cstdint>

namespace eikona::models::kernels {

/// Element (b, h, i, c) of q sits at q + b*q.batch + h*q.head + i*q.row + c (likewise k, v).
struct Strides {
    std::int64_t batch = 0, head = 0, row = 0;
};

struct AttentionProblem {
    const float* q = nullptr;
    const float* k = nullptr;
    const float* v = nullptr;
    float* out = nullptr; ///< contiguous [batch][lq][heads*d]: heads side by side, as to_out wants
    Strides q_strides, k_strides, v_strides;
    std::int64_t batch = 0, heads = 0, lq = 0, lk = 0, d = 0;
    float scale = 1.0f;
};

/// Whether this CPU runs the kernel (AVX-512F).
bool attention_kernel_supported();

/// Independent pieces of work: one head and one block of queries each.
std::int64_t attention_task_count(const AttentionProblem& problem);

/// Computes task `task`'s rows of the output. Safe to call from several threads at once.
void run_attention_task(const AttentionProblem& problem, std::int64_t task);

/// The same for bf16 q, k, v and output (raw bf16 bits), on CPUs with AVX512-BF16: the
/// products through vdpbf16ps (pairs of bf16 multiplied and summed into fp32, twice the
/// multiply-adds of an fp32 FMA), the scores, the softmax and the accumulation in fp32; only the
/// softmax's numerators are rounded to bf16 on their way into the second product. The head size
/// must be even (SD 1.5's are 40, 80, 160; the VAE's 512).
struct AttentionProblemBf16 {
    const std::uint16_t* q = nullptr;
    const std::uint16_t* k = nullptr;
    const std::uint16_t* v = nullptr;
    std::uint16_t* out = nullptr; ///< contiguous [batch][lq][heads*d]
    Strides q_strides, k_strides, v_strides;
    std::int64_t batch = 0, heads = 0, lq = 0, lk = 0, d = 0;
    float scale = 1.0f;
    /// v as pairs of keys per channel, [batch*heads][d][(lk+1)/2] (value_pairs_size elements),
    /// made by pack_value_pairs before the tasks run: every block of queries reads them.
    const std::uint32_t* v_pairs = nullptr;
};

bool attention_kernel_bf16_supported();
std::int64_t value_pairs_size(const AttentionProblemBf16& problem);
/// Fills head `batch_head`'s part of `pairs` (b * heads + h); the heads may go in parallel.
void pack_value_pairs(const AttentionProblemBf16& problem, std::int64_t batch_head, std::uint32_t* pairs);
std::int64_t attention_task_count(const AttentionProblemBf16& problem);
void run_attention_task(const AttentionProblemBf16& problem, std::int64_t task);

} // namespace eikona::models::kernels
