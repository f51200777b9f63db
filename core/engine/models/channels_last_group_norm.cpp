#include "models/channels_last_group_norm.h"

#include "models/group_norm_kernel.h"

#include <ATen/Functions.h>
#include <ATen/Parallel.h>

#include <cmath>
#include <vector>

namespace eikona::models {
namespace {

// Adds the moments of pixels [0, pixels) of one image about `centre`, split between threads,
// each with its own sums.
void moments(const void* image, kernels::Element element, std::int64_t channels, std::int64_t pixels,
             const std::vector<float>& centre, std::vector<double>& sum, std::vector<double>& squares)
{
    const auto parts = std::max<std::int64_t>(1, std::min<std::int64_t>(at::get_num_threads(), pixels / 256));
    std::vector<std::vector<double>> part_sum(static_cast<std::size_t>(parts),
                                              std::vector<double>(sum.size()));
    std::vector<std::vector<double>> part_squares(static_cast<std::size_t>(parts),
                                                  std::vector<double>(sum.size()));
    at::parallel_for(0, parts, 1, [&](std::int64_t begin, std::int64_t end) {
        for (auto part = begin; part < end; ++part)
            kernels::channel_moments(image, element, channels, pixels * part / parts,
                                     pixels * (part + 1) / parts, centre.data(),
                                     part_sum[static_cast<std::size_t>(part)].data(),
                                     part_squares[static_cast<std::size_t>(part)].data());
    });
    for (std::size_t part = 0; part < part_sum.size(); ++part)
        for (std::size_t c = 0; c < sum.size(); ++c) {
            sum[c] += part_sum[part][c];
            squares[c] += part_squares[part][c];
        }
}

} // namespace

bool group_norm_channels_last_applies(const at::Tensor& x, std::int64_t groups)
{
    return x.is_cpu() && x.dim() == 4 &&
           (x.scalar_type() == at::kFloat || x.scalar_type() == at::kBFloat16) && !x.is_contiguous() &&
           x.is_contiguous(at::MemoryFormat::ChannelsLast) && groups > 0 && x.size(1) % 16 == 0 &&
           x.size(1) % groups == 0 && kernels::group_norm_kernel_supported();
}

at::Tensor group_norm_channels_last(const at::Tensor& x, std::int64_t groups, const at::Tensor& weight,
                                    const at::Tensor& bias, double eps, bool silu)
{
    const auto element = x.scalar_type() == at::kFloat ? kernels::Element::F32 : kernels::Element::BF16;
    const auto batch = x.size(0), channels = x.size(1), pixels = x.size(2) * x.size(3);
    const auto per_group = channels / groups;
    const auto gamma = weight.to(at::kFloat).contiguous();
    const auto beta = bias.to(at::kFloat).contiguous();
    auto out = at::empty_like(x, at::MemoryFormat::ChannelsLast);
    const auto image_bytes = static_cast<std::size_t>(pixels * channels) * x.element_size();
    const auto count = static_cast<double>(pixels * per_group);
    const auto c_count = static_cast<std::size_t>(channels);
    for (std::int64_t n = 0; n < batch; ++n) {
        const void* image =
            static_cast<const char*>(x.data_ptr()) + static_cast<std::size_t>(n) * image_bytes;
        void* target = static_cast<char*>(out.data_ptr()) + static_cast<std::size_t>(n) * image_bytes;
        // The mean first, then the squares about it: no cancellation when the mean is large.
        std::vector<float> centre(c_count, 0.0f);
        std::vector<double> sum(c_count), squares(c_count);
        moments(image, element, channels, pixels, centre, sum, squares);
        for (std::int64_t g = 0; g < groups; ++g) {
            double total = 0;
            for (auto c = g * per_group; c < (g + 1) * per_group; ++c)
                total += sum[static_cast<std::size_t>(c)];
            for (auto c = g * per_group; c < (g + 1) * per_group; ++c)
                centre[static_cast<std::size_t>(c)] = static_cast<float>(total / count);
        }
        std::fill(sum.begin(), sum.end(), 0.0);
        std::fill(squares.begin(), squares.end(), 0.0);
        moments(image, element, channels, pixels, centre, sum, squares);
        std::vector<float> scale(c_count), shift(c_count);
        for (std::int64_t g = 0; g < groups; ++g) {
            double deviations = 0, spread = 0;
            for (auto c = g * per_group; c < (g + 1) * per_group; ++c) {
                deviations += sum[static_cast<std::size_t>(c)];
                spread += squares[static_cast<std::size_t>(c)];
            }
            const auto group = kernels::group_statistics(centre[static_cast<std::size_t>(g * per_group)],
                                                         deviations, spread, count, eps);
            for (auto c = g * per_group; c < (g + 1) * per_group; ++c) {
                const auto i = static_cast<std::size_t>(c);
                const double a = group.inverse_std * gamma.data_ptr<float>()[c];
                scale[i] = static_cast<float>(a);
                shift[i] = static_cast<float>(beta.data_ptr<float>()[c] - group.mean * a);
            }
        }
        at::parallel_for(0, pixels, 512, [&](std::int64_t first, std::int64_t last) {
            kernels::scale_shift(image, target, element, channels, scale.data(), shift.data(), silu, first,
                                 last);
        });
    }
    return out;
}

} // namespace eikona::models
