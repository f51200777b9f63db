#pragma once
// Ports of diffusers' models/resnet.py (ResnetBlock2D) and models/downsampling.py /
// upsampling.py (Downsample2D, Upsample2D) as SD 1.5 configures them.

#include "models/layers.h"

#include <optional>

namespace eikona::models {

/// GroupNorm-SiLU-Conv twice, the time embedding added in between (UNet only), 1x1 shortcut
/// when the channel count changes.
class ResnetBlock2DImpl : public torch::nn::Module {
  public:
    ResnetBlock2DImpl(std::int64_t in_channels, std::int64_t out_channels,
                      std::optional<std::int64_t> temb_channels, std::int64_t groups, double eps);
    /// x: [B, C_in, H, W], temb: [B, temb_channels] or undefined -> [B, C_out, H, W]
    at::Tensor forward(const at::Tensor& x, const at::Tensor& temb = {});

    GroupNorm norm1{nullptr}, norm2{nullptr};
    Conv2d conv1{nullptr}, conv2{nullptr}, conv_shortcut{nullptr};
    Linear time_emb_proj{nullptr};
};
TORCH_MODULE(ResnetBlock2D);

/// Stride-2 3x3 convolution. The VAE encoder's variant pads (0, 1, 0, 1) itself and convolves
/// without padding; the UNet's uses padding 1.
class Downsample2DImpl : public torch::nn::Module {
  public:
    Downsample2DImpl(std::int64_t channels, std::int64_t padding);
    /// x: [B, C, H, W] -> [B, C, ceil(H/2), ceil(W/2)]
    at::Tensor forward(const at::Tensor& x);

    Conv2d conv{nullptr};
    std::int64_t padding;
};
TORCH_MODULE(Downsample2D);

/// Nearest-neighbour upsampling (x2, or to a given size: the skip tensor's) then a 3x3 conv.
class Upsample2DImpl : public torch::nn::Module {
  public:
    explicit Upsample2DImpl(std::int64_t channels);
    /// x: [B, C, H, W] -> [B, C, size] (2H x 2W when size is empty)
    at::Tensor forward(const at::Tensor& x, at::IntArrayRef size = {});

    Conv2d conv{nullptr};
};
TORCH_MODULE(Upsample2D);

} // namespace eikona::models
