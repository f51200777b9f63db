// DDIMScheduler with eta = 0 (deterministic), as the reference pipeline runs it.
// Song et al., "Denoising Diffusion Implicit Models" (2021).

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <cmath>

namespace eikona::schedulers {
namespace {

class DdimScheduler final : public Scheduler {
  public:
    explicit DdimScheduler(const SchedulerConfig& config)
        : Scheduler(config), m_final_alpha_cumprod(final_alpha_cumprod(config, m_alphas_cumprod))
    {
    }

    void set_timesteps(std::int64_t steps) override
    {
        m_steps = steps;
        m_timesteps = at::tensor(leading_timesteps(m_config, steps), at::kLong);
    }

    at::Tensor step(const at::Tensor& model_output, std::int64_t index, const at::Tensor& sample,
                    NoiseSource*) override
    {
        const auto timestep = m_timesteps[index].item<std::int64_t>();
        const auto prev_timestep = timestep - m_config.num_train_timesteps / m_steps;
        const float alpha_prod_t = m_alphas_cumprod[timestep].item<float>();
        const float alpha_prod_t_prev =
            prev_timestep >= 0 ? m_alphas_cumprod[prev_timestep].item<float>() : m_final_alpha_cumprod;
        const float beta_prod_t = 1.0F - alpha_prod_t;
        // Formula (12) with sigma_t = 0.
        const auto pred_original_sample =
            (sample - std::sqrt(beta_prod_t) * model_output) / std::sqrt(alpha_prod_t);
        const auto direction = std::sqrt(1.0F - alpha_prod_t_prev) * model_output;
        return std::sqrt(alpha_prod_t_prev) * pred_original_sample + direction;
    }

  private:
    std::int64_t m_steps = 0;
    float m_final_alpha_cumprod = 1.0F;
};

} // namespace

std::unique_ptr<Scheduler> make_ddim(const SchedulerConfig& config)
{
    return std::make_unique<DdimScheduler>(config);
}

} // namespace eikona::schedulers
