#include "models/attention.h"

#include "models/attention_kernel.h"
#include "models/geglu_kernel.h"
#include "models/op_profile.h"

#include <ATen/Functions.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace eikona::models {
namespace {

// Rows per feed-forward block: at 512 rows the 64x64 level's projection is 5 MB.
constexpr std::int64_t k_feed_forward_rows = 512;

} // namespace

std::int64_t attention_chunk_budget()
{
    if (const char* configured = std::getenv("EIKONA_ATTENTION_CHUNK_KB")) {
        const long kb = std::strtol(configured, nullptr, 10);
        if (kb > 0)
            return static_cast<std::int64_t>(kb) << 10;
    }
    return std::int64_t{4} << 20;
}

at::Tensor chunked_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale,
                             std::int64_t query_chunk)
{
    const auto batch_heads = q.size(0) * q.size(1);
    const auto lq = q.size(2);
    const auto lk = k.size(2);
    const OpTimer timer(OpKind::Attention, 2.0 * static_cast<double>(batch_heads * lq * lk) *
                                               static_cast<double>(q.size(3) + v.size(3)));
    if (query_chunk <= 0) {
        const auto bytes_per_row = lk * static_cast<std::int64_t>(q.element_size());
        query_chunk = std::max<std::int64_t>(1, attention_chunk_budget() / bytes_per_row);
    }
    query_chunk = std::min(query_chunk, lq);
    // Scaling the queries costs less than scaling the scores, which are Lk wide.
    const auto qs = (q * scale).reshape({batch_heads, lq, q.size(3)});
    const auto kt = k.reshape({batch_heads, lk, k.size(3)}).transpose(1, 2);
    const auto vs = v.reshape({batch_heads, lk, v.size(3)});
    auto out = at::empty({batch_heads, lq, v.size(3)}, q.options());
    // One head and one block of queries at a time: the score block is reused and small
    // enough to stay in cache between the two products and the softmax.
    auto scores = at::empty({query_chunk, lk}, q.options());
    for (std::int64_t head = 0; head < batch_heads; ++head) {
        const auto q_head = qs[head];
        const auto kt_head = kt[head];
        const auto v_head = vs[head];
        auto out_head = out[head];
        for (std::int64_t start = 0; start < lq; start += query_chunk) {
            const auto rows = std::min(query_chunk, lq - start);
            auto block = scores.narrow(0, 0, rows);
            at::mm_out(block, q_head.narrow(0, start, rows), kt_head);
            at::_softmax_out(block, block, -1, false);
            auto destination = out_head.narrow(0, start, rows);
            at::mm_out(destination, block, v_head);
        }
    }
    return out.view({q.size(0), q.size(1), lq, v.size(3)});
}

namespace {

bool fused_attention_enabled()
{
    static const bool enabled = [] {
        const char* env = std::getenv("EIKONA_FUSED_ATTENTION");
        return !(env && std::string_view(env) == "0");
    }();
    return enabled;
}

bool fused_attention_applies(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v)
{
    for (const auto* t : {&q, &k, &v})
        if (!t->is_cpu() || t->scalar_type() != at::kFloat || t->stride(3) != 1)
            return false;
    return fused_attention_enabled() && kernels::attention_kernel_supported();
}

bool fused_bf16_attention_applies(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v)
{
    for (const auto* t : {&q, &k, &v})
        if (!t->is_cpu() || t->scalar_type() != at::kBFloat16 || t->stride(3) != 1 || t->size(3) % 2 != 0)
            return false;
    return fused_attention_enabled() && kernels::attention_kernel_bf16_supported();
}

// What both kernels are told of q, k (contiguous), v and the output: element pointers of the
// problem's type, strides, sizes and the scale.
template <typename Problem, typename Element>
Problem describe(const at::Tensor& q, const at::Tensor& keys, const at::Tensor& values, at::Tensor& out,
                 double scale)
{
    const auto strides = [](const at::Tensor& t) {
        return kernels::Strides{t.stride(0), t.stride(1), t.stride(2)};
    };
    Problem problem;
    problem.q = static_cast<const Element*>(q.data_ptr());
    problem.k = static_cast<const Element*>(keys.data_ptr());
    problem.v = static_cast<const Element*>(values.data_ptr());
    problem.out = static_cast<Element*>(out.data_ptr());
    problem.q_strides = strides(q);
    problem.k_strides = strides(keys);
    problem.v_strides = strides(values);
    problem.batch = q.size(0);
    problem.heads = q.size(1);
    problem.lq = q.size(2);
    problem.lk = keys.size(2);
    problem.d = q.size(3);
    problem.scale = static_cast<float>(scale);
    return problem;
}

// Consecutive tasks share a head, so each thread's keys and values stay in its cache.
template <typename Problem> void run_tasks(const Problem& problem)
{
    at::parallel_for(0, kernels::attention_task_count(problem), 1, [&](std::int64_t begin, std::int64_t end) {
        for (auto task = begin; task < end; ++task)
            kernels::run_attention_task(problem, task);
    });
}

OpTimer attention_timer(const at::Tensor& q, const at::Tensor& k)
{
    const auto batch = q.size(0), heads = q.size(1), lq = q.size(2), d = q.size(3), lk = k.size(2);
    return OpTimer(OpKind::Attention,
                   2.0 * static_cast<double>(batch * heads * lq * lk) * static_cast<double>(2 * d));
}

// The bf16 twin of fused_attention below: q, k and v read as bf16, the output written as bf16.
at::Tensor fused_bf16_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale)
{
    const auto timer = attention_timer(q, k);
    const auto keys = k.contiguous();
    auto out = at::empty({q.size(0), q.size(2), q.size(1) * q.size(3)}, q.options());
    auto problem = describe<kernels::AttentionProblemBf16, std::uint16_t>(q, keys, v, out, scale);
    // The values as pairs of keys, once per head (read by every block of queries).
    auto pairs = at::empty({kernels::value_pairs_size(problem)}, q.options().dtype(at::kInt));
    auto* pair_data = static_cast<std::uint32_t*>(pairs.data_ptr());
    at::parallel_for(0, problem.batch * problem.heads, 1, [&](std::int64_t begin, std::int64_t end) {
        for (auto head = begin; head < end; ++head)
            kernels::pack_value_pairs(problem, head, pair_data);
    });
    problem.v_pairs = pair_data;
    run_tasks(problem);
    return out;
}

