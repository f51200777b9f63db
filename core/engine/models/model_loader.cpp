#include "models/model_loader.h"

#include "models/weights.h"

#include <nlohmann/json.hpp>

namespace eikona::models {
namespace {

template <typename Model>
void load_into(Model& model, const io::ModelFolder& folder, const std::string& component,
               const LoadSettings& settings, WeightLoadOptions options)
{
    options.dtype = settings.dtype;
    // On the CPU (fp32 and bf16), layers pack their weights into the compute dtype on first use
    // (or convert them per call): an fp16 file stays their source, so the weights are resident
    // once, not twice. The text encoder's linear layers, on short inputs, convert per call
    // (about 30 ms a prompt); its pages go back once the prompt is encoded.
    if (settings.device.is_cpu() && (settings.dtype == at::kFloat || settings.dtype == at::kBFloat16))
        options.keep_stored = KeepStored::PackableLayers;
    load_weights(*model, io::SafetensorsFile::open(folder.weights_file(component, settings.variant)),
                 options);
    if (settings.device != c10::Device(c10::kCPU))
        model->to(settings.device);
    model->eval();
}

} // namespace

ClipTextModel load_text_encoder(const io::ModelFolder& folder, const LoadSettings& settings)
{
    ClipTextModel model(ClipTextConfig::from_json(folder.config("text_encoder")));
    load_into(model, folder, "text_encoder", settings, {std::nullopt, is_clip_position_ids, {}});
    return model;
}

UNet2DConditionModel load_unet(const io::ModelFolder& folder, const LoadSettings& settings)
{
    UNet2DConditionModel model(UNetConfig::from_json(folder.config("unet")));
    load_into(model, folder, "unet", settings, {});
    return model;
}

AutoencoderKL load_vae(const io::ModelFolder& folder, const LoadSettings& settings)
{
    AutoencoderKL model(VaeConfig::from_json(folder.config("vae")));
    load_into(model, folder, "vae", settings, {std::nullopt, {}, legacy_vae_attention_name});
    return model;
}

} // namespace eikona::models
