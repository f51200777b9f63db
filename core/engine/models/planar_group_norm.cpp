#include "models/planar_group_norm.h"

#include "models/group_norm_kernel.h"

#include <ATen/Functions.h>
#include <ATen/Parallel.h>

#include <array>
#include <cmath>
#include <vector>

namespace eikona::models {
namespace {

// A channel's pixels as rows of 16 "channels" that share one centre, scale and shift.
constexpr std::int64_t k_lanes = 16;

// The sum of (x - centre) and of its squares over one channel's `pixels`.
void channel_moments(const void* channel, kernels::Element element, std::int64_t pixels, float centre,
                     double& sum, double& squares)
{
    std::array<float, k_lanes> centres;
    centres.fill(centre);
    std::array<double, k_lanes> lane_sum{}, lane_squares{};
    kernels::channel_moments(channel, element, k_lanes, 0, pixels / k_lanes, centres.data(), lane_sum.data(),
                             lane_squares.data());
    sum = squares = 0;
    for (std::size_t lane = 0; lane < k_lanes; ++lane) {
        sum += lane_sum[lane];
        squares += lane_squares[lane];
    }
}

} // namespace

bool group_norm_planar_applies(const at::Tensor& x, std::int64_t groups)
{
    return x.is_cpu() && x.dim() == 4 &&
           (x.scalar_type() == at::kFloat || x.scalar_type() == at::kBFloat16) && x.is_contiguous() &&
           groups > 0 && x.size(1) % groups == 0 && (x.size(2) * x.size(3)) % k_lanes == 0 && x.numel() > 0 &&
           kernels::group_norm_kernel_supported();
}

at::Tensor group_norm_planar(const at::Tensor& x, std::int64_t groups, const at::Tensor& weight,
                             const at::Tensor& bias, double eps, bool silu)
{
    const auto element = x.scalar_type() == at::kFloat ? kernels::Element::F32 : kernels::Element::BF16;
    const auto batch = x.size(0), channels = x.size(1), pixels = x.size(2) * x.size(3);
    const auto per_group = channels / groups;
    const auto gamma = weight.to(at::kFloat).contiguous();
    const auto beta = bias.to(at::kFloat).contiguous();
    auto out = at::empty_like(x);
    const auto channel_bytes = static_cast<std::size_t>(pixels) * x.element_size();
    const auto planes = batch * channels; // (image, channel) pairs
    const auto* source = static_cast<const char*>(x.data_ptr());
    auto* target = static_cast<char*>(out.data_ptr());
    const auto count = static_cast<double>(pixels * per_group);
    std::vector<double> sum(static_cast<std::size_t>(planes)), squares(static_cast<std::size_t>(planes));
    const auto moments = [&](const std::vector<float>& centre) {
        at::parallel_for(0, planes, 1, [&](std::int64_t first, std::int64_t last) {
            for (auto plane = first; plane < last; ++plane) {
                const auto i = static_cast<std::size_t>(plane);
                channel_moments(source + i * channel_bytes, element, pixels,
                                centre[i / static_cast<std::size_t>(per_group)], sum[i], squares[i]);
            }
        });
    };
    // The mean first, then the squares about it: no cancellation when the mean is large.
    const auto group_count = static_cast<std::size_t>(batch * groups);
    std::vector<float> centre(group_count, 0.0f);
    moments(centre);
    for (std::size_t group = 0; group < group_count; ++group) {
        double total = 0;
        for (std::size_t c = 0; c < static_cast<std::size_t>(per_group); ++c)
            total += sum[group * static_cast<std::size_t>(per_group) + c];
        centre[group] = static_cast<float>(total / count);
    }
    moments(centre);
    std::vector<float> scale(static_cast<std::size_t>(planes)), shift(static_cast<std::size_t>(planes));
    for (std::size_t group = 0; group < group_count; ++group) {
        double deviations = 0, spread = 0;
        for (std::size_t c = 0; c < static_cast<std::size_t>(per_group); ++c) {
            deviations += sum[group * static_cast<std::size_t>(per_group) + c];
            spread += squares[group * static_cast<std::size_t>(per_group) + c];
        }
        const auto statistics = kernels::group_statistics(centre[group], deviations, spread, count, eps);
        for (std::size_t c = 0; c < static_cast<std::size_t>(per_group); ++c) {
            const auto plane = group * static_cast<std::size_t>(per_group) + c;
            const auto channel = static_cast<std::int64_t>(plane % static_cast<std::size_t>(channels));
            const double a = statistics.inverse_std * gamma.data_ptr<float>()[channel];
            scale[plane] = static_cast<float>(a);
            shift[plane] = static_cast<float>(beta.data_ptr<float>()[channel] - statistics.mean * a);
        }
    }
    at::parallel_for(0, planes, 1, [&](std::int64_t first, std::int64_t last) {
        for (auto plane = first; plane < last; ++plane) {
            const auto i = static_cast<std::size_t>(plane);
            std::array<float, k_lanes> lane_scale, lane_shift;
            lane_scale.fill(scale[i]);
            lane_shift.fill(shift[i]);
            kernels::scale_shift(source + i * channel_bytes, target + i * channel_bytes, element, k_lanes,
                                 lane_scale.data(), lane_shift.data(), silu, 0, pixels / k_lanes);
        }
    });
    return out;
}

} // namespace eikona::models
