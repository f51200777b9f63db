// HeunDiscreteScheduler: Karras et al. (2022), Algorithm 1 (Heun's second-order method).
// Every step but the first takes two model evaluations, so the loop runs over 2N - 1
// timesteps; sigmas are repeated accordingly.

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <cmath>

namespace eikona::schedulers {
namespace {

class HeunScheduler final : public Scheduler {
  public:
    explicit HeunScheduler(const SchedulerConfig& config)
        : Scheduler(config), m_training_sigmas(training_sigmas(m_alphas_cumprod))
    {
    }

    void set_timesteps(std::int64_t steps) override
    {
        const auto timesteps = linspace_timesteps(m_config, steps);
        const auto sigmas = interpolated_sigmas(m_training_sigmas, timesteps); // N + 1, ending in 0
        m_init_noise_sigma = sigmas.max().item<float>();
        // [s0, s1, s1, s2, s2, ..., s_{N-1}, s_{N-1}, 0] and [t0, t1, t1, ..., t_{N-1}, t_{N-1}]
        const auto n = sigmas.size(0);
        m_sigmas = at::cat(
            {sigmas.slice(0, 0, 1), sigmas.slice(0, 1, n - 1).repeat_interleave(2), sigmas.slice(0, n - 1)});
        const auto t = at::tensor(timesteps, at::kFloat);
        m_timesteps = at::cat({t.slice(0, 0, 1), t.slice(0, 1).repeat_interleave(2)});
        m_first_derivative = at::Tensor();
        m_first_sample = at::Tensor();
    }

    at::Tensor add_noise(const at::Tensor& original, const at::Tensor& noise,
                         std::int64_t index) const override
    {
        return original + noise * sigma_at(index);
    }

    std::int64_t order() const override { return 2; }

    at::Tensor scale_model_input(const at::Tensor& sample, std::int64_t index) const override
    {
        return scale_by_sigma(sample, sigma_at(index));
    }

    at::Tensor step(const at::Tensor& model_output, std::int64_t index, const at::Tensor& sample,
                    NoiseSource*) override
    {
        if (!m_first_derivative.defined()) {
            // First evaluation: an Euler step, remembered for the correction.
            const float sigma = sigma_at(index);
            const float sigma_next = sigma_at(index + 1);
            const auto pred_original_sample = sample - sigma * model_output;
            const auto derivative = (sample - pred_original_sample) / sigma;
            m_dt = sigma_next - sigma;
            m_first_derivative = derivative;
            m_first_sample = sample;
            return sample + derivative * m_dt;
        }
        // Second evaluation at the Euler point: average the two slopes from the first sample.
        const float sigma_next = sigma_at(index);
        const auto pred_original_sample = sample - sigma_next * model_output;
        const auto derivative = ((sample - pred_original_sample) / sigma_next + m_first_derivative) / 2;
        const auto previous = m_first_sample + derivative * m_dt;
        m_first_derivative = at::Tensor();
        m_first_sample = at::Tensor();
        return previous;
    }

  private:
    float sigma_at(std::int64_t index) const { return m_sigmas[index].item<float>(); }

    std::vector<float> m_training_sigmas;
    at::Tensor m_first_derivative;
    at::Tensor m_first_sample;
    float m_dt = 0;
};

} // namespace

std::unique_ptr<Scheduler> make_heun(const SchedulerConfig& config)
{
    return std::make_unique<HeunScheduler>(config);
}

} // namespace eikona::schedulers
