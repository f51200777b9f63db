#pragma once
// SD 1.x single-file checkpoints in the original layout, in and out: the three networks read
// from one .safetensors through the key table in io/checkpoint_keys, and a diffusers folder
// written as such a file (what `eikona-cli export-single-file` does).

#include "io/checkpoint_keys.h"
#include "io/model_folder.h"
#include "io/safetensors.h"
#include "models/configs.h"
#include "models/model_loader.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace eikona::models {

/// The configs a single file is read with.
struct SingleFileConfigs {
    nlohmann::json text_encoder;
    nlohmann::json unet;
    nlohmann::json vae;
    nlohmann::json scheduler;
};

/// Those the file carries in its metadata (export_single_file writes them, so a model that is
/// not SD 1.5-sized survives the round trip), else `defaults` (SD 1.5's, for shared files).
SingleFileConfigs single_file_configs(const io::SafetensorsFile& file, const SingleFileConfigs& defaults);

io::CheckpointLayout checkpoint_layout(const UNetConfig& unet, const VaeConfig& vae);

/// Each throws io::WeightMismatchError naming the file (original key names in the report),
/// or io::ModelFolderError when the file holds nothing of that network at all.
ClipTextModel load_text_encoder(const io::SafetensorsFile& checkpoint, const ClipTextConfig& config,
                                const io::CheckpointLayout& layout, const LoadSettings& settings = {});
UNet2DConditionModel load_unet(const io::SafetensorsFile& checkpoint, const UNetConfig& config,
                               const io::CheckpointLayout& layout, const LoadSettings& settings = {});
AutoencoderKL load_vae(const io::SafetensorsFile& checkpoint, const VaeConfig& config,
                       const io::CheckpointLayout& layout, const LoadSettings& settings = {});

/// Writes the folder's three networks in their stored dtypes as one original-layout file,
/// with the folder's configs in its metadata; atomically (nothing is left on failure).
void export_single_file(const io::ModelFolder& folder, const std::filesystem::path& out,
                        const std::optional<std::string>& variant = std::nullopt);

} // namespace eikona::models
