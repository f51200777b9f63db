#pragma once
// Port of diffusers' AutoencoderKL (models/autoencoders/autoencoder_kl.py, vae.py) with the
// VAE blocks of unet_2d_blocks.py: DownEncoderBlock2D, UpDecoderBlock2D, UNetMidBlock2D.

#include "models/configs.h"
#include "models/resnet.h"

#include <map>
#include <string>
#include <vector>

namespace at {
class Generator;
}

namespace eikona::models {

/// The mid-block's single-head self-attention over pixels, with its own GroupNorm and a
/// residual (diffusers Attention with group_norm, residual_connection=True).
class VaeAttentionImpl : public torch::nn::Module {
  public:
    VaeAttentionImpl(std::int64_t channels, std::int64_t groups);
    /// x: [B, C, H, W] -> [B, C, H, W]
    at::Tensor forward(const at::Tensor& x);

    GroupNorm group_norm{nullptr};
    Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr}, to_out_0{nullptr};
};
TORCH_MODULE(VaeAttention);

/// UNetMidBlock2D without time embedding: ResNet, attention, ResNet.
class VaeMidBlockImpl : public torch::nn::Module {
  public:
    VaeMidBlockImpl(std::int64_t channels, std::int64_t groups);
    at::Tensor forward(const at::Tensor& x);

    std::vector<ResnetBlock2D> resnets;
    VaeAttention attention{nullptr};
};
TORCH_MODULE(VaeMidBlock);

/// DownEncoderBlock2D (downsample = true/false) and UpDecoderBlock2D share this shape: ResNets
/// then an optional resampler.
class VaeBlockImpl : public torch::nn::Module {
  public:
    enum class Kind { Down, Up };
    VaeBlockImpl(Kind kind, std::int64_t in_channels, std::int64_t out_channels, std::int64_t layers,
                 std::int64_t groups, bool resample);
    at::Tensor forward(at::Tensor x);

    std::vector<ResnetBlock2D> resnets;
    Downsample2D downsampler{nullptr};
    Upsample2D upsampler{nullptr};
};
TORCH_MODULE(VaeBlock);

class VaeEncoderImpl : public torch::nn::Module {
  public:
    explicit VaeEncoderImpl(const VaeConfig& config);
    /// image: [B, 3, H, W] -> [B, 2 * latent, H/8, W/8] (before quant_conv)
    at::Tensor forward(const at::Tensor& image, std::map<std::string, at::Tensor>* intermediates = nullptr);

    Conv2d conv_in{nullptr}, conv_out{nullptr};
    std::vector<VaeBlock> down_blocks;
    VaeMidBlock mid_block{nullptr};
    GroupNorm conv_norm_out{nullptr};
};
TORCH_MODULE(VaeEncoder);

class VaeDecoderImpl : public torch::nn::Module {
  public:
    explicit VaeDecoderImpl(const VaeConfig& config);
    /// z: [B, latent, h, w] (after post_quant_conv) -> image [B, 3, 8h, 8w]
    at::Tensor forward(const at::Tensor& z, std::map<std::string, at::Tensor>* intermediates = nullptr);

    Conv2d conv_in{nullptr}, conv_out{nullptr};
    VaeMidBlock mid_block{nullptr};
    std::vector<VaeBlock> up_blocks;
    GroupNorm conv_norm_out{nullptr};
};
TORCH_MODULE(VaeDecoder);

/// The encoder's diagonal Gaussian over latents.
struct LatentDistribution {
    at::Tensor mean;   ///< [B, latent, h, w]
    at::Tensor logvar; ///< clamped to [-30, 20]
    at::Tensor std() const;
    /// mean + std * randn(mean.shape, generator), drawn in float32 on the CPU like the reference.
    at::Tensor sample(at::Generator& generator) const;
};

class AutoencoderKLImpl : public torch::nn::Module {
  public:
    explicit AutoencoderKLImpl(const VaeConfig& config);

    /// image: [B, 3, H, W] in [-1, 1] -> the latent distribution (unscaled).
    LatentDistribution encode(const at::Tensor& image,
                              std::map<std::string, at::Tensor>* intermediates = nullptr);
    /// z: unscaled latents [B, latent, h, w] (latents / scaling_factor) -> image [B, 3, 8h, 8w], about [-1,
    /// 1].
    at::Tensor decode(const at::Tensor& z, std::map<std::string, at::Tensor>* intermediates = nullptr);

    double scaling_factor() const { return m_config.scaling_factor; }
    const VaeConfig& config() const { return m_config; }

    VaeEncoder encoder{nullptr};
    VaeDecoder decoder{nullptr};
    Conv2d quant_conv{nullptr}, post_quant_conv{nullptr};

  private:
    VaeConfig m_config;
};
TORCH_MODULE(AutoencoderKL);

} // namespace eikona::models
