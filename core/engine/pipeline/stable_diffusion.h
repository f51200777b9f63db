#pragma once
// The loaded parts of one Stable Diffusion 1.x model, used together by the pipelines.

#include "models/autoencoder_kl.h"
#include "models/autoencoder_tiny.h"
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
    /// TAESD, when loaded beside the model (models::load_taesd): full-size previews and draft
    /// decodes. Optional: null means neither.
    models::AutoencoderTiny taesd{nullptr};
};

/// Loads a diffusers-layout folder: tokenizer, the three networks (with `settings`' dtype,
/// device and variant) and the scheduler config. Or a single-file SD 1.x `.safetensors`
/// checkpoint in the original layout, whose tokenizer, and configs unless the file carries its
/// own, come from `single_file_defaults` (a diffusers-layout folder without weights: the SD 1.5
/// defaults in resources/sd15). Throws io::ModelFolderError and the loaders' errors, each
/// naming the file at fault.
StableDiffusion load_stable_diffusion(const std::filesystem::path& path,
                                      const models::LoadSettings& settings = {},
                                      const std::filesystem::path& single_file_defaults = {});

/// The settings the VAE is loaded with: the model's, but fp32 where the model computes in bf16
/// on a device without the CPU's fp32 islands.
models::LoadSettings vae_settings(models::LoadSettings settings);

/// The CLI id of the model's own scheduler (the sampler used when none is chosen); "pndm"
/// when the model names none this code knows.
std::string default_sampler(const StableDiffusion& model);

} // namespace eikona::pipeline
