#include "models/unet_2d_blocks.h"

#include <ATen/Functions.h>

namespace eikona::models {

DownBlockImpl::DownBlockImpl(std::int64_t in_channels, std::int64_t out_channels, std::int64_t temb_channels,
                             std::int64_t layers, std::int64_t groups, double eps,
                             std::optional<std::int64_t> heads, std::int64_t cross_attention_dim,
                             bool add_downsample, std::int64_t downsample_padding)
{
    torch::nn::ModuleList resnet_list, attention_list;
    for (std::int64_t i = 0; i < layers; ++i) {
        resnets.emplace_back(i == 0 ? in_channels : out_channels, out_channels, temb_channels, groups, eps);
        resnet_list->push_back(resnets.back());
        if (heads) {
            attentions.emplace_back(out_channels, *heads, cross_attention_dim, groups);
            attention_list->push_back(attentions.back());
        }
    }
    if (heads)
        register_module("attentions", attention_list);
    register_module("resnets", resnet_list);
    if (add_downsample) {
        downsampler = Downsample2D(out_channels, downsample_padding);
        register_module("downsamplers", torch::nn::ModuleList(downsampler));
    }
}

at::Tensor DownBlockImpl::forward(at::Tensor x, const at::Tensor& temb, const at::Tensor& context,
                                  std::vector<at::Tensor>& skips)
{
    for (std::size_t i = 0; i < resnets.size(); ++i) {
        x = resnets[i](x, temb);
        if (!attentions.empty())
            x = attentions[i](x, context);
        skips.push_back(x);
    }
    if (downsampler) {
        x = downsampler(x);
        skips.push_back(x);
    }
    return x;
}

MidBlockImpl::MidBlockImpl(std::int64_t channels, std::int64_t temb_channels, std::int64_t groups, double eps,
                           std::int64_t heads, std::int64_t cross_attention_dim)
{
    resnets = {ResnetBlock2D(channels, channels, temb_channels, groups, eps),
               ResnetBlock2D(channels, channels, temb_channels, groups, eps)};
    attentions = {Transformer2DModel(channels, heads, cross_attention_dim, groups)};
    register_module("attentions", torch::nn::ModuleList(attentions[0]));
    register_module("resnets", torch::nn::ModuleList(resnets[0], resnets[1]));
}

at::Tensor MidBlockImpl::forward(at::Tensor x, const at::Tensor& temb, const at::Tensor& context)
{
    x = resnets[0](x, temb);
    x = attentions[0](x, context);
    return resnets[1](x, temb);
}

UpBlockImpl::UpBlockImpl(std::int64_t in_channels, std::int64_t prev_output_channels,
                         std::int64_t out_channels, std::int64_t temb_channels, std::int64_t layers,
                         std::int64_t groups, double eps, std::optional<std::int64_t> heads,
                         std::int64_t cross_attention_dim, bool add_upsample)
{
    torch::nn::ModuleList resnet_list, attention_list;
    for (std::int64_t i = 0; i < layers; ++i) {
        // The skip of the block's last ResNet comes from the down block's input side.
        const auto skip_channels = i == layers - 1 ? in_channels : out_channels;
        const auto resnet_in = i == 0 ? prev_output_channels : out_channels;
        resnets.emplace_back(resnet_in + skip_channels, out_channels, temb_channels, groups, eps);
        resnet_list->push_back(resnets.back());
        if (heads) {
            attentions.emplace_back(out_channels, *heads, cross_attention_dim, groups);
            attention_list->push_back(attentions.back());
        }
    }
    if (heads)
        register_module("attentions", attention_list);
    register_module("resnets", resnet_list);
    if (add_upsample) {
        upsampler = Upsample2D(out_channels);
        register_module("upsamplers", torch::nn::ModuleList(upsampler));
    }
}

at::Tensor UpBlockImpl::forward(at::Tensor x, std::vector<at::Tensor>& skips, const at::Tensor& temb,
                                const at::Tensor& context)
{
    for (std::size_t i = 0; i < resnets.size(); ++i) {
        x = resnets[i](at::cat({x, skips.back()}, 1), temb);
        skips.pop_back();
        if (!attentions.empty())
            x = attentions[i](x, context);
    }
    if (upsampler) // to the size of the skip the next block starts with (odd sizes included)
        x = upsampler(x, skips.empty() ? at::IntArrayRef{} : skips.back().sizes().slice(2));
    return x;
}

} // namespace eikona::models
