// PNDMScheduler with skip_prk_steps (PLMS only), as SD 1.5 ships it.
// Liu et al., "Pseudo Numerical Methods for Diffusion Models on Manifolds" (2022).

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <deque>

namespace eikona::schedulers {
namespace {

class PndmScheduler final : public Scheduler {
  public:
    explicit PndmScheduler(const SchedulerConfig& config)
        : Scheduler(config), m_final_alpha_cumprod(final_alpha_cumprod(config, m_alphas_cumprod))
    {
    }

    void set_timesteps(std::int64_t steps) override
    {
        m_steps = steps;
        // Leading spacing ascending, the second-to-last repeated, then reversed.
        auto descending = leading_timesteps(m_config, steps);
        std::vector<std::int64_t> ascending(descending.rbegin(), descending.rend());
        std::vector<std::int64_t> plms(ascending.begin(), ascending.end() - 1);
        if (ascending.size() >= 2)
            plms.push_back(ascending[ascending.size() - 2]);
        plms.push_back(ascending.back());
        std::reverse(plms.begin(), plms.end());
        m_timesteps = at::tensor(plms, at::kLong);
        m_ets.clear();
        m_counter = 0;
        m_cur_sample = at::Tensor();
    }

    at::Tensor step(const at::Tensor& model_output_in, std::int64_t index, const at::Tensor& sample_in,
                    NoiseSource*) override
    {
        auto model_output = model_output_in;
        auto sample = sample_in;
        std::int64_t timestep = m_timesteps[index].item<std::int64_t>();
        std::int64_t prev_timestep = timestep - m_config.num_train_timesteps / m_steps;
        if (m_counter != 1) {
            while (m_ets.size() > 3)
                m_ets.pop_front();
            m_ets.push_back(model_output);
        } else {
            prev_timestep = timestep;
            timestep = timestep + m_config.num_train_timesteps / m_steps;
        }

        const auto n = m_ets.size();
        if (n == 1 && m_counter == 0) {
            m_cur_sample = sample;
        } else if (n == 1 && m_counter == 1) {
            model_output = (model_output + m_ets.back()) / 2;
            sample = m_cur_sample;
            m_cur_sample = at::Tensor();
        } else if (n == 2) {
            model_output = (3 * m_ets[1] - m_ets[0]) / 2;
        } else if (n == 3) {
            model_output = (23 * m_ets[2] - 16 * m_ets[1] + 5 * m_ets[0]) / 12;
        } else {
            model_output =
                (1.0 / 24) * (55 * m_ets[n - 1] - 59 * m_ets[n - 2] + 37 * m_ets[n - 3] - 9 * m_ets[n - 4]);
        }
        ++m_counter;
        return previous_sample(sample, timestep, prev_timestep, model_output);
    }

  private:
    // Formula (9) of the paper.
    at::Tensor previous_sample(const at::Tensor& sample, std::int64_t timestep, std::int64_t prev_timestep,
                               const at::Tensor& model_output) const
    {
        const float alpha_prod_t = m_alphas_cumprod[timestep].item<float>();
        const float alpha_prod_t_prev =
            prev_timestep >= 0 ? m_alphas_cumprod[prev_timestep].item<float>() : m_final_alpha_cumprod;
        const float beta_prod_t = 1.0F - alpha_prod_t;
        const float beta_prod_t_prev = 1.0F - alpha_prod_t_prev;
        const float sample_coeff = std::sqrt(alpha_prod_t_prev / alpha_prod_t);
        const float denominator = alpha_prod_t * std::sqrt(beta_prod_t_prev) +
                                  std::sqrt(alpha_prod_t * beta_prod_t * alpha_prod_t_prev);
        return sample_coeff * sample - (alpha_prod_t_prev - alpha_prod_t) * model_output / denominator;
    }

    std::int64_t m_steps = 0;
    std::deque<at::Tensor> m_ets;
    std::int64_t m_counter = 0;
    at::Tensor m_cur_sample;
    float m_final_alpha_cumprod = 1.0F;
};

} // namespace

std::unique_ptr<Scheduler> make_pndm(const SchedulerConfig& config)
{
    return std::make_unique<PndmScheduler>(config);
}

} // namespace eikona::schedulers
