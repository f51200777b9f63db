#pragma once
// The loaded parts of one Stable Diffusion 1.x model, used together by the pipelines.

#include "models/autoencoder_kl.h"
#include "models/clip_text_model.h"
#include "models/model_loader.h"
#include "models/unet_2d_condition.h"
#include "schedulers/scheduler.h"
#include "tokenizer/clip_tokenizer.h"

#include <filesystem>

namespace eikona::pipeline {

struct StableDiffusion {
    tokenizer::ClipTokenizer tokenizer;
    models::ClipTextModel text_encoder;
    models::UNet2DConditionModel unet;
    models::AutoencoderKL vae;
    schedulers::SchedulerConfig scheduler_config;
    /// The diffusers class of the model's own scheduler ("PNDMScheduler"), "" if unknown.
    std::string scheduler_class;
};

/// Loads a diffusers-layout folder: tokenizer, the three networks (with `settings`' dtype,
/// device and variant) and the scheduler config. Throws io::ModelFolderError and the loaders'
/// errors, each naming the file at fault.
StableDiffusion load_stable_diffusion(const std::filesystem::path& folder, const models::LoadSettings& settings = {});

/// The CLI id of the model's own scheduler (the sampler used when none is chosen); "pndm"
/// when the model names none this code knows.
std::string default_sampler(const StableDiffusion& model);

} // namespace eikona::pipeline
