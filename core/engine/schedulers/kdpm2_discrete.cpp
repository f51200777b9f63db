// KDPM2DiscreteScheduler: the DPM-Solver-2 step of Karras et al. (2022) as k-diffusion's
// sample_dpm_2: each step evaluates the model at the sigma halfway (in log space) to the next
// one, so the loop runs over 2N - 1 timesteps, the extra ones interpolated.

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <cmath>

namespace eikona::schedulers {
namespace {

class Kdpm2Scheduler final : public Scheduler {
  public:
    explicit Kdpm2Scheduler(const SchedulerConfig& config)
        : Scheduler(config), m_training_sigmas(training_sigmas(m_alphas_cumprod))
    {
        for (const float sigma : m_training_sigmas)
            m_log_sigmas.push_back(std::log(sigma));
    }

    void set_timesteps(std::int64_t steps) override
    {
        const auto timesteps = linspace_timesteps(m_config, steps);
        const auto sigmas = interpolated_sigmas(m_training_sigmas, timesteps); // N + 1, ending in 0
        // Geometric midpoints between each sigma and the one before it (the first is unused).
        const auto midpoints = sigmas.log().lerp(sigmas.roll(1).log(), 0.5).exp();
        const auto n = sigmas.size(0);
        const auto repeat = [&](const at::Tensor& s) {
            return at::cat({s.slice(0, 0, 1), s.slice(0, 1).repeat_interleave(2), s.slice(0, n - 1)});
        };
        m_sigmas = repeat(sigmas);
        m_midpoints = repeat(midpoints);
        m_init_noise_sigma = m_sigmas.max().item<float>();

        // [t0, t(mid1), t1, t(mid2), t2, ..., t(mid_{N-1}), t_{N-1}]
        std::vector<float> loop{timesteps.front()};
        for (std::int64_t k = 1; k + 1 < n; ++k) {
            loop.push_back(static_cast<float>(sigma_to_t(midpoints[k].item<float>(), m_log_sigmas)));
            loop.push_back(timesteps[static_cast<std::size_t>(k)]);
        }
        m_timesteps = at::tensor(loop, at::kFloat);
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
        return scale_by_sigma(sample, m_first_sample.defined() ? midpoint_at(index) : sigma_at(index));
    }

    at::Tensor step(const at::Tensor& model_output, std::int64_t index, const at::Tensor& sample,
                    NoiseSource*) override
    {
        if (!m_first_sample.defined()) {
            // To the midpoint with the slope at sigma.
            const float sigma = sigma_at(index);
            const float midpoint = midpoint_at(index + 1);
            const auto pred_original_sample = sample - sigma * model_output;
            const auto derivative = (sample - pred_original_sample) / sigma;
            m_first_sample = sample;
            return sample + derivative * (midpoint - sigma);
        }
        // From the first sample to the next sigma with the slope at the midpoint.
        const float sigma = sigma_at(index - 1);
        const float midpoint = midpoint_at(index);
        const float sigma_next = sigma_at(index);
        const auto pred_original_sample = sample - midpoint * model_output;
        const auto derivative = (sample - pred_original_sample) / midpoint;
        const auto previous = m_first_sample + derivative * (sigma_next - sigma);
        m_first_sample = at::Tensor();
        return previous;
    }

  private:
    float sigma_at(std::int64_t index) const { return m_sigmas[index].item<float>(); }
    float midpoint_at(std::int64_t index) const { return m_midpoints[index].item<float>(); }

    std::vector<float> m_training_sigmas;
    std::vector<float> m_log_sigmas;
    at::Tensor m_midpoints;
    at::Tensor m_first_sample;
};

} // namespace

std::unique_ptr<Scheduler> make_kdpm2(const SchedulerConfig& config)
{
    return std::make_unique<Kdpm2Scheduler>(config);
}

} // namespace eikona::schedulers
