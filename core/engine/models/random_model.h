#pragma once
// A complete diffusers-layout SD 1.5 folder with random weights: what the benchmarks run on,
// since the real weights cannot be downloaded everywhere. Tensor names and shapes are exactly
// those of a freshly saved diffusers model.

#include <torch/nn/module.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace eikona::models {

enum class ModelPreset { SD15, Tiny };

struct RandomModelOptions {
    ModelPreset preset = ModelPreset::SD15;
    std::uint64_t seed = 0;
    bool fp16 = false;
    /// A folder with vocab.json, merges.txt and the tokenizer configs, copied into the model.
    std::filesystem::path tokenizer_source;
    /// Told each component's name as it is written.
    std::function<void(const std::string&)> progress;
};

/// Writes the folder (created if needed; existing files are replaced). Throws on failure.
void write_random_model(const std::filesystem::path& out, const RandomModelOptions& options);

/// A full-size TAESD folder (config.json + diffusion_pytorch_model.safetensors) with random
/// weights, shaped as the hub's madebyollin/taesd.
void write_random_taesd(const std::filesystem::path& out, std::uint64_t seed = 0);

/// Fills every parameter of `module` with random values that keep activations of order one.
void randomise_weights(torch::nn::Module& module, std::uint64_t seed);

} // namespace eikona::models
