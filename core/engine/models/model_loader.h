#pragma once
// Loads the three networks of a diffusers-layout SD 1.5 folder with a chosen compute dtype and
// device.

#include "io/model_folder.h"
#include "models/autoencoder_kl.h"
#include "models/clip_text_model.h"
#include "models/unet_2d_condition.h"

#include <c10/core/Device.h>

#include <optional>
#include <string>

namespace eikona::models {

struct LoadSettings {
    at::ScalarType dtype = at::kFloat; ///< compute dtype (fp32 on CPU; fp16 on CUDA)
    c10::Device device = c10::Device(c10::kCPU);
    /// Weight variant file to prefer ("fp16"); the plain file otherwise.
    std::optional<std::string> variant;
};

ClipTextModel load_text_encoder(const io::ModelFolder& folder, const LoadSettings& settings = {});
UNet2DConditionModel load_unet(const io::ModelFolder& folder, const LoadSettings& settings = {});
/// Accepts the legacy mid-block attention names of older SD 1.x VAE files.
AutoencoderKL load_vae(const io::ModelFolder& folder, const LoadSettings& settings = {});

} // namespace eikona::models
