#pragma once
// The pieces the schedulers share: the training noise schedule and the two ways diffusers
// spaces inference timesteps, computed in the reference's precision.

#include "schedulers/scheduler.h"

#include <vector>

namespace eikona::schedulers {

/// alphas_cumprod = cumprod(1 - betas), float32, with betas from the config
/// (scaled_linear: linspace(sqrt(start), sqrt(end), T)^2).
at::Tensor alphas_cumprod(const SchedulerConfig& config);

/// alpha_cumprod "before" the first training step: 1 with set_alpha_to_one, else alphas_cumprod[0].
float final_alpha_cumprod(const SchedulerConfig& config, const at::Tensor& alphas_cumprod);

/// "leading" spacing: (arange(N) * (T // N)).round() + steps_offset, descending, int64.
std::vector<std::int64_t> leading_timesteps(const SchedulerConfig& config, std::int64_t steps);

/// "linspace" spacing: linspace(0, T - 1, N) in float32, descending.
std::vector<float> linspace_timesteps(const SchedulerConfig& config, std::int64_t steps);

/// sqrt((1 - a) / a) per training timestep, float32 (the reference computes it in torch).
std::vector<float> training_sigmas(const at::Tensor& alphas_cumprod);

/// linspace(0, T - 1, N + 1).round(), descending, without its last element (int64): the
/// spacing DPM-Solver and UniPC use.
std::vector<std::int64_t> rounded_linspace_timesteps(const SchedulerConfig& config, std::int64_t steps);

/// A sigma of the variance-exploding form as the variance-preserving pair (alpha_t, sigma_t)
/// and its log signal-to-noise ratio lambda.
struct AlphaSigma {
    float alpha;
    float sigma;
    float lambda() const;
};
AlphaSigma alpha_sigma(float sigma);

/// The UNet input for a sigma-based scheduler: sample / sqrt(sigma^2 + 1).
at::Tensor scale_by_sigma(const at::Tensor& sample, float sigma);

/// The fractional training timestep of a sigma: linear interpolation between the two
/// neighbouring log-sigmas, as the reference's _sigma_to_t (double against float32 logs).
double sigma_to_t(double sigma, const std::vector<float>& log_sigmas);

/// numpy.interp of the training sigmas at (fractional) timesteps, in double then float32,
/// with a final 0 appended.
at::Tensor interpolated_sigmas(const std::vector<float>& training, const std::vector<float>& timesteps);

} // namespace eikona::schedulers