at::Tensor fused_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale)
{
    const auto timer = attention_timer(q, k);
    // Keys and values of one head made contiguous ([B, heads, Lk, d]): the kernel reads them once
    // per block of queries, and rows 160 bytes apart rather than heads*d*4 keep the tiles it reads
    // in L1 (measured: 80 -> 111 GFLOPS on one core for the 64x64 level).
    const auto keys = k.contiguous();
    const auto values = v.contiguous();
    auto out = at::empty({q.size(0), q.size(2), q.size(1) * q.size(3)}, q.options());
    run_tasks(describe<kernels::AttentionProblem, float>(q, keys, values, out, scale));
    return out;
}

} // namespace

at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale)
{
    if (fused_attention_applies(q, k, v))
        return fused_attention(q, k, v, scale);
    // bf16 where the CPU multiplies bf16 pairs (AVX512-BF16): both products in bf16 with fp32
    // sums, the softmax in fp32.
    if (fused_bf16_attention_applies(q, k, v))
        return fused_bf16_attention(q, k, v, scale);
    // bf16 on a CPU without AVX512-BF16, or an odd head size: the fused fp32 kernel on fp32
    // copies (the softmax in fp32, as it should be; ATen's bf16 products and softmax ran at half
    // the fused kernel's speed).
    if (q.is_cpu() && q.scalar_type() == at::kBFloat16) {
        const auto q32 = q.to(at::kFloat), k32 = k.to(at::kFloat), v32 = v.to(at::kFloat);
        if (fused_attention_applies(q32, k32, v32))
            return fused_attention(q32, k32, v32, scale).to(q.scalar_type());
    }
    const auto out = chunked_attention(q, k, v, scale); // [B, heads, Lq, d]
    return out.transpose(1, 2).reshape({q.size(0), q.size(2), q.size(1) * q.size(3)});
}

AttentionImpl::AttentionImpl(std::int64_t query_dim, std::optional<std::int64_t> cross_attention_dim,
                             std::int64_t heads_, std::int64_t head_dim_, bool qkv_bias)
    : heads(heads_), head_dim(head_dim_)
{
    const auto inner = heads * head_dim;
    const auto context_dim = cross_attention_dim.value_or(query_dim);
    to_q = register_module("to_q", Linear(query_dim, inner, qkv_bias));
    to_k = register_module("to_k", Linear(context_dim, inner, qkv_bias));
    to_v = register_module("to_v", Linear(context_dim, inner, qkv_bias));
    to_out_0 = Linear(inner, query_dim, true);
    register_module("to_out", torch::nn::ModuleList(to_out_0, Placeholder()));
}

at::Tensor AttentionImpl::forward(const at::Tensor& x, const at::Tensor& context)
{
    const auto& source = context.defined() ? context : x;
    const auto batch = x.size(0);
    // [B, L, heads * d] -> [B, heads, L, d]
    const auto split = [&](const at::Tensor& t) {
        return t.view({batch, t.size(1), heads, head_dim}).transpose(1, 2);
    };
    const auto q = split(to_q(x));
    const auto k = split(to_k(source));
    const auto v = split(to_v(source));
    return to_out_0(attention(q, k, v, 1.0 / std::sqrt(static_cast<double>(head_dim))));
}

FeedForwardImpl::FeedForwardImpl(std::int64_t dim, std::int64_t mult)
{
    const auto inner = dim * mult;
    geglu_proj = Linear(dim, inner * 2);
    auto geglu = Placeholder();
    geglu->register_module("proj", geglu_proj);
    out = Linear(inner, dim);
    register_module("net", torch::nn::ModuleList(geglu, Placeholder(), out));
}

