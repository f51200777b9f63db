#pragma once
// The scheduler contract of diffusers (set_timesteps, scale_model_input, step), by loop index:
// the pipeline runs over timesteps() in order and passes the position of each. One algorithm
// per file; the table below is the one place that names them.

#include "schedulers/noise_source.h"

#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eikona::schedulers {

class SchedulerError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The fields of scheduler_config.json the algorithms read (SD 1.5's values by default).
struct SchedulerConfig {
    std::int64_t num_train_timesteps = 1000;
    double beta_start = 0.00085;
    double beta_end = 0.012;
    std::string beta_schedule = "scaled_linear";
    std::int64_t steps_offset = 1;
    bool set_alpha_to_one = false;

    /// Throws SchedulerError naming a field whose value is not supported.
    static SchedulerConfig from_json(const nlohmann::json& json);
};

class Scheduler {
  public:
    virtual ~Scheduler() = default;

    virtual void set_timesteps(std::int64_t steps) = 0;
    /// The loop's timesteps: int64 or float32, as the reference holds them.
    const at::Tensor& timesteps() const { return m_timesteps; }
    /// Sigmas for the sigma-based schedulers (one more than steps, ending in 0), else undefined.
    const at::Tensor& sigmas() const { return m_sigmas; }
    double init_noise_sigma() const { return m_init_noise_sigma; }
    /// Whether step() draws random numbers (it must then be given a noise source).
    virtual bool step_draws_noise() const { return false; }
    /// Model evaluations per step (2 for Heun and KDPM2): img2img skips `order` entries of
    /// timesteps() per skipped step.
    virtual std::int64_t order() const { return 1; }
    /// The sample noised to loop position `index` (img2img's start): by default the DDPM
    /// forward process sqrt(a) x + sqrt(1 - a) noise at that timestep.
    virtual at::Tensor add_noise(const at::Tensor& original, const at::Tensor& noise,
                                 std::int64_t index) const;

    /// The UNet input for loop position `index`.
    virtual at::Tensor scale_model_input(const at::Tensor& sample, std::int64_t index) const;
    /// The sample after loop position `index`, given the model's noise prediction.
    virtual at::Tensor step(const at::Tensor& model_output, std::int64_t index, const at::Tensor& sample,
                            NoiseSource* noise) = 0;

  protected:
    explicit Scheduler(const SchedulerConfig& config);

    SchedulerConfig m_config;
    at::Tensor m_alphas_cumprod; ///< float32 [num_train_timesteps]
    at::Tensor m_timesteps;
    at::Tensor m_sigmas;
    double m_init_noise_sigma = 1.0;
};

/// One row per sampler: the CLI id, the diffusers class, A1111's label.
struct SamplerInfo {
    std::string_view id;
    std::string_view diffusers_class;
    std::string_view a1111_label;
    std::unique_ptr<Scheduler> (*make)(const SchedulerConfig& config); ///< what make_scheduler runs
};

const std::vector<SamplerInfo>& samplers();
/// nullptr for an unknown id.
const SamplerInfo* find_sampler(std::string_view id);
/// The sampler a model's scheduler_config.json names ("PNDMScheduler" -> pndm).
std::optional<std::string_view> sampler_for_class(std::string_view diffusers_class);

/// Throws SchedulerError for an id without an implementation.
std::unique_ptr<Scheduler> make_scheduler(std::string_view id, const SchedulerConfig& config = {});

} // namespace eikona::schedulers
