#pragma once
// Typed configurations of the three networks, read from their config.json. Only what SD 1.5
// uses is supported; any other value of a field that changes the architecture is refused
// with a ConfigError naming the field. `sd15()` is the real model's configuration.

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace eikona::models {

class ConfigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// transformers CLIPTextConfig.
struct ClipTextConfig {
    std::int64_t vocab_size = 49408;
    std::int64_t hidden_size = 768;
    std::int64_t intermediate_size = 3072;
    std::int64_t num_hidden_layers = 12;
    std::int64_t num_attention_heads = 12;
    std::int64_t max_position_embeddings = 77;
    double layer_norm_eps = 1e-5;

    static ClipTextConfig from_json(const nlohmann::json& config);
    static ClipTextConfig sd15();
    static ClipTextConfig tiny();
    nlohmann::json to_json() const;
};

/// diffusers UNet2DConditionModel config.
struct UNetConfig {
    std::int64_t in_channels = 4;
    std::int64_t out_channels = 4;
    std::int64_t sample_size = 64;
    std::vector<std::int64_t> block_out_channels{320, 640, 1280, 1280};
    std::vector<std::string> down_block_types{"CrossAttnDownBlock2D", "CrossAttnDownBlock2D",
                                              "CrossAttnDownBlock2D", "DownBlock2D"};
    std::vector<std::string> up_block_types{"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D",
                                            "CrossAttnUpBlock2D"};
    std::int64_t layers_per_block = 2;
    std::int64_t cross_attention_dim = 768;
    /// Heads per down block (diffusers' legacy `attention_head_dim` means the head count).
    std::vector<std::int64_t> attention_heads{8, 8, 8, 8};
    std::int64_t norm_num_groups = 32;
    double norm_eps = 1e-5;
    bool flip_sin_to_cos = true;
    double freq_shift = 0;
    std::int64_t downsample_padding = 1;

    static UNetConfig from_json(const nlohmann::json& config);
    static UNetConfig sd15();
    static UNetConfig tiny();
    nlohmann::json to_json() const;
};

/// diffusers AutoencoderKL config.
struct VaeConfig {
    std::int64_t in_channels = 3;
    std::int64_t out_channels = 3;
    std::int64_t latent_channels = 4;
    std::int64_t sample_size = 512;
    std::vector<std::int64_t> block_out_channels{128, 256, 512, 512};
    std::int64_t layers_per_block = 2;
    std::int64_t norm_num_groups = 32;
    double scaling_factor = 0.18215;

    static VaeConfig from_json(const nlohmann::json& config);
    static VaeConfig sd15();
    static VaeConfig tiny();
    nlohmann::json to_json() const;
};

/// diffusers AutoencoderTiny config (TAESD: a small VAE for previews and drafts). Every level
/// has the same channel count, as diffusers' EncoderTiny/DecoderTiny require.
struct TaesdConfig {
    std::int64_t in_channels = 3;
    std::int64_t out_channels = 3;
    std::int64_t latent_channels = 4;
    std::int64_t channels = 64;
    std::vector<std::int64_t> encoder_blocks{1, 3, 3, 3};
    std::vector<std::int64_t> decoder_blocks{3, 3, 3, 1};
    std::int64_t upsampling_scaling_factor = 2;

    static TaesdConfig from_json(const nlohmann::json& config);
    static TaesdConfig sd15();
    nlohmann::json to_json() const;
};

} // namespace eikona::models
