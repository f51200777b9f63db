#include "models/autoencoder_kl.h"

#include "models/attention.h"

#include <ATen/Functions.h>
#include <ATen/core/Generator.h>
#include <torch/nn/modules/container/modulelist.h>

#include <cmath>
#include <cstdlib>
#include <string_view>

namespace eikona::models {
namespace {

// Every GroupNorm in SD 1.5's VAE uses this epsilon.
constexpr double k_vae_norm_eps = 1e-6;

// The decoder's up blocks run at 8x to 64x the latents' pixels with 128-512 channels, where a
// convolution on planar (NCHW) activations spends as much time converting them to and from
// oneDNN's layout as computing. Channels-last activations need no conversion, and GroupNorm,
// SiLU, the nearest upsampling and the residual adds keep them.
at::Tensor in_decoder_layout(const at::Tensor& x)
{
    const char* env = std::getenv("EIKONA_VAE_CHANNELS_LAST");
    if (!x.is_cpu() || (env && std::string_view(env) == "0"))
        return x;
    return x.contiguous(at::MemoryFormat::ChannelsLast);
}

} // namespace

VaeAttentionImpl::VaeAttentionImpl(std::int64_t channels, std::int64_t groups)
{
    group_norm = register_module("group_norm", GroupNorm(groups, channels, k_vae_norm_eps));
    to_q = register_module("to_q", Linear(channels, channels));
    to_k = register_module("to_k", Linear(channels, channels));
    to_v = register_module("to_v", Linear(channels, channels));
    to_out_0 = Linear(channels, channels);
    register_module("to_out", torch::nn::ModuleList(to_out_0, Placeholder()));
}

at::Tensor VaeAttentionImpl::forward(const at::Tensor& x)
{
    const auto batch = x.size(0), channels = x.size(1), height = x.size(2), width = x.size(3);
    // [B, C, H, W] -> [B, HW, C]
    const auto h = group_norm(x).view({batch, channels, height * width}).transpose(1, 2);
    const auto q = to_q(h).unsqueeze(1);
    const auto k = to_k(h).unsqueeze(1);
    const auto v = to_v(h).unsqueeze(1);
    const auto attended = attention(q, k, v, 1.0 / std::sqrt(static_cast<double>(channels)));
    return to_out_0(attended).transpose(1, 2).reshape({batch, channels, height, width}).add_(x);
}

VaeMidBlockImpl::VaeMidBlockImpl(std::int64_t channels, std::int64_t groups)
{
    resnets = {ResnetBlock2D(channels, channels, std::nullopt, groups, k_vae_norm_eps),
               ResnetBlock2D(channels, channels, std::nullopt, groups, k_vae_norm_eps)};
    attention = VaeAttention(channels, groups);
    register_module("attentions", torch::nn::ModuleList(attention));
    register_module("resnets", torch::nn::ModuleList(resnets[0], resnets[1]));
}

at::Tensor VaeMidBlockImpl::forward(const at::Tensor& x)
{
    return resnets[1](attention(resnets[0](x)));
}

VaeBlockImpl::VaeBlockImpl(Kind kind, std::int64_t in_channels, std::int64_t out_channels,
                           std::int64_t layers, std::int64_t groups, bool resample)
{
    torch::nn::ModuleList list;
    for (std::int64_t i = 0; i < layers; ++i) {
        resnets.emplace_back(i == 0 ? in_channels : out_channels, out_channels, std::nullopt, groups,
                             k_vae_norm_eps);
        list->push_back(resnets.back());
    }
    register_module("resnets", list);
    if (resample && kind == Kind::Down) {
        downsampler = Downsample2D(out_channels, /*padding=*/0);
        register_module("downsamplers", torch::nn::ModuleList(downsampler));
    } else if (resample) {
        upsampler = Upsample2D(out_channels);
        register_module("upsamplers", torch::nn::ModuleList(upsampler));
    }
}

at::Tensor VaeBlockImpl::forward(at::Tensor x)
{
    for (auto& resnet : resnets)
        x = resnet(x);
    if (downsampler)
        x = downsampler(x);
    if (upsampler)
        x = upsampler(x);
    return x;
}

VaeEncoderImpl::VaeEncoderImpl(const VaeConfig& config)
{
    const auto& channels = config.block_out_channels;
    const auto groups = config.norm_num_groups;
    conv_in = register_module("conv_in", Conv2d(config.in_channels, channels[0], 3, 1, 1));
    torch::nn::ModuleList list;
    for (std::size_t i = 0; i < channels.size(); ++i) {
        down_blocks.emplace_back(VaeBlockImpl::Kind::Down, i == 0 ? channels[0] : channels[i - 1],
                                 channels[i], config.layers_per_block, groups, i + 1 < channels.size());
        list->push_back(down_blocks.back());
    }
    register_module("down_blocks", list);
    mid_block = register_module("mid_block", VaeMidBlock(channels.back(), groups));
    conv_norm_out = register_module("conv_norm_out", GroupNorm(groups, channels.back(), k_vae_norm_eps));
    conv_out = register_module("conv_out", Conv2d(channels.back(), 2 * config.latent_channels, 3, 1, 1));
}

at::Tensor VaeEncoderImpl::forward(const at::Tensor& image, std::map<std::string, at::Tensor>* intermediates)
{
    const auto record = [&](const std::string& name, const at::Tensor& value) {
        if (intermediates)
            (*intermediates)["encoder." + name] = value.clone();
    };
    auto x = conv_in(image);
    for (std::size_t i = 0; i < down_blocks.size(); ++i) {
        x = down_blocks[i](x);
        record("down_blocks." + std::to_string(i), x);
    }
    x = mid_block(x);
    record("mid_block", x);
    x = conv_norm_out(x);
    record("conv_norm_out", x);
    x = conv_out(at::silu_(x));
    record("conv_out", x);
    return x;
}

VaeDecoderImpl::VaeDecoderImpl(const VaeConfig& config)
{
    const std::vector<std::int64_t> channels(config.block_out_channels.rbegin(),
                                             config.block_out_channels.rend());
    const auto groups = config.norm_num_groups;
    conv_in = register_module("conv_in", Conv2d(config.latent_channels, channels[0], 3, 1, 1));
    mid_block = register_module("mid_block", VaeMidBlock(channels[0], groups));
    torch::nn::ModuleList list;
    auto prev_output = channels[0];
    for (std::size_t i = 0; i < channels.size(); ++i) {
        up_blocks.emplace_back(VaeBlockImpl::Kind::Up, prev_output, channels[i], config.layers_per_block + 1,
                               groups, i + 1 < channels.size());
        list->push_back(up_blocks.back());
        prev_output = channels[i];
    }
    register_module("up_blocks", list);
    conv_norm_out = register_module("conv_norm_out", GroupNorm(groups, channels.back(), k_vae_norm_eps));
    conv_out = register_module("conv_out", Conv2d(channels.back(), config.out_channels, 3, 1, 1));
}

at::Tensor VaeDecoderImpl::forward(const at::Tensor& z, std::map<std::string, at::Tensor>* intermediates)
{
    const auto record = [&](const std::string& name, const at::Tensor& value) {
        if (intermediates)
            (*intermediates)["decoder." + name] = value.clone();
    };
    auto x = conv_in(z);
    record("conv_in", x);
    x = mid_block(x);
    record("mid_block", x);
    x = in_decoder_layout(x);
    for (std::size_t i = 0; i < up_blocks.size(); ++i) {
        x = up_blocks[i](x);
        record("up_blocks." + std::to_string(i), x);
    }
    auto features = conv_norm_out->forward_silu(x);
    // The picture itself in fp32: a bf16 output would round each pixel to about 1/128 of its
    // range, a visible step in smooth gradients; the layer is 1 GFLOP at 512x512.
    if (features.is_cpu() && features.scalar_type() == at::kBFloat16)
        features = features.to(at::kFloat);
    return conv_out(features).contiguous();
}

at::Tensor LatentDistribution::std() const
{
    return at::exp(logvar * 0.5);
}

at::Tensor LatentDistribution::sample(at::Generator& generator) const
{
    const auto noise = at::randn(mean.sizes(), generator, at::TensorOptions().dtype(at::kFloat));
    return mean + std() * noise.to(mean.options());
}

AutoencoderKLImpl::AutoencoderKLImpl(const VaeConfig& config) : m_config(config)
{
    encoder = register_module("encoder", VaeEncoder(config));
    decoder = register_module("decoder", VaeDecoder(config));
    quant_conv =
        register_module("quant_conv", Conv2d(2 * config.latent_channels, 2 * config.latent_channels, 1));
    post_quant_conv =
        register_module("post_quant_conv", Conv2d(config.latent_channels, config.latent_channels, 1));
}

LatentDistribution AutoencoderKLImpl::encode(const at::Tensor& image,
                                             std::map<std::string, at::Tensor>* intermediates)
{
    const auto moments = quant_conv(encoder(image, intermediates));
    if (intermediates)
        (*intermediates)["quant_conv"] = moments.clone();
    const auto halves = moments.chunk(2, 1);
    return {halves[0], halves[1].clamp(-30.0, 20.0)};
}

at::Tensor AutoencoderKLImpl::decode(const at::Tensor& z, std::map<std::string, at::Tensor>* intermediates)
{
    const auto x = post_quant_conv(z);
    if (intermediates)
        (*intermediates)["post_quant_conv"] = x.clone();
    return decoder(x, intermediates);
}

} // namespace eikona::models
