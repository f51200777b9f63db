#include "pipeline/stable_diffusion.h"

#include "io/model_folder.h"

#include <nlohmann/json.hpp>

namespace eikona::pipeline {

StableDiffusion load_stable_diffusion(const std::filesystem::path& folder, const models::LoadSettings& settings)
{
    const auto model = io::ModelFolder::open(folder);
    const auto scheduler = model.config("scheduler");
    return StableDiffusion{tokenizer::ClipTokenizer::from_directory(model.component("tokenizer").directory),
                           models::load_text_encoder(model, settings),
                           models::load_unet(model, settings),
                           models::load_vae(model, settings),
                           schedulers::SchedulerConfig::from_json(scheduler),
                           scheduler.value("_class_name", std::string())};
}

std::string default_sampler(const StableDiffusion& model)
{
    const auto id = schedulers::sampler_for_class(model.scheduler_class);
    return id ? std::string(*id) : std::string("pndm");
}

} // namespace eikona::pipeline
