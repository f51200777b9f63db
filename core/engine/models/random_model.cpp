#include "models/random_model.h"

#include "io/safetensors.h"
#include "models/autoencoder_kl.h"
#include "models/autoencoder_tiny.h"
#include "models/clip_text_model.h"
#include "models/unet_2d_condition.h"
#include "models/weights.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <c10/core/GradMode.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

namespace eikona::models {
namespace {

namespace fs = std::filesystem;

// Weights scaled by 1/sqrt(fan_in) keep activations of order one through the network;
// normalisation weights near one, biases small. Drawn tensor by tensor from one generator.
void randomise(torch::nn::Module& module, at::Generator& generator)
{
    const c10::NoGradGuard no_grad;
    for (auto& item : module.named_parameters(true)) {
        auto& tensor = item.value();
        const auto& name = item.key();
        const bool is_bias = name.ends_with(".bias");
        const bool is_norm = name.find("norm") != std::string::npos;
        if (is_norm && !is_bias)
            tensor.normal_(1.0, 0.02, generator);
        else if (is_bias)
            tensor.normal_(0.0, 0.02, generator);
        else {
            const auto fan_in = tensor.dim() > 1 ? tensor.numel() / tensor.size(0) : tensor.numel();
            tensor.normal_(0.0, 1.0 / std::sqrt(static_cast<double>(fan_in)), generator);
        }
    }
}

void write_json(const fs::path& path, const nlohmann::json& json)
{
    std::ofstream out(path);
    out << json.dump(2) << '\n';
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

template <typename Model>
void write_component(const fs::path& folder, const std::string& file_base, Model model,
                     const nlohmann::json& config, at::Generator& generator, bool fp16)
{
    fs::create_directories(folder);
    randomise(*model, generator);
    auto tensors = named_tensors(*model);
    if (fp16)
        for (auto& [name, tensor] : tensors)
            tensor = tensor.to(at::kHalf);
    write_json(folder / "config.json", config);
    io::write_safetensors(folder / (file_base + (fp16 ? ".fp16" : "") + ".safetensors"), tensors,
                          {{"format", "pt"}});
}

nlohmann::json scheduler_config()
{
    // SD 1.5's scheduler_config.json.
    return {{"_class_name", "PNDMScheduler"},
            {"_diffusers_version", "0.27.2"},
            {"beta_end", 0.012},
            {"beta_schedule", "scaled_linear"},
            {"beta_start", 0.00085},
            {"clip_sample", false},
            {"num_train_timesteps", 1000},
            {"set_alpha_to_one", false},
            {"skip_prk_steps", true},
            {"steps_offset", 1},
            {"trained_betas", nullptr}};
}

} // namespace

void write_random_model(const fs::path& out, const RandomModelOptions& options)
{
    for (const char* file : {"vocab.json", "merges.txt"})
        if (!fs::is_regular_file(options.tokenizer_source / file))
            throw std::runtime_error("tokenizer folder " + options.tokenizer_source.string() + " has no " +
                                     file);
    const bool sd15 = options.preset == ModelPreset::SD15;
    const auto text_config = sd15 ? ClipTextConfig::sd15() : ClipTextConfig::tiny();
    const auto unet_config = sd15 ? UNetConfig::sd15() : UNetConfig::tiny();
    const auto vae_config = sd15 ? VaeConfig::sd15() : VaeConfig::tiny();
    auto generator = at::detail::createCPUGenerator(options.seed);
    const auto tell = [&](const char* what) {
        if (options.progress)
            options.progress(what);
    };

    fs::create_directories(out);
    write_json(out / "model_index.json", {{"_class_name", "StableDiffusionPipeline"},
                                          {"_diffusers_version", "0.27.2"},
                                          {"feature_extractor", {nullptr, nullptr}},
                                          {"requires_safety_checker", false},
                                          {"safety_checker", {nullptr, nullptr}},
                                          {"scheduler", {"diffusers", "PNDMScheduler"}},
                                          {"text_encoder", {"transformers", "CLIPTextModel"}},
                                          {"tokenizer", {"transformers", "CLIPTokenizer"}},
                                          {"unet", {"diffusers", "UNet2DConditionModel"}},
                                          {"vae", {"diffusers", "AutoencoderKL"}}});
    fs::create_directories(out / "scheduler");
    write_json(out / "scheduler" / "scheduler_config.json", scheduler_config());
    fs::create_directories(out / "tokenizer");
    for (const auto& entry : fs::directory_iterator(options.tokenizer_source))
        if (entry.is_regular_file())
            fs::copy_file(entry.path(), out / "tokenizer" / entry.path().filename(),
                          fs::copy_options::overwrite_existing);

    tell("text_encoder");
    write_component(out / "text_encoder", "model", ClipTextModel(text_config), text_config.to_json(),
                    generator, options.fp16);
    tell("vae");
    write_component(out / "vae", "diffusion_pytorch_model", AutoencoderKL(vae_config), vae_config.to_json(),
                    generator, options.fp16);
    tell("unet");
    write_component(out / "unet", "diffusion_pytorch_model", UNet2DConditionModel(unet_config),
                    unet_config.to_json(), generator, options.fp16);
}

void write_random_taesd(const fs::path& out, std::uint64_t seed)
{
    auto generator = at::detail::createCPUGenerator(seed);
    const auto config = TaesdConfig::sd15();
    write_component(out, "diffusion_pytorch_model", AutoencoderTiny(config), config.to_json(), generator,
                    false);
}

void randomise_weights(torch::nn::Module& module, std::uint64_t seed)
{
    auto generator = at::detail::createCPUGenerator(seed);
    randomise(module, generator);
}

} // namespace eikona::models
