#pragma once
// Attention and the transformer blocks SD 1.5's UNet and VAE use. Ports of diffusers'
// models/attention_processor.py (Attention + AttnProcessor), models/attention.py
// (BasicTransformerBlock, FeedForward, GEGLU) and transformer_2d.py (Transformer2DModel,
// conv projections).

#include "models/layers.h"

#include <torch/nn/modules/container/modulelist.h>

#include <optional>

namespace eikona::models {

/// softmax(q k^T * scale) v, one head and one block of `query_chunk` queries at a time, so the
/// score matrix held at once is [query_chunk, Lk] whatever the resolution.
/// q: [B, heads, Lq, d], k/v: [B, heads, Lk, d] -> [B, heads, Lq, d]. `query_chunk` <= 0
/// chooses it from attention_chunk_budget().
at::Tensor chunked_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale,
                             std::int64_t query_chunk = 0);

/// softmax(q k^T * scale) v with the heads side by side: q: [B, heads, Lq, d], k/v:
/// [B, heads, Lk, d] (any strides) -> [B, Lq, heads * d], the layout to_out reads. fp32 on
/// CPUs with AVX-512 runs the fused kernel (kernels::run_attention_task), anything else
/// chunked_attention; $EIKONA_FUSED_ATTENTION=0 forces the latter (for comparisons).
at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, double scale);

/// Bytes one block of scores may take: $EIKONA_ATTENTION_CHUNK_KB, else 4 MiB, which keeps the
/// block in cache between the two matrix products (measured: a 256 MB block made SD 1.5's
/// 4096-token self-attention run at 8 GFLOPS).
std::int64_t attention_chunk_budget();

/// diffusers Attention: to_q/to_k/to_v (with or without bias), to_out = [Linear, Dropout].
class AttentionImpl : public torch::nn::Module {
  public:
    AttentionImpl(std::int64_t query_dim, std::optional<std::int64_t> cross_attention_dim, std::int64_t heads,
                  std::int64_t head_dim, bool qkv_bias);
    /// x: [B, L, query_dim], context: [B, Lc, cross_dim] (x itself when undefined) -> [B, L, query_dim]
    at::Tensor forward(const at::Tensor& x, const at::Tensor& context = {});

    Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr}, to_out_0{nullptr};
    std::int64_t heads;
    std::int64_t head_dim;
};
TORCH_MODULE(Attention);

/// diffusers FeedForward with GEGLU: net = [GEGLU(proj), Dropout, Linear].
class FeedForwardImpl : public torch::nn::Module {
  public:
    FeedForwardImpl(std::int64_t dim, std::int64_t mult = 4);
    at::Tensor forward(const at::Tensor& x);

    Linear geglu_proj{nullptr}, out{nullptr};

  private:
    at::Tensor feed_forward_rows(const at::Tensor& x); ///< x: [rows, dim]
};
TORCH_MODULE(FeedForward);

/// diffusers BasicTransformerBlock: self-attention, cross-attention, feed-forward, each pre-LN
/// with a residual.
class BasicTransformerBlockImpl : public torch::nn::Module {
  public:
    BasicTransformerBlockImpl(std::int64_t dim, std::int64_t heads, std::int64_t head_dim,
                              std::int64_t cross_attention_dim);
    /// x: [B, HW, C], context: [B, 77, cross] -> [B, HW, C]
    at::Tensor forward(const at::Tensor& x, const at::Tensor& context);

    LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
    Attention attn1{nullptr}, attn2{nullptr};
    FeedForward ff{nullptr};
};
TORCH_MODULE(BasicTransformerBlock);

/// diffusers Transformer2DModel as SD 1.5 uses it (continuous input, 1x1 conv projections).
class Transformer2DModelImpl : public torch::nn::Module {
  public:
    Transformer2DModelImpl(std::int64_t channels, std::int64_t heads, std::int64_t cross_attention_dim,
                           std::int64_t groups, std::int64_t layers = 1);
    /// x: [B, C, H, W], context: [B, 77, cross] -> [B, C, H, W]
    at::Tensor forward(const at::Tensor& x, const at::Tensor& context);

    GroupNorm norm{nullptr};
    Conv2d proj_in{nullptr}, proj_out{nullptr};
    std::vector<BasicTransformerBlock> blocks;
};
TORCH_MODULE(Transformer2DModel);

} // namespace eikona::models
