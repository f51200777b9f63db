#pragma once
// Ports of the UNet blocks of diffusers' models/unets/unet_2d_blocks.py that SD 1.5 uses:
// CrossAttnDownBlock2D / DownBlock2D, UNetMidBlock2DCrossAttn, CrossAttnUpBlock2D / UpBlock2D.

#include "models/attention.h"
#include "models/resnet.h"

#include <optional>
#include <vector>

namespace eikona::models {

/// A down block: `layers` ResNets, each followed by a transformer when `heads` is given
/// (CrossAttnDownBlock2D), then an optional stride-2 downsampler.
class DownBlockImpl : public torch::nn::Module {
  public:
    DownBlockImpl(std::int64_t in_channels, std::int64_t out_channels, std::int64_t temb_channels,
                  std::int64_t layers, std::int64_t groups, double eps, std::optional<std::int64_t> heads,
                  std::int64_t cross_attention_dim, bool add_downsample, std::int64_t downsample_padding);
    /// x: [B, C_in, H, W] -> [B, C_out, H/2, W/2]; every intermediate output is appended to skips.
    at::Tensor forward(at::Tensor x, const at::Tensor& temb, const at::Tensor& context,
                       std::vector<at::Tensor>& skips);

    std::vector<ResnetBlock2D> resnets;
    std::vector<Transformer2DModel> attentions;
    Downsample2D downsampler{nullptr};
};
TORCH_MODULE(DownBlock);

/// UNetMidBlock2DCrossAttn: ResNet, transformer, ResNet.
class MidBlockImpl : public torch::nn::Module {
  public:
    MidBlockImpl(std::int64_t channels, std::int64_t temb_channels, std::int64_t groups, double eps,
                 std::int64_t heads, std::int64_t cross_attention_dim);
    at::Tensor forward(at::Tensor x, const at::Tensor& temb, const at::Tensor& context);

    std::vector<ResnetBlock2D> resnets;
    std::vector<Transformer2DModel> attentions;
};
TORCH_MODULE(MidBlock);

/// An up block: `layers` ResNets over [x, skip] concatenations (the skips taken from the back
/// of the list), each followed by a transformer when `heads` is given (CrossAttnUpBlock2D),
/// then an optional upsampler to the size of the next skip.
class UpBlockImpl : public torch::nn::Module {
  public:
    UpBlockImpl(std::int64_t in_channels, std::int64_t prev_output_channels, std::int64_t out_channels,
                std::int64_t temb_channels, std::int64_t layers, std::int64_t groups, double eps,
                std::optional<std::int64_t> heads, std::int64_t cross_attention_dim, bool add_upsample);
    at::Tensor forward(at::Tensor x, std::vector<at::Tensor>& skips, const at::Tensor& temb,
                       const at::Tensor& context);

    std::vector<ResnetBlock2D> resnets;
    std::vector<Transformer2DModel> attentions;
    Upsample2D upsampler{nullptr};
};
TORCH_MODULE(UpBlock);

} // namespace eikona::models
