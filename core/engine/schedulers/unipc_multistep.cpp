// UniPCMultistepScheduler as diffusers configures it for SD 1.5: order 2, data prediction,
// the B(h) = e^h - 1 variant (bh2), a corrector after every step but the first, lower order
// at the end. Zhao et al., "UniPC: A Unified Predictor-Corrector Framework for Fast Sampling
// of Diffusion Models" (2023).

#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/Functions.h>

#include <array>
#include <cmath>

namespace eikona::schedulers {
namespace {

constexpr int k_solver_order = 2;

class UniPcScheduler final : public Scheduler {
  public:
    explicit UniPcScheduler(const SchedulerConfig& config)
        : Scheduler(config), m_training_sigmas(training_sigmas(m_alphas_cumprod))
    {
    }

    void set_timesteps(std::int64_t steps) override
    {
        const auto timesteps = rounded_linspace_timesteps(m_config, steps);
        const std::vector<float> as_float(timesteps.begin(), timesteps.end());
        m_sigmas = interpolated_sigmas(m_training_sigmas, as_float);
        // The last sigma is that of training step 0, not 0.
        m_sigmas[m_sigmas.size(0) - 1] = m_training_sigmas.front();
        m_timesteps = at::tensor(timesteps, at::kLong);
        m_outputs = {};
        m_last_sample = at::Tensor();
        m_lower_order_steps = 0;
        m_order = 0;
    }

    at::Tensor add_noise(const at::Tensor& original, const at::Tensor& noise,
                         std::int64_t index) const override
    {
        const auto at_index = alpha_sigma(sigma_at(index));
        return at_index.alpha * original + at_index.sigma * noise;
    }

    at::Tensor step(const at::Tensor& model_output, std::int64_t index, const at::Tensor& sample_in,
                    NoiseSource*) override
    {
        const auto now = alpha_sigma(sigma_at(index));
        const auto x0 = (sample_in - now.sigma * model_output) / now.alpha;
        auto sample = sample_in;
        if (index > 0 && m_last_sample.defined())
            sample = corrector(x0, m_last_sample, index, m_order);
        m_outputs[0] = m_outputs[1];
        m_outputs[1] = x0;
        const auto remaining = static_cast<int>(m_timesteps.size(0) - index);
        m_order = std::min({k_solver_order, remaining, m_lower_order_steps + 1});
        m_last_sample = sample;
        const auto previous = predictor(sample, index, m_order);
        if (m_lower_order_steps < k_solver_order)
            ++m_lower_order_steps;
        return previous;
    }

  private:
    float sigma_at(std::int64_t index) const { return m_sigmas[index].item<float>(); }

    // The coefficients b_i = h phi_{i+1}(h) i! / B(h) with hh = -h (data prediction).
    static std::array<float, k_solver_order> b_coefficients(float hh, int order)
    {
        std::array<float, k_solver_order> b{};
        const float h_phi_1 = std::expm1(hh);
        float h_phi_k = h_phi_1 / hh - 1.0F;
        float factorial = 1.0F;
        const float b_h = std::expm1(hh);
        for (int i = 1; i <= order; ++i) {
            b[static_cast<std::size_t>(i - 1)] = h_phi_k * factorial / b_h;
            factorial *= static_cast<float>(i + 1);
            h_phi_k = h_phi_k / hh - 1.0F / factorial;
        }
        return b;
    }

    // UniP: x_t from x_s0 with the current and (order 2) the previous data prediction.
    at::Tensor predictor(const at::Tensor& x, std::int64_t index, int order) const
    {
        const auto t = alpha_sigma(sigma_at(index + 1));
        const auto s0 = alpha_sigma(sigma_at(index));
        const float h = t.lambda() - s0.lambda();
        const float hh = -h;
        const float h_phi_1 = std::expm1(hh);
        const float b_h = std::expm1(hh);
        const auto& m0 = m_outputs[1];
        auto x_t = (t.sigma / s0.sigma) * x - (t.alpha * h_phi_1) * m0;
        if (order == 2) {
            const auto s1 = alpha_sigma(sigma_at(index - 1));
            const float rk = (s1.lambda() - s0.lambda()) / h;
            const auto d1 = (m_outputs[0] - m0) / rk;
            x_t = x_t - (t.alpha * b_h) * (0.5F * d1); // rho = 1/2 for order 2
        }
        return x_t;
    }

    // UniC: corrects the sample just reached (x_t) using the model's output there.
    at::Tensor corrector(const at::Tensor& model_t, const at::Tensor& last_sample, std::int64_t index,
                         int order) const
    {
        const auto t = alpha_sigma(sigma_at(index));
        const auto s0 = alpha_sigma(sigma_at(index - 1));
        const float h = t.lambda() - s0.lambda();
        const float hh = -h;
        const float h_phi_1 = std::expm1(hh);
        const float b_h = std::expm1(hh);
        const auto& m0 = m_outputs[1];
        const auto b = b_coefficients(hh, order);
        const auto x_t_ = (t.sigma / s0.sigma) * last_sample - (t.alpha * h_phi_1) * m0;
        const auto d1_t = model_t - m0;
        if (order == 1) // rho = 1/2
            return x_t_ - (t.alpha * b_h) * (0.5F * d1_t);
        // Order 2: solve [[1, 1], [rk, 1]] rho = b, as LAPACK's sgesv (partial pivoting).
        const auto s1 = alpha_sigma(sigma_at(index - 2));
        const float rk = (s1.lambda() - s0.lambda()) / h;
        const auto d1 = (m_outputs[0] - m0) / rk;
        float rho0 = 0, rho1 = 0;
        if (std::fabs(rk) > 1.0F) { // pivot on the second row
            const float factor = 1.0F / rk;
            const float u22 = 1.0F - factor * 1.0F;
            const float y2 = b[0] - factor * b[1];
            rho1 = y2 / u22;
            rho0 = (b[1] - rho1) / rk;
        } else {
            const float u22 = 1.0F - rk;
            const float y2 = b[1] - rk * b[0];
            rho1 = y2 / u22;
            rho0 = b[0] - rho1;
        }
        return x_t_ - (t.alpha * b_h) * (rho0 * d1 + rho1 * d1_t);
    }

    std::vector<float> m_training_sigmas;
    std::array<at::Tensor, k_solver_order> m_outputs; ///< data predictions, oldest first
    at::Tensor m_last_sample;
    int m_lower_order_steps = 0;
    int m_order = 0;
};

} // namespace

std::unique_ptr<Scheduler> make_unipc(const SchedulerConfig& config)
{
    return std::make_unique<UniPcScheduler>(config);
}

} // namespace eikona::schedulers
