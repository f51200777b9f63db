#include "io/checkpoint_keys.h"

#include <array>
#include <charconv>
#include <stdexcept>

namespace eikona::io {
namespace {

using Parts = std::vector<std::string>;

Parts split(std::string_view name)
{
    Parts parts;
    std::size_t start = 0;
    while (true) {
        const auto dot = name.find('.', start);
        parts.emplace_back(
            name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos)
            return parts;
        start = dot + 1;
    }
}

std::string join(const Parts& parts, std::size_t from)
{
    std::string out;
    for (std::size_t i = from; i < parts.size(); ++i)
        out += (i > from ? "." : "") + parts[i];
    return out;
}

std::optional<int> index_at(const Parts& parts, std::size_t i)
{
    if (i >= parts.size())
        return std::nullopt;
    int value = 0;
    const auto& text = parts[i];
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

bool is(const Parts& parts, std::size_t i, std::string_view word)
{
    return i < parts.size() && parts[i] == word;
}

[[noreturn]] void no_rule(std::string_view name)
{
    throw std::invalid_argument("no single-file checkpoint name for the tensor " + std::string(name));
}

// Inside a UNet ResNet block the original names its layers by their place in Sequentials.
std::string unet_resnet_part(const Parts& parts, std::size_t from)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> renames{
        {{"norm1", "in_layers.0"},
         {"conv1", "in_layers.2"},
         {"norm2", "out_layers.0"},
         {"conv2", "out_layers.3"},
         {"time_emb_proj", "emb_layers.1"},
         {"conv_shortcut", "skip_connection"}}};
    for (const auto& [diffusers, original] : renames)
        if (is(parts, from, diffusers))
            return std::string(original) + "." + join(parts, from + 1);
    return join(parts, from);
}

std::string unet_key(std::string_view name, const CheckpointLayout& layout)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> fixed{
        {{"time_embedding.linear_1.", "time_embed.0."},
         {"time_embedding.linear_2.", "time_embed.2."},
         {"conv_in.", "input_blocks.0.0."},
         {"conv_norm_out.", "out.0."},
         {"conv_out.", "out.2."}}};
    for (const auto& [diffusers, original] : fixed)
        if (name.starts_with(diffusers))
            return std::string(original) + std::string(name.substr(diffusers.size()));

