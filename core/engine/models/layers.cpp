#include "models/layers.h"

#include "models/channels_last_group_norm.h"
#include "models/onednn_matmul.h"
#include "models/planar_group_norm.h"
#include "models/op_profile.h"
#include "models/weights.h"
#include "models/winograd_convolution.h"

#include <ATen/Functions.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace eikona::models {
namespace {

// Below this many input pixels (N * H * W) a convolution uses the packed kernel; above it the
// activations dominate and ATen's own call (which reorders the kernel each time) is as fast.
// 16384 takes in the UNet's 64x64 level for two pictures with guidance, where the packed
// kernel measured 0-8% faster per convolution (the kernels there are small).
constexpr std::int64_t k_packed_below_pixels = 16385;

// From this many input pixels up a 3x3 fp32 convolution runs by Winograd, its transformed
// kernel (4x the plain one) kept: the UNet's 64x64 level for two pictures with guidance, where
// that costs 200 MB and saves 0.3-0.4 s per 512x512 step, and the VAE's levels from 128x128
// up (300 MB more, seconds less per decode). At the UNet's 32x32 level the kernels are 4x
// larger for half the pixels: 750 MB more for as much again, so it stays direct, as does the
// VAE's 64x64 level.
constexpr std::int64_t k_winograd_from_pixels = 8192;

// $EIKONA_ONEDNN_LAYOUTS=0 runs every convolution and linear layer as plain ATen calls.
bool onednn_layouts_enabled()
{
    static const bool enabled = [] {
        const char* env = std::getenv("EIKONA_ONEDNN_LAYOUTS");
        return !(env && std::string_view(env) == "0");
    }();
    return enabled;
}

// $EIKONA_WINOGRAD=0 keeps every convolution on the direct method (the reference's).
bool winograd_enabled()
{
    static const bool enabled = [] {
        const char* env = std::getenv("EIKONA_WINOGRAD");
        return !(env && std::string_view(env) == "0") && WinogradConvolution::available();
    }();
    return enabled;
}

// A weight kept in its file's dtype (an fp16 file computed in fp32) in the dtype of the
// computation: a temporary for the call, or for packing, after which the packed copy serves.
at::Tensor in_dtype(const at::Tensor& weight, at::ScalarType dtype)
{
    return !weight.defined() || weight.scalar_type() == dtype ? weight : weight.to(dtype);
}

// Channels-last activations go to oneDNN as they are; the packed route wants planar ones.
bool is_channels_last(const at::Tensor& x)
{
    return x.dim() == 4 && !x.is_contiguous() && x.is_contiguous(at::MemoryFormat::ChannelsLast);
}

// The kernel in oneDNN's own layout, made once per weight (again if the weight is replaced).
const at::Tensor& packed_kernel(at::Tensor& packed, const void*& packed_from, const at::Tensor& weight,
                                std::int64_t stride, std::int64_t padding, at::ScalarType dtype = at::kFloat)
{
    if (!packed.defined() || packed_from != weight.data_ptr() || packed.scalar_type() != dtype) {
        const auto plain = in_dtype(weight, dtype);
        const auto kernel = plain.dim() == 2 ? plain.view({plain.size(0), plain.size(1), 1, 1}) : plain;
        packed = at::mkldnn_reorder_conv2d_weight(kernel.to_mkldnn(), {padding, padding}, {stride, stride},
                                                  {1, 1}, 1);
        packed_from = weight.data_ptr();
        release_file_pages(weight, PageRelease::PageOut); // the packed copy serves from now on
    }
    return packed;
}

// Long fp32 inputs run on oneDNN's matmul rather than through the BLAS libtorch links
// (OpenBLAS here, slower on these shapes and slower still where OPENBLAS_CORETYPE limits it).
bool matmul_applies(const at::Tensor& x, const at::Tensor& weight, std::int64_t rows)
{
    if (rows < 256 || !x.is_cpu() || !weight.is_cpu() || !onednn_layouts_enabled())
        return false;
    // bf16 only on oneDNN's matmul: the 1x1-convolution fallback packs fp32 kernels.
    return x.scalar_type() == at::kFloat || (x.scalar_type() == at::kBFloat16 && PackedMatmul::available());
}

bool packed_matmul_applies(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias)
{
    return PackedMatmul::available() && weight.is_contiguous() &&
           (!bias.defined() || (bias.is_contiguous() && bias.scalar_type() == x.scalar_type()));
}

// x: [..., in] rows, fp32 or bf16; weight: [out][in] in any dtype (packed into x's). The packed
// copy is made again when the weight's data moves.
at::Tensor packed_matmul(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                         std::int64_t rows, std::shared_ptr<PackedMatmul>& matmul, const void*& packed_from)
{
    const auto dtype = x.scalar_type();
    if (!matmul || packed_from != weight.data_ptr()) {
        matmul = std::make_shared<PackedMatmul>(
            bias.defined() ? bias.data_ptr() : nullptr, weight.size(1), weight.size(0),
            dtype == at::kBFloat16 ? PackedMatmul::Precision::BF16 : PackedMatmul::Precision::F32);
        packed_from = weight.data_ptr();
    }
    const auto input = x.contiguous();
    auto out_sizes = x.sizes().vec();
    out_sizes.back() = weight.size(0);
    auto out = at::empty(out_sizes, x.options());
    at::Tensor plain; // in x's dtype, made only when the matmul packs
    const auto plain_weight = [&]() -> const void* {
        plain = in_dtype(weight, dtype).contiguous();
        return plain.data_ptr();
    };
    if (matmul->run(input.data_ptr(), out.data_ptr(), rows, plain_weight))
        release_file_pages(weight, PageRelease::PageOut); // the packed copy serves from now on
    return out;
}

// bf16 on the CPU: normalisations run in fp32 (ATen's bf16 GroupNorm is unvectorised in
// 1.13 and 8x slower, and statistics want fp32 anyway), then the result goes back to bf16.
bool normalise_in_float(const at::Tensor& x)
{
    return x.is_cpu() && x.scalar_type() == at::kBFloat16;
}

// Planar bf16 GroupNorm in one kernel (no fp32 copies in and out): the UNet's normalisations
// 0.17 -> 0.08 s per bf16 step. In fp32 ATen's own is as fast (A/B) and stays, as the reference's.
bool planar_kernel_applies(const at::Tensor& x, std::int64_t groups)
{
    return x.scalar_type() == at::kBFloat16 && group_norm_planar_applies(x, groups);
}

at::Tensor in_float(const at::Tensor& t)
{
    return t.defined() ? t.to(at::kFloat) : t;
}

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
    const OpTimer timer(OpKind::Convolution, 2.0 * static_cast<double>(x.size(0) * out_h * out_w) *
                                                 static_cast<double>(weight.numel()));
    // bf16 packs as fp32 does: measured in the UNet at 512x512, convolutions 1.68-1.70 s ->
    // 1.40-1.55 s per step (packing at every size too: 1.51-1.55 s).
    if (runs_by_winograd(x))
        return winograd_forward(x);
    const bool packable_type = x.scalar_type() == at::kFloat || x.scalar_type() == at::kBFloat16;
    if (!onednn_layouts_enabled() || !x.is_cpu() || !packable_type ||
        x.size(0) * x.size(2) * x.size(3) >= k_packed_below_pixels || is_channels_last(x))
        return at::conv2d(x, in_dtype(weight, x.scalar_type()), in_dtype(bias, x.scalar_type()),
                          {stride, stride}, {padding, padding});
    const auto& kernel = packed_kernel(m_packed, m_packed_from, weight, stride, padding, x.scalar_type());
    return at::mkldnn_convolution(x.contiguous(), kernel, in_dtype(bias, x.scalar_type()), {padding, padding},
                                  {stride, stride}, {1, 1}, 1);
}

