#pragma once
// Port of diffusers' UNet2DConditionModel as SD 1.5 configures it.

#include "models/configs.h"
#include "models/embeddings.h"
#include "models/unet_2d_blocks.h"

#include <map>
#include <string>

namespace eikona::models {

class UNet2DConditionModelImpl : public torch::nn::Module {
  public:
    explicit UNet2DConditionModelImpl(const UNetConfig& config);

    /// sample: [B, 4, h, w]; timestep: 0-d, [1] or [B] (int or float); context: [B, 77, cross]
    /// -> noise prediction [B, 4, h, w]. When `intermediates` is given it receives the outputs
    /// of time_proj, time_embedding, conv_in, down_blocks.i, mid_block, up_blocks.i,
    /// conv_norm_out and conv_out.
    at::Tensor forward(const at::Tensor& sample, const at::Tensor& timestep, const at::Tensor& context,
                       std::map<std::string, at::Tensor>* intermediates = nullptr);

    const UNetConfig& config() const { return m_config; }

    TimestepEmbedding time_embedding{nullptr};
    Conv2d conv_in{nullptr}, conv_out{nullptr};
    std::vector<DownBlock> down_blocks;
    MidBlock mid_block{nullptr};
    std::vector<UpBlock> up_blocks;
    GroupNorm conv_norm_out{nullptr};

  private:
    UNetConfig m_config;
};
TORCH_MODULE(UNet2DConditionModel);

} // namespace eikona::models
