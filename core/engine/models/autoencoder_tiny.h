#pragma once
// Port of diffusers' AutoencoderTiny (models/autoencoders/autoencoder_tiny.py; EncoderTiny,
// DecoderTiny in vae.py; AutoencoderTinyBlock in unet_2d_blocks.py): TAESD, a VAE about 1/50th
// the cost of AutoencoderKL's decode that reads the UNet's latents as they are (its scaling
// factor is 1). Good enough for live previews and drafts, not for finished pictures.

#include "models/configs.h"
#include "models/layers.h"

#include <torch/nn/modules/container/modulelist.h>

#include <filesystem>
#include <vector>

namespace eikona::models {

/// conv-relu-conv-relu-conv plus the input, then relu (same channels in and out).
class TinyBlockImpl : public torch::nn::Module {
  public:
    explicit TinyBlockImpl(std::int64_t channels);
    at::Tensor forward(const at::Tensor& x);

    Conv2d conv_0{nullptr}, conv_2{nullptr}, conv_4{nullptr};
};
TORCH_MODULE(TinyBlock);

/// EncoderTiny and DecoderTiny are both a flat `layers` list of these steps.
class TinyStackImpl : public torch::nn::Module {
  public:
    enum class Kind { Encoder, Decoder };
    TinyStackImpl(Kind kind, const TaesdConfig& config);
    at::Tensor forward(at::Tensor x);

  private:
    struct Step {
        enum class Op { Convolution, Relu, Upsample, Block } op;
        Conv2d conv{nullptr};
        TinyBlock block{nullptr};
    };
    void add(Step step);

    std::vector<Step> m_steps;
    torch::nn::ModuleList m_layers;
    std::int64_t m_upsampling;
};
TORCH_MODULE(TinyStack);

class AutoencoderTinyImpl : public torch::nn::Module {
  public:
    explicit AutoencoderTinyImpl(const TaesdConfig& config);

    /// image: [B, 3, H, W] in [-1, 1] -> latents [B, 4, H/8, W/8] as the UNet sees them.
    at::Tensor encode(const at::Tensor& image);
    /// latents: [B, 4, h, w] as the UNet makes them -> image [B, 3, 8h, 8w], about [-1, 1].
    at::Tensor decode(const at::Tensor& latents);
    /// What a pipeline shows: decode(latents) / 2 + 0.5 clamped to [0, 1], as [B, 8h, 8w, 3]
    /// uint8 on the CPU.
    at::Tensor preview_rgb(const at::Tensor& latents);

    TinyStack encoder{nullptr};
    TinyStack decoder{nullptr};

  private:
    /// decode() before its final `* 2 - 1`: the picture in [0, 1] (unclamped).
    at::Tensor decode_unit(const at::Tensor& latents);
};
TORCH_MODULE(AutoencoderTiny);

/// Loads a diffusers-layout TAESD folder (config.json + diffusion_pytorch_model.safetensors, as
/// the hub's madebyollin/taesd), computing in fp32 on the CPU. Throws io::ModelFolderError,
/// ConfigError or the weight loader's errors, each naming the file.
AutoencoderTiny load_taesd(const std::filesystem::path& folder);

} // namespace eikona::models