bool Conv2dImpl::runs_by_winograd(const at::Tensor& x)
{
    // Channels in multiples of 16 (oneDNN's vector width); others would be padded to it.
    if (!winograd_enabled() || !onednn_layouts_enabled() || !x.is_cpu() || x.scalar_type() != at::kFloat ||
        weight.size(2) != 3 || weight.size(3) != 3 || stride != 1 || padding != 1 ||
        weight.size(0) % 16 != 0 || weight.size(1) % 16 != 0 ||
        x.size(0) * x.size(2) * x.size(3) < k_winograd_from_pixels ||
        (!x.is_contiguous() && !is_channels_last(x)))
        return false;
    if (!m_winograd)
        m_winograd = std::make_shared<WinogradConvolution>(weight.size(1), weight.size(0));
    return m_winograd->supports({x.size(0), x.size(2), x.size(3),
                                 is_channels_last(x) ? WinogradConvolution::Layout::ChannelsLast
                                                     : WinogradConvolution::Layout::Planar,
                                 bias.defined()});
}

at::Tensor Conv2dImpl::winograd_forward(const at::Tensor& x)
{
    const bool channels_last = is_channels_last(x);
    const WinogradConvolution::Problem problem{x.size(0), x.size(2), x.size(3),
                                               channels_last ? WinogradConvolution::Layout::ChannelsLast
                                                             : WinogradConvolution::Layout::Planar,
                                               bias.defined()};
    auto out = at::empty({x.size(0), weight.size(0), x.size(2), x.size(3)},
                         x.options().memory_format(channels_last ? at::MemoryFormat::ChannelsLast
                                                                 : at::MemoryFormat::Contiguous));
    const auto work = at::empty({static_cast<std::int64_t>(m_winograd->working_bytes(problem))},
                                x.options().dtype(at::kByte));
    const auto bias_f32 = in_dtype(bias, at::kFloat);
    if (m_winograd_from != weight.data_ptr()) {
        m_winograd->release_weights(); // the weight was replaced
        m_winograd_from = weight.data_ptr();
    }
    at::Tensor plain; // fp32, made only when the kernel is transformed
    const auto plain_weight = [&]() -> const float* {
        plain = in_dtype(weight, at::kFloat).contiguous();
        return plain.data_ptr<float>();
    };
    const bool transformed = m_winograd->run(problem, x.data_ptr<float>(), out.data_ptr<float>(),
                                             bias_f32.defined() ? bias_f32.data_ptr<float>() : nullptr,
                                             work.data_ptr(), plain_weight);
    if (transformed)
        release_file_pages(weight, PageRelease::PageOut); // the transformed copy serves from now on
    return out;
}

