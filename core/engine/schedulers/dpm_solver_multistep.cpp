// DPMSolverMultistepScheduler as DPM++ 2M: algorithm dpmsolver++, solver order 2, midpoint,
// lower order at the final step (final sigma 0), optionally with Karras sigmas.
// Lu et al., "DPM-Solver++: Fast Solver for Guided Sampling of Diffusion Probabilistic
// Models" (2022); Karras et al. (2022) for the sigma schedule.

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <cmath>

namespace eikona::schedulers {
namespace {

class DpmSolverMultistep final : public Scheduler {
  public:
    DpmSolverMultistep(const SchedulerConfig& config, bool karras)
        : Scheduler(config), m_karras(karras), m_training_sigmas(training_sigmas(m_alphas_cumprod))
    {
    }

    void set_timesteps(std::int64_t steps) override
    {
        auto timesteps = rounded_linspace_timesteps(m_config, steps);
        std::vector<float> sigmas;
        if (m_karras) {
            std::vector<float> log_sigmas;
            for (const float s : m_training_sigmas)
                log_sigmas.push_back(std::log(s));
            const double sigma_min = m_training_sigmas.front();
            const double sigma_max = m_training_sigmas.back();
            constexpr double rho = 7.0;
            const double min_inv_rho = std::pow(sigma_min, 1.0 / rho);
            const double max_inv_rho = std::pow(sigma_max, 1.0 / rho);
            timesteps.clear();
            for (std::int64_t i = 0; i < steps; ++i) {
                const double ramp = steps > 1 ? static_cast<double>(i) / static_cast<double>(steps - 1) : 0.0;
                const double sigma = std::pow(max_inv_rho + ramp * (min_inv_rho - max_inv_rho), rho);
                sigmas.push_back(static_cast<float>(sigma));
                timesteps.push_back(static_cast<std::int64_t>(std::nearbyint(sigma_to_t(sigma, log_sigmas))));
            }
            sigmas.push_back(0.0F);
            m_sigmas = at::tensor(sigmas, at::kFloat);
        } else {
            const std::vector<float> as_float(timesteps.begin(), timesteps.end());
            m_sigmas = interpolated_sigmas(m_training_sigmas, as_float);
        }
        m_timesteps = at::tensor(timesteps, at::kLong);
        m_previous_output = at::Tensor();
        m_lower_order_steps = 0;
    }

    at::Tensor add_noise(const at::Tensor& original, const at::Tensor& noise,
                         std::int64_t index) const override
    {
        const auto at_index = alpha_sigma(sigma_at(index));
        return at_index.alpha * original + at_index.sigma * noise;
    }

    at::Tensor step(const at::Tensor& model_output, std::int64_t index, const at::Tensor& sample,
                    NoiseSource*) override
    {
        const auto count = m_timesteps.size(0);
        // The last step, into sigma 0, is first order (lower_order_final).
        const bool final_step = index == count - 1;
        // The data prediction x0 from the noise prediction.
        const auto now = alpha_sigma(sigma_at(index));
        const auto x0 = (sample - now.sigma * model_output) / now.alpha;

        at::Tensor previous;
        if (m_lower_order_steps < 1 || final_step)
            previous = first_order(x0, index, sample);
        else
            previous = second_order(x0, m_previous_output, index, sample);
        m_previous_output = x0;
        if (m_lower_order_steps < 2)
            ++m_lower_order_steps;
        return previous;
    }

  private:
    float sigma_at(std::int64_t index) const { return m_sigmas[index].item<float>(); }

    at::Tensor first_order(const at::Tensor& x0, std::int64_t index, const at::Tensor& sample) const
    {
        const auto t = alpha_sigma(sigma_at(index + 1));
        const auto s = alpha_sigma(sigma_at(index));
        const float h = t.lambda() - s.lambda();
        return (t.sigma / s.sigma) * sample - (t.alpha * (std::exp(-h) - 1.0F)) * x0;
    }

    at::Tensor second_order(const at::Tensor& m0, const at::Tensor& m1, std::int64_t index,
                            const at::Tensor& sample) const
    {
        const auto t = alpha_sigma(sigma_at(index + 1));
        const auto s0 = alpha_sigma(sigma_at(index));
        const auto s1 = alpha_sigma(sigma_at(index - 1));
        const float h = t.lambda() - s0.lambda();
        const float h0 = s0.lambda() - s1.lambda();
        const float r0 = h0 / h;
        const auto d1 = (1.0F / r0) * (m0 - m1);
        const float coeff = t.alpha * (std::exp(-h) - 1.0F);
        return (t.sigma / s0.sigma) * sample - coeff * m0 - 0.5F * coeff * d1;
    }

    bool m_karras;
    std::vector<float> m_training_sigmas;
    at::Tensor m_previous_output;
    int m_lower_order_steps = 0;
};

} // namespace

std::unique_ptr<Scheduler> make_dpmpp_2m(const SchedulerConfig& config)
{
    return std::make_unique<DpmSolverMultistep>(config, false);
}

std::unique_ptr<Scheduler> make_dpmpp_2m_karras(const SchedulerConfig& config)
{
    return std::make_unique<DpmSolverMultistep>(config, true);
}

} // namespace eikona::schedulers
