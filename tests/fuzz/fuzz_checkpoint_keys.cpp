// A single-file checkpoint's tensor names, as a stranger's file might carry them: the key
// table classifies any name and maps any diffusers-style name without crashing; what it maps
// carries its component's prefix.

#include "io/checkpoint_keys.h"

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace eikona::io;
    if (size < 2)
        return 0;
    // Two bytes choose a layout within what the configs accept; the rest is the name.
    CheckpointLayout layout;
    layout.unet_layers_per_block = 1 + data[0] % 4;
    layout.vae_blocks = 1 + (data[0] >> 2) % 4;
    layout.unet_up_has_attention = {(data[1] & 1) != 0, (data[1] & 2) != 0, (data[1] & 4) != 0,
                                    (data[1] & 8) != 0};
    const std::string_view name(reinterpret_cast<const char*>(data + 2), size - 2);
    checkpoint_component_of(name);
    is_conv_stored_vae_projection(name);
    for (const auto component :
         {CheckpointComponent::TextEncoder, CheckpointComponent::Unet, CheckpointComponent::Vae}) {
        try {
            const auto key = original_checkpoint_key(component, name, layout);
            if (!key.starts_with(checkpoint_prefix(component)) || checkpoint_component_of(key) != component)
                std::abort();
        } catch (const std::invalid_argument&) {
        }
    }
    return 0;
}