    const auto parts = split(name);
    const int per_block = layout.unet_layers_per_block;
    const auto block = index_at(parts, 1);
    const auto item = index_at(parts, 3);
    const auto numbered = [](const std::string& base, int index, int sub) {
        return base + "." + std::to_string(index) + "." + std::to_string(sub) + ".";
    };
    if (is(parts, 0, "down_blocks") && block && item) {
        const int index = (per_block + 1) * *block + *item + 1;
        if (is(parts, 2, "resnets"))
            return numbered("input_blocks", index, 0) + unet_resnet_part(parts, 4);
        if (is(parts, 2, "attentions"))
            return numbered("input_blocks", index, 1) + join(parts, 4);
        if (is(parts, 2, "downsamplers") && *item == 0 && is(parts, 4, "conv"))
            return numbered("input_blocks", (per_block + 1) * (*block + 1), 0) + "op." + join(parts, 5);
    }
    if (is(parts, 0, "up_blocks") && block && item) {
        const int first = (per_block + 1) * *block;
        if (is(parts, 2, "resnets"))
            return numbered("output_blocks", first + *item, 0) + unet_resnet_part(parts, 4);
        if (is(parts, 2, "attentions"))
            return numbered("output_blocks", first + *item, 1) + join(parts, 4);
        if (is(parts, 2, "upsamplers") && *item == 0) {
            const auto has_attention =
                static_cast<std::size_t>(*block) < layout.unet_up_has_attention.size() &&
                layout.unet_up_has_attention[static_cast<std::size_t>(*block)];
            return numbered("output_blocks", first + per_block, has_attention ? 2 : 1) + join(parts, 4);
        }
    }
    if (is(parts, 0, "mid_block") && block == std::nullopt) {
        const auto mid_item = index_at(parts, 2);
        if (is(parts, 1, "resnets") && mid_item)
            return "middle_block." + std::to_string(2 * *mid_item) + "." + unet_resnet_part(parts, 3);
        if (is(parts, 1, "attentions") && mid_item == 0)
            return "middle_block.1." + join(parts, 3);
    }
    no_rule(name);
}

std::string vae_resnet_part(const Parts& parts, std::size_t from)
{
    if (is(parts, from, "conv_shortcut"))
        return "nin_shortcut." + join(parts, from + 1);
    return join(parts, from);
}

std::string vae_key(std::string_view name, const CheckpointLayout& layout)
{
    const auto parts = split(name);
    if (!is(parts, 0, "encoder") && !is(parts, 0, "decoder"))
        return std::string(name); // quant_conv, post_quant_conv
    const std::string side = parts[0] + ".";
    const auto block = index_at(parts, 2);
    const auto item = index_at(parts, 4);
    if (is(parts, 1, "down_blocks") && block && item) {
        const auto down = side + "down." + std::to_string(*block) + ".";
        if (is(parts, 3, "resnets"))
            return down + "block." + std::to_string(*item) + "." + vae_resnet_part(parts, 5);
        if (is(parts, 3, "downsamplers") && *item == 0)
            return down + "downsample." + join(parts, 5);
    }
    if (is(parts, 1, "up_blocks") && block && item) {
        // The original numbers decoder blocks from the lowest resolution up, diffusers the other way.
        const auto up = side + "up." + std::to_string(layout.vae_blocks - 1 - *block) + ".";
        if (is(parts, 3, "resnets"))
            return up + "block." + std::to_string(*item) + "." + vae_resnet_part(parts, 5);
        if (is(parts, 3, "upsamplers") && *item == 0)
            return up + "upsample." + join(parts, 5);
    }
    if (is(parts, 1, "mid_block")) {
        const auto mid_item = index_at(parts, 3);
        if (is(parts, 2, "resnets") && mid_item)
            return side + "mid.block_" + std::to_string(*mid_item + 1) + "." + vae_resnet_part(parts, 4);
        if (is(parts, 2, "attentions") && mid_item == 0) {
            static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> renames{
                {{"group_norm", "norm"},
                 {"to_q", "q"},
                 {"to_k", "k"},
                 {"to_v", "v"},
                 {"to_out", "proj_out"}}};
            for (const auto& [diffusers, original] : renames) {
                if (!is(parts, 4, diffusers))
                    continue;
                // to_out.0.weight -> proj_out.weight (diffusers wraps it with a dropout)
                const auto rest = diffusers == "to_out" ? (is(parts, 5, "0") ? join(parts, 6) : std::string())
                                                        : join(parts, 5);
                if (!rest.empty())
                    return side + "mid.attn_1." + std::string(original) + "." + rest;
            }
        }
    }
    if (parts.size() == 3 && (is(parts, 1, "conv_in") || is(parts, 1, "conv_out")))
        return std::string(name);
    if (is(parts, 1, "conv_norm_out"))
        return side + "norm_out." + join(parts, 2);
    no_rule(name);
}

} // namespace

std::string_view checkpoint_prefix(CheckpointComponent component)
{
    switch (component) {
    case CheckpointComponent::TextEncoder:
        return "cond_stage_model.transformer.";
    case CheckpointComponent::Unet:
        return "model.diffusion_model.";
    case CheckpointComponent::Vae:
        return "first_stage_model.";
    }
    return {};
}

std::optional<CheckpointComponent> checkpoint_component_of(std::string_view original_key)
{
    for (const auto component :
         {CheckpointComponent::TextEncoder, CheckpointComponent::Unet, CheckpointComponent::Vae})
        if (original_key.starts_with(checkpoint_prefix(component)))
            return component;
    return std::nullopt;
}

std::string original_checkpoint_key(CheckpointComponent component, std::string_view diffusers_name,
                                    const CheckpointLayout& layout)
{
    const std::string prefix(checkpoint_prefix(component));
    switch (component) {
    case CheckpointComponent::TextEncoder:
        return prefix + std::string(diffusers_name);
    case CheckpointComponent::Unet:
        return prefix + unet_key(diffusers_name, layout);
    case CheckpointComponent::Vae:
        return prefix + vae_key(diffusers_name, layout);
    }
    no_rule(diffusers_name);
}

bool is_conv_stored_vae_projection(std::string_view original_key)
{
    if (!original_key.starts_with(checkpoint_prefix(CheckpointComponent::Vae)) ||
        !original_key.ends_with(".weight"))
        return false;
    for (const std::string_view layer :
         {".mid.attn_1.q.", ".mid.attn_1.k.", ".mid.attn_1.v.", ".mid.attn_1.proj_out."})
        if (original_key.find(layer) != std::string_view::npos)
            return true;
    return false;
}

} // namespace eikona::io
