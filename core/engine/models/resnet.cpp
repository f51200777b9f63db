#include "models/resnet.h"

#include <ATen/Functions.h>

namespace eikona::models {

ResnetBlock2DImpl::ResnetBlock2DImpl(std::int64_t in_channels, std::int64_t out_channels,
                                     std::optional<std::int64_t> temb_channels, std::int64_t groups,
                                     double eps)
{
    norm1 = register_module("norm1", GroupNorm(groups, in_channels, eps));
    conv1 = register_module("conv1", Conv2d(in_channels, out_channels, 3, 1, 1));
    if (temb_channels)
        time_emb_proj = register_module("time_emb_proj", Linear(*temb_channels, out_channels));
    norm2 = register_module("norm2", GroupNorm(groups, out_channels, eps));
    conv2 = register_module("conv2", Conv2d(out_channels, out_channels, 3, 1, 1));
    if (in_channels != out_channels)
        conv_shortcut = register_module("conv_shortcut", Conv2d(in_channels, out_channels, 1));
}

at::Tensor ResnetBlock2DImpl::forward(const at::Tensor& x, const at::Tensor& temb)
{
    auto h = conv1(norm1->forward_silu(x));
    if (time_emb_proj && temb.defined())
        h.add_(time_emb_proj(at::silu(temb)).unsqueeze(-1).unsqueeze(-1));
    h = conv2(norm2->forward_silu(h));
    return h.add_(conv_shortcut ? conv_shortcut(x) : x);
}

Downsample2DImpl::Downsample2DImpl(std::int64_t channels, std::int64_t padding_) : padding(padding_)
{
    conv = register_module("conv", Conv2d(channels, channels, 3, 2, padding));
}

at::Tensor Downsample2DImpl::forward(const at::Tensor& x)
{
    if (padding == 0)
        return conv(at::constant_pad_nd(x, {0, 1, 0, 1}, 0));
    return conv(x);
}

Upsample2DImpl::Upsample2DImpl(std::int64_t channels)
{
    conv = register_module("conv", Conv2d(channels, channels, 3, 1, 1));
}

at::Tensor Upsample2DImpl::forward(const at::Tensor& x, at::IntArrayRef size)
{
    const std::vector<std::int64_t> target =
        size.empty() ? std::vector<std::int64_t>{x.size(2) * 2, x.size(3) * 2} : size.vec();
    return conv(at::upsample_nearest2d(x, target));
}

} // namespace eikona::models
