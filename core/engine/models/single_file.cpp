#include "models/single_file.h"

#include "models/weights.h"

#include <ATen/core/Tensor.h>

#include <unordered_map>

namespace eikona::models {
namespace {

using io::CheckpointComponent;

// Metadata keys of the configs export_single_file stores.
constexpr const char* k_text_encoder_config = "eikona.text_encoder.config";
constexpr const char* k_unet_config = "eikona.unet.config";
constexpr const char* k_vae_config = "eikona.vae.config";
constexpr const char* k_scheduler_config = "eikona.scheduler.config";

const char* describe(CheckpointComponent component)
{
    switch (component) {
    case CheckpointComponent::TextEncoder:
        return "text encoder";
    case CheckpointComponent::Unet:
        return "UNet";
    case CheckpointComponent::Vae:
        return "VAE";
    }
    return "";
}

nlohmann::json config_from(const io::SafetensorsFile& file, const char* key, const nlohmann::json& fallback)
{
    const auto it = file.metadata().find(key);
    if (it == file.metadata().end())
        return fallback;
    auto json = nlohmann::json::parse(it->second, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object())
        throw io::ModelFolderError(file.path().string() + ": its metadata entry " + key +
                                   " is not a JSON object");
    return json;
}

// transformers before 4.x saved CLIP without the "text_model." level; such files still circulate.
std::optional<std::string> without_text_model_level(std::string_view key)
{
    const auto prefix = io::checkpoint_prefix(CheckpointComponent::TextEncoder);
    if (!key.starts_with(prefix) || key.substr(prefix.size()).starts_with("text_model."))
        return std::nullopt;
    return std::string(prefix) + "text_model." + std::string(key.substr(prefix.size()));
}

template <typename Model>
void load_component(Model& model, const io::SafetensorsFile& checkpoint, CheckpointComponent component,
                    const io::CheckpointLayout& layout, const LoadSettings& settings)
{
    const auto prefix = io::checkpoint_prefix(component);
    const bool present =
        std::any_of(checkpoint.tensors().begin(), checkpoint.tensors().end(),
                    [&](const io::TensorInfo& info) { return info.name.starts_with(prefix); });
    if (!present)
        throw io::ModelFolderError(checkpoint.path().string() + " has no " + describe(component) + " (no " +
                                   std::string(prefix) +
                                   "* tensors): it is not an SD 1.x checkpoint in the original "
                                   "single-file layout");
    std::unordered_map<std::string, std::string> network_name;
    for (const auto& tensor : expected_tensors(*model))
        network_name.emplace(io::original_checkpoint_key(component, tensor.name, layout), tensor.name);
    WeightLoadOptions options;
    options.dtype = settings.dtype;
    options.rename = [&](std::string_view key) -> std::optional<std::string> {
        auto it = network_name.find(std::string(key));
        if (it == network_name.end() && component == CheckpointComponent::TextEncoder)
            if (const auto modern = without_text_model_level(key))
                it = network_name.find(*modern);
        if (it == network_name.end())
            return std::nullopt;
        return it->second;
    };
    const auto position_ids = std::string(prefix) + "text_model.embeddings.position_ids";
    options.ignorable = [&](std::string_view key) {
        // Other networks' tensors, EMA copies and the training schedule are not this network's;
        // the position_ids buffer is a constant (see is_clip_position_ids).
        return !key.starts_with(prefix) || key == position_ids ||
               without_text_model_level(key) == position_ids;
    };
    load_weights(*model, checkpoint, options);
    if (settings.device != c10::Device(c10::kCPU))
        model->to(settings.device);
    model->eval();
}

template <typename Model>
void append_original(io::NamedTensors& out, Model& model, const io::SafetensorsFile& file,
                     CheckpointComponent component, const io::CheckpointLayout& layout,
                     const WeightLoadOptions& options)
{
    load_weights(*model, file, options); // stored dtypes, backed by the mapping: no copy
    for (auto& [name, tensor] : named_tensors(*model)) {
        auto key = io::original_checkpoint_key(component, name, layout);
        if (io::is_conv_stored_vae_projection(key) && tensor.dim() == 2)
            tensor = tensor.view({tensor.size(0), tensor.size(1), 1, 1});
        out.emplace_back(std::move(key), tensor);
    }
}

} // namespace

SingleFileConfigs single_file_configs(const io::SafetensorsFile& file, const SingleFileConfigs& defaults)
{
    return {config_from(file, k_text_encoder_config, defaults.text_encoder),
            config_from(file, k_unet_config, defaults.unet), config_from(file, k_vae_config, defaults.vae),
            config_from(file, k_scheduler_config, defaults.scheduler)};
}

io::CheckpointLayout checkpoint_layout(const UNetConfig& unet, const VaeConfig& vae)
{
    io::CheckpointLayout layout;
    layout.unet_layers_per_block = static_cast<int>(unet.layers_per_block);
    layout.unet_up_has_attention.clear();
    for (const auto& type : unet.up_block_types)
        layout.unet_up_has_attention.push_back(type.starts_with("CrossAttn"));
    layout.vae_blocks = static_cast<int>(vae.block_out_channels.size());
    return layout;
}

ClipTextModel load_text_encoder(const io::SafetensorsFile& checkpoint, const ClipTextConfig& config,
                                const io::CheckpointLayout& layout, const LoadSettings& settings)
{
    ClipTextModel model(config);
    load_component(model, checkpoint, CheckpointComponent::TextEncoder, layout, settings);
    return model;
}

UNet2DConditionModel load_unet(const io::SafetensorsFile& checkpoint, const UNetConfig& config,
                               const io::CheckpointLayout& layout, const LoadSettings& settings)
{
    UNet2DConditionModel model(config);
    load_component(model, checkpoint, CheckpointComponent::Unet, layout, settings);
    return model;
}

AutoencoderKL load_vae(const io::SafetensorsFile& checkpoint, const VaeConfig& config,
                       const io::CheckpointLayout& layout, const LoadSettings& settings)
{
    AutoencoderKL model(config);
    load_component(model, checkpoint, CheckpointComponent::Vae, layout, settings);
    return model;
}

void export_single_file(const io::ModelFolder& folder, const std::filesystem::path& out,
                        const std::optional<std::string>& variant)
{
    const auto text_json = folder.config("text_encoder");
    const auto unet_json = folder.config("unet");
    const auto vae_json = folder.config("vae");
    const auto scheduler_json = folder.config("scheduler");
    const auto unet_config = UNetConfig::from_json(unet_json);
    const auto vae_config = VaeConfig::from_json(vae_json);
    const auto layout = checkpoint_layout(unet_config, vae_config);

    const auto text_file = io::SafetensorsFile::open(folder.weights_file("text_encoder", variant));
    const auto unet_file = io::SafetensorsFile::open(folder.weights_file("unet", variant));
    const auto vae_file = io::SafetensorsFile::open(folder.weights_file("vae", variant));
    io::NamedTensors tensors;
    ClipTextModel text_encoder(ClipTextConfig::from_json(text_json));
    append_original(tensors, text_encoder, text_file, CheckpointComponent::TextEncoder, layout,
                    {std::nullopt, is_clip_position_ids, {}});
    UNet2DConditionModel unet(unet_config);
    append_original(tensors, unet, unet_file, CheckpointComponent::Unet, layout, {});
    AutoencoderKL vae(vae_config);
    append_original(tensors, vae, vae_file, CheckpointComponent::Vae, layout,
                    {std::nullopt, {}, legacy_vae_attention_name});
    io::write_safetensors(out, tensors,
                          {{"format", "pt"},
                           {k_text_encoder_config, text_json.dump()},
                           {k_unet_config, unet_json.dump()},
                           {k_vae_config, vae_json.dump()},
                           {k_scheduler_config, scheduler_json.dump()}});
}

} // namespace eikona::models