at::Tensor FeedForwardImpl::forward(const at::Tensor& x)
{
    // In blocks of rows, so the projection (8x the width of x) stays in the cache between being
    // made, gated and projected back: at 512x512 it would otherwise be 84 MB written and read
    // back from memory (measured: the projection ran at half speed).
    const auto dim = x.size(-1);
    const auto flat = x.reshape({-1, dim});
    const auto rows = flat.size(0);
    if (rows <= k_feed_forward_rows)
        return feed_forward_rows(flat).view(x.sizes());
    std::vector<at::Tensor> pieces;
    for (std::int64_t start = 0; start < rows; start += k_feed_forward_rows)
        pieces.push_back(
            feed_forward_rows(flat.narrow(0, start, std::min(k_feed_forward_rows, rows - start))));
    return at::cat(pieces).view(x.sizes());
}

at::Tensor FeedForwardImpl::feed_forward_rows(const at::Tensor& x)
{
    // GEGLU: the projection's first half, gated by GELU (exact, erf) of its second half.
    const auto projected = geglu_proj(x);
    if (projected.is_cpu() && projected.scalar_type() == at::kFloat && projected.is_contiguous() &&
        kernels::geglu_kernel_supported()) {
        const auto inner = projected.size(-1) / 2;
        auto gated = at::empty({projected.size(0), inner}, projected.options());
        at::parallel_for(0, projected.size(0), 16, [&](std::int64_t first, std::int64_t last) {
            kernels::geglu_rows(projected.data_ptr<float>(), inner, gated.data_ptr<float>(), first, last);
        });
        return out(gated);
    }
    if (projected.is_cpu() && projected.scalar_type() == at::kBFloat16 && projected.is_contiguous() &&
        kernels::geglu_kernel_supported()) {
        const auto inner = projected.size(-1) / 2;
        auto gated = at::empty({projected.size(0), inner}, projected.options());
        const auto* from = reinterpret_cast<const std::uint16_t*>(projected.data_ptr<at::BFloat16>());
        auto* to = reinterpret_cast<std::uint16_t*>(gated.data_ptr<at::BFloat16>());
        at::parallel_for(0, projected.size(0), 16, [&](std::int64_t first, std::int64_t last) {
            kernels::geglu_rows_bf16(from, inner, to, first, last);
        });
        return out(gated);
    }
    const auto halves = projected.chunk(2, -1);
    auto gated = at::gelu(halves[1]);
    return out(gated.mul_(halves[0]));
}

BasicTransformerBlockImpl::BasicTransformerBlockImpl(std::int64_t dim, std::int64_t heads,
                                                     std::int64_t head_dim, std::int64_t cross_attention_dim)
{
    norm1 = register_module("norm1", LayerNorm(dim, 1e-5));
    attn1 = register_module("attn1", Attention(dim, std::nullopt, heads, head_dim, false));
    norm2 = register_module("norm2", LayerNorm(dim, 1e-5));
    attn2 = register_module("attn2", Attention(dim, cross_attention_dim, heads, head_dim, false));
    norm3 = register_module("norm3", LayerNorm(dim, 1e-5));
    ff = register_module("ff", FeedForward(dim));
}

at::Tensor BasicTransformerBlockImpl::forward(const at::Tensor& x, const at::Tensor& context)
{
    auto h = attn1(norm1(x)).add_(x);
    h = attn2(norm2(h), context).add_(h);
    return ff(norm3(h)).add_(h);
}

Transformer2DModelImpl::Transformer2DModelImpl(std::int64_t channels, std::int64_t heads,
                                               std::int64_t cross_attention_dim, std::int64_t groups,
                                               std::int64_t layers)
{
    norm = register_module("norm", GroupNorm(groups, channels, 1e-6));
    proj_in = register_module("proj_in", Conv2d(channels, channels, 1));
    torch::nn::ModuleList list;
    for (std::int64_t i = 0; i < layers; ++i) {
        blocks.emplace_back(channels, heads, channels / heads, cross_attention_dim);
        list->push_back(blocks.back());
    }
    register_module("transformer_blocks", list);
    proj_out = register_module("proj_out", Conv2d(channels, channels, 1));
}

at::Tensor Transformer2DModelImpl::forward(const at::Tensor& x, const at::Tensor& context)
{
    const auto batch = x.size(0), channels = x.size(1), height = x.size(2), width = x.size(3);
    // The 1x1 projections run on pixels as rows ([B, HW, C]), the layout the blocks want: one
    // copy in, none out, and matrix products rather than convolutions.
    auto h = proj_in->forward_rows(norm(x).permute({0, 2, 3, 1}).reshape({batch, height * width, channels}));
    for (auto& block : blocks)
        h = block(h, context);
    h = proj_out->forward_rows(h).view({batch, height, width, channels}).permute({0, 3, 1, 2});
    auto out = at::empty_like(x, at::MemoryFormat::Contiguous);
    return at::add_out(out, x, h);
}

} // namespace eikona::models