at::Tensor Conv2dImpl::forward_rows(const at::Tensor& x)
{
    TORCH_CHECK(weight.size(2) == 1 && weight.size(3) == 1 && stride == 1 && padding == 0,
                "forward_rows needs a 1x1 convolution");
    const auto rows = x.numel() / x.size(-1);
    const OpTimer timer(OpKind::Convolution,
                        2.0 * static_cast<double>(rows) * static_cast<double>(weight.numel()));
    const auto matrix = weight.view({weight.size(0), weight.size(1)});
    if (matmul_applies(x, matrix, rows) && packed_matmul_applies(x, matrix, bias))
        return packed_matmul(x, matrix, bias, rows, m_matmul, m_matmul_from);
    return at::linear(x, in_dtype(matrix, x.scalar_type()), bias);
}

void Conv2dImpl::release_packed()
{
    m_packed = at::Tensor();
    m_packed_from = nullptr;
    if (m_winograd)
        m_winograd->release_weights();
    m_winograd_from = nullptr;
    m_matmul.reset();
    m_matmul_from = nullptr;
}

LinearImpl::LinearImpl(std::int64_t in_features, std::int64_t out_features, bool with_bias)
{
    weight = parameter(*this, "weight", {out_features, in_features});
    if (with_bias)
        bias = parameter(*this, "bias", {out_features});
}

at::Tensor LinearImpl::forward(const at::Tensor& x)
{
    const auto rows = x.numel() / x.size(-1);
    const OpTimer timer(OpKind::Linear,
                        2.0 * static_cast<double>(rows) * static_cast<double>(weight.numel()));
    if (!matmul_applies(x, weight, rows))
        return at::linear(x, in_dtype(weight, x.scalar_type()), bias);
    if (packed_matmul_applies(x, weight, bias))
        return packed_matmul(x, weight, bias, rows, m_matmul, m_packed_from);
    if (x.scalar_type() != at::kFloat)
        return at::linear(x, in_dtype(weight, x.scalar_type()), bias);
    return convolution_forward(x, rows);
}

at::Tensor LinearImpl::convolution_forward(const at::Tensor& x, std::int64_t rows)
{
    // [..., in] rows are the pixels of a channels-last [1, in, rows, 1] image; a 1x1
    // convolution maps them to [1, out, rows, 1], again channels-last, i.e. [..., out].
    const auto in = x.size(-1);
    const auto image = x.reshape({1, rows, 1, in}).permute({0, 3, 1, 2});
    const auto kernel = in_dtype(weight, at::kFloat).view({weight.size(0), in, 1, 1});
    auto out_sizes = x.sizes().vec();
    out_sizes.back() = weight.size(0);
    const auto out = rows < k_packed_below_pixels
                         ? at::mkldnn_convolution(image, packed_kernel(m_packed, m_packed_from, weight, 1, 0),
                                                  bias, {0, 0}, {1, 1}, {1, 1}, 1)
                         : at::conv2d(image, kernel, bias);
    return out.permute({0, 2, 3, 1}).reshape(out_sizes);
}

void LinearImpl::release_packed()
{
    m_matmul.reset();
    m_packed = at::Tensor();
    m_packed_from = nullptr;
}

void release_packed_kernels(torch::nn::Module& module)
{
    for (const auto& item : module.named_modules()) {
        if (auto* conv = dynamic_cast<Conv2dImpl*>(item.value().get()))
            conv->release_packed();
        else if (auto* linear = dynamic_cast<LinearImpl*>(item.value().get()))
            linear->release_packed();
    }
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
    if (group_norm_channels_last_applies(x, groups))
        return group_norm_channels_last(x, groups, weight, bias, eps, /*silu=*/false);
    if (planar_kernel_applies(x, groups))
        return group_norm_planar(x, groups, weight, bias, eps, /*silu=*/false);
    if (normalise_in_float(x))
        return at::group_norm(x.to(at::kFloat), groups, in_float(weight), in_float(bias), eps)
            .to(x.scalar_type());
    return at::group_norm(x, groups, weight, bias, eps);
}

at::Tensor GroupNormImpl::forward_silu(const at::Tensor& x)
{
    const OpTimer timer(OpKind::Normalization, 0);
    if (group_norm_channels_last_applies(x, groups))
        return group_norm_channels_last(x, groups, weight, bias, eps, /*silu=*/true);
    if (planar_kernel_applies(x, groups))
        return group_norm_planar(x, groups, weight, bias, eps, /*silu=*/true);
    if (normalise_in_float(x)) {
        auto normed = at::group_norm(x.to(at::kFloat), groups, in_float(weight), in_float(bias), eps);
        return at::silu_(normed).to(x.scalar_type());
    }
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
    if (normalise_in_float(x))
        return at::layer_norm(x.to(at::kFloat), {weight.size(0)}, in_float(weight), in_float(bias), eps)
            .to(x.scalar_type());
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
