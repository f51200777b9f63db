#include "models/unet_2d_condition.h"

#include <ATen/Functions.h>

#include <algorithm>

namespace eikona::models {

UNet2DConditionModelImpl::UNet2DConditionModelImpl(const UNetConfig& config) : m_config(config)
{
    const auto& channels = config.block_out_channels;
    const auto blocks = static_cast<std::int64_t>(channels.size());
    const auto temb_channels = channels[0] * 4;
    const auto groups = config.norm_num_groups;
    const auto eps = config.norm_eps;

    conv_in = register_module("conv_in", Conv2d(config.in_channels, channels[0], 3, 1, 1));
    time_embedding = register_module("time_embedding", TimestepEmbedding(channels[0], temb_channels));

    torch::nn::ModuleList down_list;
    for (std::int64_t i = 0; i < blocks; ++i) {
        const bool cross = config.down_block_types[i] == "CrossAttnDownBlock2D";
        down_blocks.emplace_back(
            i == 0 ? channels[0] : channels[i - 1], channels[i], temb_channels, config.layers_per_block,
            groups, eps, cross ? std::optional(config.attention_heads[i]) : std::nullopt,
            config.cross_attention_dim, /*add_downsample=*/i + 1 < blocks, config.downsample_padding);
        down_list->push_back(down_blocks.back());
    }
    register_module("down_blocks", down_list);

    mid_block =
        register_module("mid_block", MidBlock(channels.back(), temb_channels, groups, eps,
                                              config.attention_heads.back(), config.cross_attention_dim));

    std::vector<std::int64_t> reversed_channels(channels.rbegin(), channels.rend());
    std::vector<std::int64_t> reversed_heads(config.attention_heads.rbegin(), config.attention_heads.rend());
    torch::nn::ModuleList up_list;
    auto prev_output = reversed_channels[0];
    for (std::int64_t i = 0; i < blocks; ++i) {
        const bool cross = config.up_block_types[i] == "CrossAttnUpBlock2D";
        const auto out = reversed_channels[i];
        const auto in = reversed_channels[std::min(i + 1, blocks - 1)];
        up_blocks.emplace_back(in, prev_output, out, temb_channels, config.layers_per_block + 1, groups, eps,
                               cross ? std::optional(reversed_heads[i]) : std::nullopt,
                               config.cross_attention_dim,
                               /*add_upsample=*/i + 1 < blocks);
        up_list->push_back(up_blocks.back());
        prev_output = out;
    }
    register_module("up_blocks", up_list);

    conv_norm_out = register_module("conv_norm_out", GroupNorm(groups, channels[0], eps));
    conv_out = register_module("conv_out", Conv2d(channels[0], config.out_channels, 3, 1, 1));
}

at::Tensor UNet2DConditionModelImpl::forward(const at::Tensor& sample, const at::Tensor& timestep,
                                             const at::Tensor& context,
                                             std::map<std::string, at::Tensor>* intermediates)
{
    const auto record = [&](const std::string& name, const at::Tensor& value) {
        if (intermediates)
            (*intermediates)[name] = value.clone();
    };
    const auto batch = sample.size(0);
    auto timesteps = timestep.reshape({-1}).to(sample.device());
    if (timesteps.size(0) == 1)
        timesteps = timesteps.expand({batch});

    // [B] -> [B, C0] -> [B, 4 C0]
    const auto t_proj = timestep_embedding(timesteps, m_config.block_out_channels[0],
                                           m_config.flip_sin_to_cos, m_config.freq_shift)
                            .to(sample.scalar_type());
    record("time_proj", t_proj);
    const auto temb = time_embedding(t_proj);
    record("time_embedding", temb);

    auto x = conv_in(sample);
    record("conv_in", x);
    std::vector<at::Tensor> skips{x};
    for (std::size_t i = 0; i < down_blocks.size(); ++i) {
        x = down_blocks[i](x, temb, context, skips);
        record("down_blocks." + std::to_string(i), x);
    }
    x = mid_block(x, temb, context);
    record("mid_block", x);
    for (std::size_t i = 0; i < up_blocks.size(); ++i) {
        x = up_blocks[i](x, skips, temb, context);
        record("up_blocks." + std::to_string(i), x);
    }
    x = conv_norm_out(x);
    record("conv_norm_out", x);
    x = conv_out(at::silu_(x));
    record("conv_out", x);
    return x;
}

} // namespace eikona::models
