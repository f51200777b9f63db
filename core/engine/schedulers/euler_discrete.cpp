// EulerDiscreteScheduler (s_churn = 0) and EulerAncestralDiscreteScheduler with linspace
// spacing: Karras et al., "Elucidating the Design Space of Diffusion-Based Generative Models"
// (2022), Algorithm 2; the ancestral variant as in k-diffusion's sample_euler_ancestral.

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <cmath>

namespace eikona::schedulers {
namespace {

class EulerScheduler final : public Scheduler {
  public:
    EulerScheduler(const SchedulerConfig& config, bool ancestral)
        : Scheduler(config), m_ancestral(ancestral), m_training_sigmas(training_sigmas(m_alphas_cumprod))
    {
    }

    void set_timesteps(std::int64_t steps) override
    {
        const auto timesteps = linspace_timesteps(m_config, steps);
        m_timesteps = at::tensor(timesteps, at::kFloat);
        m_sigmas = interpolated_sigmas(m_training_sigmas, timesteps);
        // With linspace spacing the initial noise is sigma_max itself.
        m_init_noise_sigma = m_sigmas.max().item<float>();
    }

    // Both versions draw noise every step (the plain one throws it away when s_churn = 0),
    // so the generator advances as the reference's does.
    bool step_draws_noise() const override { return true; }

    at::Tensor add_noise(const at::Tensor& original, const at::Tensor& noise,
                         std::int64_t index) const override
    {
        return original + noise * sigma_at(index);
    }

    at::Tensor scale_model_input(const at::Tensor& sample, std::int64_t index) const override
    {
        return scale_by_sigma(sample, sigma_at(index));
    }

    at::Tensor step(const at::Tensor& model_output, std::int64_t index, const at::Tensor& sample,
                    NoiseSource* noise) override
    {
        if (!noise)
            throw SchedulerError("Euler samplers need a noise source");
        const float sigma = sigma_at(index);
        const float sigma_next = sigma_at(index + 1);
        const auto draw = [&] { return noise->randn_like(model_output); };
        const auto pred_original_sample = sample - sigma * model_output;
        const auto derivative = (sample - pred_original_sample) / sigma;
        if (!m_ancestral) {
            draw(); // s_churn = 0: drawn, not used
            return sample + derivative * (sigma_next - sigma);
        }
        const float sigma_up =
            std::sqrt(sigma_next * sigma_next * (sigma * sigma - sigma_next * sigma_next) / (sigma * sigma));
        const float sigma_down = std::sqrt(sigma_next * sigma_next - sigma_up * sigma_up);
        const auto previous = sample + derivative * (sigma_down - sigma);
        return previous + draw() * sigma_up;
    }

  private:
    float sigma_at(std::int64_t index) const { return m_sigmas[index].item<float>(); }

    bool m_ancestral;
    std::vector<float> m_training_sigmas;
};

} // namespace

std::unique_ptr<Scheduler> make_euler(const SchedulerConfig& config)
{
    return std::make_unique<EulerScheduler>(config, false);
}

std::unique_ptr<Scheduler> make_euler_ancestral(const SchedulerConfig& config)
{
    return std::make_unique<EulerScheduler>(config, true);
}

} // namespace eikona::schedulers
