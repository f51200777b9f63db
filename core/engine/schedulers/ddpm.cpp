// DDPMScheduler with fixed_small variance (ancestral sampling, noise drawn whenever t > 0).
// Ho et al., "Denoising Diffusion Probabilistic Models" (2020).

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <algorithm>
#include <cmath>

namespace eikona::schedulers {
namespace {

class DdpmScheduler final : public Scheduler {
  public:
    explicit DdpmScheduler(const SchedulerConfig& config) : Scheduler(config) {}

    void set_timesteps(std::int64_t steps) override
    {
        m_steps = steps;
        m_timesteps = at::tensor(leading_timesteps(m_config, steps), at::kLong);
    }

    bool step_draws_noise() const override { return true; }

    at::Tensor step(const at::Tensor& model_output, std::int64_t index, const at::Tensor& sample,
                    NoiseSource* noise) override
    {
        const auto t = m_timesteps[index].item<std::int64_t>();
        const auto prev_t = t - m_config.num_train_timesteps / m_steps;
        const float alpha_prod_t = m_alphas_cumprod[t].item<float>();
        const float alpha_prod_t_prev = prev_t >= 0 ? m_alphas_cumprod[prev_t].item<float>() : 1.0F;
        const float beta_prod_t = 1.0F - alpha_prod_t;
        const float beta_prod_t_prev = 1.0F - alpha_prod_t_prev;
        const float current_alpha_t = alpha_prod_t / alpha_prod_t_prev;
        const float current_beta_t = 1.0F - current_alpha_t;

        // Formulas (15) and (7) of the paper.
        const auto pred_original_sample =
            (sample - std::sqrt(beta_prod_t) * model_output) / std::sqrt(alpha_prod_t);
        const float original_coeff = std::sqrt(alpha_prod_t_prev) * current_beta_t / beta_prod_t;
        const float sample_coeff = std::sqrt(current_alpha_t) * beta_prod_t_prev / beta_prod_t;
        auto previous = original_coeff * pred_original_sample + sample_coeff * sample;
        if (t > 0) {
            if (!noise)
                throw SchedulerError("DDPM needs a noise source");
            const float variance = std::max(beta_prod_t_prev / beta_prod_t * current_beta_t, 1e-20F);
            previous = previous + std::sqrt(variance) * noise->randn_like(model_output);
        }
        return previous;
    }

  private:
    std::int64_t m_steps = 0;
};

} // namespace

std::unique_ptr<Scheduler> make_ddpm(const SchedulerConfig& config)
{
    return std::make_unique<DdpmScheduler>(config);
}

} // namespace eikona::schedulers
