#pragma once
// The weight-owning building blocks, as thin modules over ATen functions. Parameters are
// created uninitialised (they are always loaded or explicitly randomised), which keeps
// building the full-size networks instant; names match torch.nn's ("weight", "bias").

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <memory>

namespace eikona::models {

class PackedMatmul;
class WinogradConvolution;

/// torch.nn.Conv2d (square kernel, zero padding).
///
/// On the CPU in fp32 and bf16, small images (the deep UNet levels, where 60 MB kernels meet 8x8
/// images) use a kernel packed once into oneDNN's layout, which saves reordering the kernel
/// on every call (measured: 1280 channels at 8x8, 26 -> 270 GFLOPS; at 16x16, 84 -> 290).
/// 3x3 fp32 convolutions on large images (the UNet's 64x64 level, the VAE's upper levels) run
/// by Winograd (models/winograd_convolution.h), their transformed kernels kept.
class Conv2dImpl : public torch::nn::Module {
  public:
    Conv2dImpl(std::int64_t in_channels, std::int64_t out_channels, std::int64_t kernel_size,
               std::int64_t stride = 1, std::int64_t padding = 0, bool bias = true);
    /// x: [N, C_in, H, W] -> [N, C_out, H', W']
    at::Tensor forward(const at::Tensor& x);
    /// A 1x1 convolution on pixels given as rows: x: [..., C_in] -> [..., C_out]. Runs as a
    /// matrix product (oneDNN's, packed once, where built in).
    at::Tensor forward_rows(const at::Tensor& x);
    /// Frees the packed kernels; the next call packs again from the weight.
    void release_packed();
    /// Whether forward(x) runs by Winograd (3x3, fp32, large enough, a CPU oneDNN has it for).
    bool runs_by_winograd(const at::Tensor& x);

    at::Tensor weight;
    at::Tensor bias;
    std::int64_t stride;
    std::int64_t padding;

  private:
    at::Tensor winograd_forward(const at::Tensor& x);

    at::Tensor m_packed; ///< made on first use from the weight data at m_packed_from
    const void* m_packed_from = nullptr;
    std::shared_ptr<WinogradConvolution> m_winograd;
    const void* m_winograd_from = nullptr;  ///< the weight data its kept kernel was made from
    std::shared_ptr<PackedMatmul> m_matmul; ///< for forward_rows
    const void* m_matmul_from = nullptr;
};
TORCH_MODULE(Conv2d);

/// torch.nn.Linear.
///
/// On the CPU in fp32 and bf16, inputs of 256 rows or more run through oneDNN's matmul with the
/// weight packed once (models/onednn_matmul.h); fp32 runs as a 1x1 convolution where oneDNN is
/// not built in.
class LinearImpl : public torch::nn::Module {
  public:
    LinearImpl(std::int64_t in_features, std::int64_t out_features, bool bias = true);
    /// x: [..., in] -> [..., out]
    at::Tensor forward(const at::Tensor& x);
    /// Frees the packed weight; the next call packs again from the weight.
    void release_packed();

    at::Tensor weight;
    at::Tensor bias;

  private:
    at::Tensor convolution_forward(const at::Tensor& x, std::int64_t rows);

    std::shared_ptr<PackedMatmul> m_matmul; ///< made on first use from the weight data at m_packed_from
    at::Tensor m_packed; ///< without oneDNN: the weight as a packed 1x1 kernel, for short inputs
    const void* m_packed_from = nullptr;
};
TORCH_MODULE(Linear);

/// Frees the packed kernels of every Conv2d and Linear in `module` (a network done for good:
/// the packed copies are then its largest memory).
void release_packed_kernels(torch::nn::Module& module);

/// torch.nn.GroupNorm (affine).
class GroupNormImpl : public torch::nn::Module {
  public:
    GroupNormImpl(std::int64_t groups, std::int64_t channels, double eps);
    at::Tensor forward(const at::Tensor& x);
    /// silu(group_norm(x)), the pair every ResNet block and decoder tail uses.
    at::Tensor forward_silu(const at::Tensor& x);

    at::Tensor weight;
    at::Tensor bias;
    std::int64_t groups;
    double eps;
};
TORCH_MODULE(GroupNorm);

/// torch.nn.LayerNorm over the last dimension.
class LayerNormImpl : public torch::nn::Module {
  public:
    LayerNormImpl(std::int64_t dim, double eps);
    at::Tensor forward(const at::Tensor& x);

    at::Tensor weight;
    at::Tensor bias;
    double eps;
};
TORCH_MODULE(LayerNorm);

/// torch.nn.Embedding.
class EmbeddingImpl : public torch::nn::Module {
  public:
    EmbeddingImpl(std::int64_t count, std::int64_t dim);
    /// ids: [...] int64 -> [..., dim]
    at::Tensor forward(const at::Tensor& ids);

    at::Tensor weight;
};
TORCH_MODULE(Embedding);

/// A weightless entry (Dropout, an activation) that keeps a ModuleList's indices equal to the
/// reference's, so that `to_out.0` and `ff.net.2` keep their names.
class PlaceholderImpl : public torch::nn::Module {};
TORCH_MODULE(Placeholder);

} // namespace eikona::models
