#pragma once
// The one table between diffusers' tensor names and the original Stable Diffusion
// single-file layout (`model.diffusion_model.*`, `first_stage_model.*`,
// `cond_stage_model.transformer.*`, as CompVis, A1111 and most shared checkpoints store SD 1.x).
// Written in the diffusers -> original direction; loading inverts it over the network's own
// names, so both directions come from the same rules.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eikona::io {

enum class CheckpointComponent { TextEncoder, Unet, Vae };

/// The numbers the original block indices depend on (from the UNet and VAE configs).
struct CheckpointLayout {
    int unet_layers_per_block = 2;
    /// Per up block: an upsampler follows the attention (index 2) or the ResNet (index 1).
    std::vector<bool> unet_up_has_attention{false, true, true, true};
    int vae_blocks = 4;
};

/// "model.diffusion_model.", "first_stage_model.", "cond_stage_model.transformer.".
std::string_view checkpoint_prefix(CheckpointComponent component);

/// The component a key of a single-file checkpoint belongs to; nullopt for everything else
/// such a file may carry (EMA copies, the training schedule, other models' parts).
std::optional<CheckpointComponent> checkpoint_component_of(std::string_view original_key);

/// The original single-file key of a diffusers tensor name, prefix included. Throws
/// std::invalid_argument for a name the table has no rule for.
std::string original_checkpoint_key(CheckpointComponent component, std::string_view diffusers_name,
                                    const CheckpointLayout& layout);

/// Original VAE mid-block attention projections are 1x1 convolutions ([C, C, 1, 1]) where
/// diffusers has linear layers ([C, C]).
bool is_conv_stored_vae_projection(std::string_view original_key);

} // namespace eikona::io
