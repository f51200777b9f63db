// LMSDiscreteScheduler: linear multistep (order 4) on the Karras ODE, as in k-diffusion's
// sample_lms. The reference integrates each Lagrange basis polynomial numerically
// (scipy quad); a five-point Gauss-Legendre rule integrates these cubics exactly.

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <array>
#include <cmath>
#include <deque>

namespace eikona::schedulers {
namespace {

constexpr int k_order = 4;

class LmsScheduler final : public Scheduler {
  public:
    explicit LmsScheduler(const SchedulerConfig& config)
        : Scheduler(config), m_training_sigmas(training_sigmas(m_alphas_cumprod))
    {
    }

    void set_timesteps(std::int64_t steps) override
    {
        const auto timesteps = linspace_timesteps(m_config, steps);
        m_timesteps = at::tensor(timesteps, at::kFloat);
        m_sigmas = interpolated_sigmas(m_training_sigmas, timesteps);
        m_init_noise_sigma = m_sigmas.max().item<float>();
        m_derivatives.clear();
    }

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
                    NoiseSource*) override
    {
        const float sigma = sigma_at(index);
        const auto pred_original_sample = sample - sigma * model_output;
        m_derivatives.push_back((sample - pred_original_sample) / sigma);
        if (m_derivatives.size() > static_cast<std::size_t>(k_order))
            m_derivatives.pop_front();
        const int order = static_cast<int>(std::min<std::int64_t>(index + 1, k_order));
        at::Tensor sum;
        for (int j = 0; j < order; ++j) {
            const double coefficient = lms_coefficient(order, index, j);
            const auto term =
                coefficient * m_derivatives[m_derivatives.size() - 1 - static_cast<std::size_t>(j)];
            sum = sum.defined() ? sum + term : term;
        }
        return sample + sum;
    }

  private:
    float sigma_at(std::int64_t index) const { return m_sigmas[index].item<float>(); }

    // The integral from sigma_t to sigma_{t+1} of the Lagrange basis polynomial of node
    // t - j over the nodes sigma_t, ..., sigma_{t - order + 1}.
    double lms_coefficient(int order, std::int64_t t, int j) const
    {
        static constexpr std::array<double, 5> nodes{0.0, -0.5384693101056831, 0.5384693101056831,
                                                     -0.9061798459386640, 0.9061798459386640};
        static constexpr std::array<double, 5> weights{0.5688888888888889, 0.4786286704993665,
                                                       0.4786286704993665, 0.2369268850561891,
                                                       0.2369268850561891};
        const double a = sigma_at(t), b = sigma_at(t + 1);
        double integral = 0;
        for (std::size_t n = 0; n < nodes.size(); ++n) {
            const double tau = (b - a) / 2 * nodes[n] + (a + b) / 2;
            double product = 1.0;
            for (int k = 0; k < order; ++k) {
                if (k == j)
                    continue;
                const double node_k = sigma_at(t - k);
                product *= (tau - node_k) / (static_cast<double>(sigma_at(t - j)) - node_k);
            }
            integral += weights[n] * product;
        }
        return integral * (b - a) / 2;
    }

    std::vector<float> m_training_sigmas;
    std::deque<at::Tensor> m_derivatives;
};

} // namespace

std::unique_ptr<Scheduler> make_lms(const SchedulerConfig& config)
{
    return std::make_unique<LmsScheduler>(config);
}

} // namespace eikona::schedulers
