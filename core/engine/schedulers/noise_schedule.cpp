#include "schedulers/noise_schedule.h"

#include <ATen/Functions.h>

#include <algorithm>
#include <cmath>

namespace eikona::schedulers {

at::Tensor alphas_cumprod(const SchedulerConfig& config)
{
    const auto options = at::TensorOptions().dtype(at::kFloat);
    at::Tensor betas;
    if (config.beta_schedule == "scaled_linear")
        betas = at::linspace(std::sqrt(config.beta_start), std::sqrt(config.beta_end),
                             config.num_train_timesteps, options)
                    .pow(2);
    else
        betas = at::linspace(config.beta_start, config.beta_end, config.num_train_timesteps, options);
    return at::cumprod(1.0 - betas, 0);
}

float final_alpha_cumprod(const SchedulerConfig& config, const at::Tensor& alphas_cumprod)
{
    return config.set_alpha_to_one ? 1.0F : alphas_cumprod[0].item<float>();
}

std::vector<std::int64_t> leading_timesteps(const SchedulerConfig& config, std::int64_t steps)
{
    const auto ratio = config.num_train_timesteps / steps;
    std::vector<std::int64_t> timesteps;
    for (std::int64_t i = steps - 1; i >= 0; --i)
        timesteps.push_back(i * ratio + config.steps_offset);
    return timesteps;
}

std::vector<float> linspace_timesteps(const SchedulerConfig& config, std::int64_t steps)
{
    // numpy.linspace(0, T - 1, N, dtype=float32): computed in double, then cast.
    const double end = static_cast<double>(config.num_train_timesteps - 1);
    const double step = steps > 1 ? end / static_cast<double>(steps - 1) : 0.0;
    std::vector<float> timesteps;
    for (std::int64_t i = steps - 1; i >= 0; --i) {
        const double value = steps > 1 && i == steps - 1 ? end : static_cast<double>(i) * step;
        timesteps.push_back(static_cast<float>(value));
    }
    return timesteps;
}

std::vector<float> training_sigmas(const at::Tensor& alphas_cumprod)
{
    const auto sigmas = ((1.0 - alphas_cumprod) / alphas_cumprod).pow(0.5).contiguous();
    return {sigmas.data_ptr<float>(), sigmas.data_ptr<float>() + sigmas.numel()};
}

double sigma_to_t(double sigma, const std::vector<float>& log_sigmas)
{
    const double log_sigma = std::log(std::max(sigma, 1e-10));
    std::size_t low = 0;
    for (std::size_t i = 0; i < log_sigmas.size(); ++i)
        if (log_sigma - static_cast<double>(log_sigmas[i]) >= 0)
            low = i;
    low = std::min(low, log_sigmas.size() - 2);
    const double lo = log_sigmas[low], hi = log_sigmas[low + 1];
    const double w = std::clamp((lo - log_sigma) / (lo - hi), 0.0, 1.0);
    return (1.0 - w) * static_cast<double>(low) + w * static_cast<double>(low + 1);
}

std::vector<std::int64_t> rounded_linspace_timesteps(const SchedulerConfig& config, std::int64_t steps)
{
    const auto train = config.num_train_timesteps;
    const double step = static_cast<double>(train - 1) / static_cast<double>(steps);
    std::vector<std::int64_t> timesteps;
    for (std::int64_t i = steps; i >= 1; --i)
        timesteps.push_back(static_cast<std::int64_t>(
            std::nearbyint(i == steps ? static_cast<double>(train - 1) : static_cast<double>(i) * step)));
    return timesteps;
}

float AlphaSigma::lambda() const
{
    return std::log(alpha) - std::log(sigma);
}

AlphaSigma alpha_sigma(float sigma)
{
    const float alpha = 1.0F / std::sqrt(sigma * sigma + 1.0F);
    return {alpha, sigma * alpha};
}

at::Tensor scale_by_sigma(const at::Tensor& sample, float sigma)
{
    return sample / std::sqrt(sigma * sigma + 1.0F);
}

at::Tensor interpolated_sigmas(const std::vector<float>& training, const std::vector<float>& timesteps)
{
    auto sigmas = at::empty({static_cast<std::int64_t>(timesteps.size()) + 1}, at::kFloat);
    auto* out = sigmas.data_ptr<float>();
    const auto last = static_cast<double>(training.size() - 1);
    for (std::size_t i = 0; i < timesteps.size(); ++i) {
        const double t = std::clamp(static_cast<double>(timesteps[i]), 0.0, last);
        const auto low = static_cast<std::size_t>(std::floor(t));
        const auto high = std::min(low + 1, training.size() - 1);
        const double fraction = t - static_cast<double>(low);
        const double a = training[low], b = training[high];
        out[i] = static_cast<float>(high == low ? a : a + (b - a) * fraction);
    }
    out[timesteps.size()] = 0.0F;
    return sigmas;
}

} // namespace eikona::schedulers
