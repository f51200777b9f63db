#include "models/layers.h"

#include "models/op_profile.h"

#include <ATen/Functions.h>

#include <cstdlib>
#include <string_view>

namespace eikona::models {
namespace {

at::Tensor parameter(torch::nn::Module& module, const char* name, at::IntArrayRef shape)
{
    return module.register_parameter(name, at::empty(shape), /*requires_grad=*/false);
}

} // namespace

Conv2dImpl::Conv2dImpl(std::int64_t in_channels, std::int64_t out_channels, std::int64_t kernel_size,
                       std::int64_t stride_, std::int64_t padding_, bool with_bias)
    : stride(stride_), padding(padding_)
{
    weight = parameter(*this, "weight", {out_channels, in_channels, kernel_size, kernel_size});
    if (with_bias)
        bias = parameter(*this, "bias", {out_channels});
}

at::Tensor Conv2dImpl::forward(const at::Tensor& x)
{
    const auto out_h = (x.size(2) + 2 * padding - weight.size(2)) / stride + 1;
    const auto out_w = (x.size(3) + 2 * padding - weight.size(3)) / stride + 1;
    const OpTimer timer(OpKind::Convolution,
                        2.0 * static_cast<double>(x.size(0) * out_h * out_w) * static_cast<double>(weight.numel()));
    return at::conv2d(x, weight, bias, {stride, stride}, {padding, padding});
}

LinearImpl::LinearImpl(std::int64_t in_features, std::int64_t out_features, bool with_bias)
{
    weight = parameter(*this, "weight", {out_features, in_features});
    if (with_bias)
        bias = parameter(*this, "bias", {out_features});
}

namespace {

// Whether large fp32 linear layers on the CPU run as 1x1 convolutions (oneDNN) rather than
// through the BLAS libtorch links (OpenBLAS here): $EIKONA_LINEAR_ONEDNN=0 turns it off.
bool linear_as_convolution()
{
    static const bool enabled = [] {
        const char* env = std::getenv("EIKONA_LINEAR_ONEDNN");
        return !(env && std::string_view(env) == "0");
    }();
    return enabled;
}

} // namespace

at::Tensor LinearImpl::forward(const at::Tensor& x)
{
    const auto rows = x.numel() / x.size(-1);
    const OpTimer timer(OpKind::Linear, 2.0 * static_cast<double>(rows) * static_cast<double>(weight.numel()));
    if (rows >= 256 && x.scalar_type() == at::kFloat && x.is_cpu() && weight.is_cpu() && linear_as_convolution()) {
        // [..., in] rows are the pixels of a channels-last [1, in, rows, 1] image; a 1x1
        // convolution maps them to [1, out, rows, 1], again channels-last, i.e. [..., out].
        const auto in = x.size(-1);
        const auto image = x.reshape({1, rows, 1, in}).permute({0, 3, 1, 2});
        const auto kernel = weight.view({weight.size(0), in, 1, 1});
        auto out_sizes = x.sizes().vec();
        out_sizes.back() = weight.size(0);
        return at::conv2d(image, kernel, bias).permute({0, 2, 3, 1}).reshape(out_sizes);
    }
    return at::linear(x, weight, bias);
}

GroupNormImpl::GroupNormImpl(std::int64_t groups_, std::int64_t channels, double eps_)
    : groups(groups_), eps(eps_)
{
    weight = parameter(*this, "weight", {channels});
    bias = parameter(*this, "bias", {channels});
}

at::Tensor GroupNormImpl::forward(const at::Tensor& x)
{
    const OpTimer timer(OpKind::Normalization, 0);
    return at::group_norm(x, groups, weight, bias, eps);
}

at::Tensor GroupNormImpl::forward_silu(const at::Tensor& x)
{
    const OpTimer timer(OpKind::Normalization, 0);
    auto normed = at::group_norm(x, groups, weight, bias, eps);
    return at::silu_(normed);
}

LayerNormImpl::LayerNormImpl(std::int64_t dim, double eps_) : eps(eps_)
{
    weight = parameter(*this, "weight", {dim});
    bias = parameter(*this, "bias", {dim});
}

at::Tensor LayerNormImpl::forward(const at::Tensor& x)
{
    const OpTimer timer(OpKind::Normalization, 0);
    return at::layer_norm(x, {weight.size(0)}, weight, bias, eps);
}

EmbeddingImpl::EmbeddingImpl(std::int64_t count, std::int64_t dim)
{
    weight = parameter(*this, "weight", {count, dim});
}

at::Tensor EmbeddingImpl::forward(const at::Tensor& ids)
{
    return at::embedding(weight, ids);
}

} // namespace eikona::models
