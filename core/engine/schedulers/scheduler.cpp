#include "schedulers/scheduler.h"

#include "io/json_value.h"
#include "schedulers/noise_schedule.h"

#include <ATen/Functions.h>
#include <nlohmann/json.hpp>

namespace eikona::schedulers {

std::unique_ptr<Scheduler> make_pndm(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_ddim(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_euler(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_euler_ancestral(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_ddpm(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_heun(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_lms(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_kdpm2(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_unipc(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_dpmpp_2m(const SchedulerConfig& config);
std::unique_ptr<Scheduler> make_dpmpp_2m_karras(const SchedulerConfig& config);

SchedulerConfig SchedulerConfig::from_json(const nlohmann::json& json)
{
    SchedulerConfig config;
    if (!json.is_object())
        throw SchedulerError("scheduler config is not a JSON object");
    const auto read = [&](const char* field, auto& value) {
        const auto it = json.find(field);
        if (it == json.end() || it->is_null())
            return;
        if (!io::json_holds<std::decay_t<decltype(value)>>(*it))
            throw SchedulerError(std::string("scheduler config field \"") + field +
                                 "\" has the wrong type or is out of range");
        value = it->get<std::decay_t<decltype(value)>>();
    };
    read("num_train_timesteps", config.num_train_timesteps);
    read("beta_start", config.beta_start);
    read("beta_end", config.beta_end);
    read("beta_schedule", config.beta_schedule);
    read("steps_offset", config.steps_offset);
    read("set_alpha_to_one", config.set_alpha_to_one);
    if (config.beta_schedule != "scaled_linear" && config.beta_schedule != "linear")
        throw SchedulerError("scheduler config field \"beta_schedule\" = \"" + config.beta_schedule +
                             "\" is not supported");
    // Each noise level is a table entry; SD's 1000 is typical, a billion would be 4 GB of table.
    if (config.num_train_timesteps > 100000)
        throw SchedulerError(
            "scheduler config field \"num_train_timesteps\" = " + std::to_string(config.num_train_timesteps) +
            " is more than any model uses (the limit is 100000)");
    if (config.num_train_timesteps < 2)
        throw SchedulerError("scheduler config field \"num_train_timesteps\" must be at least 2");
    if (const auto it = json.find("prediction_type"); it != json.end() && *it != "epsilon")
        throw SchedulerError("scheduler config field \"prediction_type\" = " + it->dump() +
                             " is not supported");
    if (const auto it = json.find("trained_betas"); it != json.end() && !it->is_null())
        throw SchedulerError("scheduler config field \"trained_betas\" is not supported");
    return config;
}

Scheduler::Scheduler(const SchedulerConfig& config)
    : m_config(config), m_alphas_cumprod(alphas_cumprod(config))
{
}

at::Tensor Scheduler::scale_model_input(const at::Tensor& sample, std::int64_t) const
{
    return sample;
}

at::Tensor Scheduler::add_noise(const at::Tensor& original, const at::Tensor& noise, std::int64_t index) const
{
    const auto timestep = m_timesteps[index].item<std::int64_t>();
    const auto alpha_prod = m_alphas_cumprod[timestep];
    const auto sqrt_alpha_prod = alpha_prod.pow(0.5).item<float>();
    const auto sqrt_one_minus_alpha_prod = (1 - alpha_prod).pow(0.5).item<float>();
    return sqrt_alpha_prod * original + sqrt_one_minus_alpha_prod * noise;
}

const std::vector<SamplerInfo>& samplers()
{
    // The one list of samplers: the CLI's help, the window's menu and make_scheduler read it.
    static const std::vector<SamplerInfo> table{
        {"pndm", "PNDMScheduler", "PLMS", make_pndm},
        {"ddim", "DDIMScheduler", "DDIM", make_ddim},
        {"lms", "LMSDiscreteScheduler", "LMS", make_lms},
        {"euler", "EulerDiscreteScheduler", "Euler", make_euler},
        {"euler_a", "EulerAncestralDiscreteScheduler", "Euler a", make_euler_ancestral},
        {"dpmpp_2m", "DPMSolverMultistepScheduler", "DPM++ 2M", make_dpmpp_2m},
        {"dpmpp_2m_karras", "DPMSolverMultistepScheduler", "DPM++ 2M Karras", make_dpmpp_2m_karras},
        {"heun", "HeunDiscreteScheduler", "Heun", make_heun},
        {"unipc", "UniPCMultistepScheduler", "UniPC", make_unipc},
        {"ddpm", "DDPMScheduler", "DDPM", make_ddpm},
        {"kdpm2", "KDPM2DiscreteScheduler", "DPM2", make_kdpm2},
    };
    return table;
}

const SamplerInfo* find_sampler(std::string_view id)
{
    for (const auto& info : samplers())
        if (info.id == id)
            return &info;
    return nullptr;
}

std::optional<std::string_view> sampler_for_class(std::string_view diffusers_class)
{
    for (const auto& info : samplers())
        if (info.diffusers_class == diffusers_class)
            return info.id; // the first row of a class is its plain form
    return std::nullopt;
}

std::unique_ptr<Scheduler> make_scheduler(std::string_view id, const SchedulerConfig& config)
{
    if (const auto* info = find_sampler(id))
        return info->make(config);
    throw SchedulerError("unknown sampler \"" + std::string(id) + "\"");
}

} // namespace eikona::schedulers
