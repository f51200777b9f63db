#include "models/configs.h"

#include "io/json_value.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace eikona::models {
namespace {

// Reads config.json fields, refusing values this port does not implement.
class ConfigReader {
  public:
    ConfigReader(const nlohmann::json& config, std::string what) : m_config(config), m_what(std::move(what))
    {
        if (!m_config.is_object())
            throw ConfigError(m_what + " config is not a JSON object");
    }

    template <typename T> void read(const char* field, T& value) const
    {
        const auto it = m_config.find(field);
        if (it == m_config.end() || it->is_null())
            return;
        if (!io::json_holds<T>(*it))
            fail(field, "has the wrong type or is out of range: " + it->dump().substr(0, 200));
        value = it->get<T>();
    }

    /// The field, when present, must equal `supported` (absent and null mean the default).
    template <typename T> void require(const char* field, const T& supported) const
    {
        const auto it = m_config.find(field);
        if (it == m_config.end() || it->is_null())
            return;
        if (*it != nlohmann::json(supported))
            fail(field, "= " + it->dump() + " is not supported (Eikona runs " +
                            nlohmann::json(supported).dump() + ")");
    }

    /// The field must be absent or null.
    void require_null(const char* field) const
    {
        const auto it = m_config.find(field);
        if (it != m_config.end() && !it->is_null())
            fail(field, "= " + it->dump() + " is not supported");
    }

    [[noreturn]] void fail(const char* field, const std::string& what) const
    {
        throw ConfigError(m_what + " config field \"" + field + "\" " + what);
    }

    const nlohmann::json& json() const { return m_config; }

  private:
    const nlohmann::json& m_config;
    std::string m_what;
};

void require_positive(const ConfigReader& reader, const char* field, std::int64_t value)
{
    if (value <= 0)
        reader.fail(field, "must be positive, not " + std::to_string(value));
}

} // namespace

ClipTextConfig ClipTextConfig::from_json(const nlohmann::json& json)
{
    const ConfigReader reader(json, "text encoder");
    ClipTextConfig config;
    reader.read("vocab_size", config.vocab_size);
    reader.read("hidden_size", config.hidden_size);
    reader.read("intermediate_size", config.intermediate_size);
    reader.read("num_hidden_layers", config.num_hidden_layers);
    reader.read("num_attention_heads", config.num_attention_heads);
    reader.read("max_position_embeddings", config.max_position_embeddings);
    reader.read("layer_norm_eps", config.layer_norm_eps);
    reader.require("hidden_act", std::string("quick_gelu"));
    reader.require("model_type", std::string("clip_text_model"));
    for (const auto& [field, value] : {std::pair{"vocab_size", config.vocab_size},
                                       {"hidden_size", config.hidden_size},
                                       {"intermediate_size", config.intermediate_size},
                                       {"num_hidden_layers", config.num_hidden_layers},
                                       {"num_attention_heads", config.num_attention_heads},
                                       {"max_position_embeddings", config.max_position_embeddings}})
        require_positive(reader, field, value);
    if (config.hidden_size % config.num_attention_heads != 0)
        reader.fail("num_attention_heads", "must divide hidden_size");
    return config;
}

ClipTextConfig ClipTextConfig::sd15()
{
    return {};
}

ClipTextConfig ClipTextConfig::tiny()
{
    ClipTextConfig config;
    config.hidden_size = 32;
    config.intermediate_size = 64;
    config.num_hidden_layers = 3;
    config.num_attention_heads = 4;
    return config;
}

nlohmann::json ClipTextConfig::to_json() const
{
    return {{"architectures", {"CLIPTextModel"}},
            {"attention_dropout", 0.0},
            {"bos_token_id", 0},
            {"dropout", 0.0},
            {"eos_token_id", 2},
            {"hidden_act", "quick_gelu"},
            {"hidden_size", hidden_size},
            {"initializer_factor", 1.0},
            {"initializer_range", 0.02},
            {"intermediate_size", intermediate_size},
            {"layer_norm_eps", layer_norm_eps},
            {"max_position_embeddings", max_position_embeddings},
            {"model_type", "clip_text_model"},
            {"num_attention_heads", num_attention_heads},
            {"num_hidden_layers", num_hidden_layers},
            {"pad_token_id", 1},
            {"projection_dim", hidden_size},
            {"torch_dtype", "float32"},
            {"vocab_size", vocab_size}};
}

UNetConfig UNetConfig::from_json(const nlohmann::json& json)
{
    const ConfigReader reader(json, "UNet");
    UNetConfig config;
    reader.read("in_channels", config.in_channels);
    reader.read("out_channels", config.out_channels);
    reader.read("sample_size", config.sample_size);
    reader.read("block_out_channels", config.block_out_channels);
    reader.read("down_block_types", config.down_block_types);
    reader.read("up_block_types", config.up_block_types);
    reader.read("layers_per_block", config.layers_per_block);
    reader.read("cross_attention_dim", config.cross_attention_dim);
    reader.read("norm_num_groups", config.norm_num_groups);
    reader.read("norm_eps", config.norm_eps);
    reader.read("flip_sin_to_cos", config.flip_sin_to_cos);
    reader.read("freq_shift", config.freq_shift);
    reader.read("downsample_padding", config.downsample_padding);

    const auto blocks = config.block_out_channels.size();
    if (blocks == 0)
        reader.fail("block_out_channels", "is empty");
    // Divisors and sizes first: a zero here would be a division by zero below, or an empty network.
    require_positive(reader, "norm_num_groups", config.norm_num_groups);
    require_positive(reader, "in_channels", config.in_channels);
    require_positive(reader, "out_channels", config.out_channels);
    require_positive(reader, "sample_size", config.sample_size);
    if (!(config.norm_eps > 0))
        reader.fail("norm_eps", "must be positive");
    if (const auto it = json.find("attention_head_dim"); it != json.end() && !it->is_null()) {
        if (it->is_number_integer()) {
            std::int64_t heads = 0;
            reader.read("attention_head_dim", heads);
            config.attention_heads.assign(blocks, heads);
        } else {
            reader.read("attention_head_dim", config.attention_heads);
        }
    } else {
        config.attention_heads.assign(blocks, 8);
    }
    reader.require_null("num_attention_heads");
    if (config.attention_heads.size() != blocks)
        reader.fail("attention_head_dim", "needs one entry per block");
    if (config.down_block_types.size() != blocks || config.up_block_types.size() != blocks)
        reader.fail("down_block_types", "and up_block_types need one entry per block_out_channels entry");
    for (const auto& type : config.down_block_types)
        if (type != "CrossAttnDownBlock2D" && type != "DownBlock2D")
            reader.fail("down_block_types", "entry \"" + type + "\" is not supported");
    for (const auto& type : config.up_block_types)
        if (type != "CrossAttnUpBlock2D" && type != "UpBlock2D")
            reader.fail("up_block_types", "entry \"" + type + "\" is not supported");
    for (std::size_t i = 0; i < blocks; ++i) {
        require_positive(reader, "block_out_channels", config.block_out_channels[i]);
        require_positive(reader, "attention_head_dim", config.attention_heads[i]);
        if (config.block_out_channels[i] % config.norm_num_groups != 0)
            reader.fail("norm_num_groups", "must divide every block_out_channels entry");
        if (config.block_out_channels[i] % config.attention_heads[i] != 0)
            reader.fail("attention_head_dim", "(the head count) must divide every block_out_channels entry");
    }
    require_positive(reader, "layers_per_block", config.layers_per_block);
    require_positive(reader, "cross_attention_dim", config.cross_attention_dim);
    reader.require("mid_block_type", std::string("UNetMidBlock2DCrossAttn"));
    reader.require("act_fn", std::string("silu"));
    reader.require("center_input_sample", false);
    reader.require("only_cross_attention", false);
    reader.require("dual_cross_attention", false);
    reader.require("use_linear_projection", false);
    reader.require("upcast_attention", false);
    reader.require("mid_block_scale_factor", 1);
    reader.require("resnet_time_scale_shift", std::string("default"));
    reader.require("time_embedding_type", std::string("positional"));
    reader.require("transformer_layers_per_block", 1);
    reader.require("conv_in_kernel", 3);
    reader.require("conv_out_kernel", 3);
    reader.require("attention_type", std::string("default"));
    for (const char* field :
         {"class_embed_type", "addition_embed_type", "encoder_hid_dim", "time_cond_proj_dim",
          "time_embedding_dim", "time_embedding_act_fn", "timestep_post_act", "num_class_embeds"})
        reader.require_null(field);
    return config;
}

UNetConfig UNetConfig::sd15()
{
    return {};
}

UNetConfig UNetConfig::tiny()
{
    UNetConfig config;
    config.sample_size = 8;
    config.block_out_channels = {32, 32, 64, 64};
    config.cross_attention_dim = 32;
    return config;
}

nlohmann::json UNetConfig::to_json() const
{
    return {{"_class_name", "UNet2DConditionModel"},
            {"_diffusers_version", "0.27.2"},
            {"act_fn", "silu"},
            {"attention_head_dim", attention_heads.front()},
            {"block_out_channels", block_out_channels},
            {"center_input_sample", false},
            {"cross_attention_dim", cross_attention_dim},
            {"down_block_types", down_block_types},
            {"downsample_padding", downsample_padding},
            {"flip_sin_to_cos", flip_sin_to_cos},
            {"freq_shift", freq_shift},
            {"in_channels", in_channels},
            {"layers_per_block", layers_per_block},
            {"mid_block_scale_factor", 1},
            {"norm_eps", norm_eps},
            {"norm_num_groups", norm_num_groups},
            {"out_channels", out_channels},
            {"sample_size", sample_size},
            {"up_block_types", up_block_types}};
}

VaeConfig VaeConfig::from_json(const nlohmann::json& json)
{
    const ConfigReader reader(json, "VAE");
    VaeConfig config;
    reader.read("in_channels", config.in_channels);
    reader.read("out_channels", config.out_channels);
    reader.read("latent_channels", config.latent_channels);
    reader.read("sample_size", config.sample_size);
    reader.read("block_out_channels", config.block_out_channels);
    reader.read("layers_per_block", config.layers_per_block);
    reader.read("norm_num_groups", config.norm_num_groups);
    reader.read("scaling_factor", config.scaling_factor);
    reader.require("act_fn", std::string("silu"));
    std::vector<std::string> down(config.block_out_channels.size(), "DownEncoderBlock2D");
    std::vector<std::string> up(config.block_out_channels.size(), "UpDecoderBlock2D");
    reader.require("down_block_types", down);
    reader.require("up_block_types", up);
    reader.require_null("latents_mean");
    reader.require_null("latents_std");
    if (config.block_out_channels.empty())
        reader.fail("block_out_channels", "is empty");
    require_positive(reader, "norm_num_groups", config.norm_num_groups);
    require_positive(reader, "in_channels", config.in_channels);
    require_positive(reader, "out_channels", config.out_channels);
    require_positive(reader, "latent_channels", config.latent_channels);
    require_positive(reader, "layers_per_block", config.layers_per_block);
    require_positive(reader, "sample_size", config.sample_size);
    for (const auto channels : config.block_out_channels)
        if (channels <= 0 || channels % config.norm_num_groups != 0)
            reader.fail("block_out_channels", "entries must be positive multiples of norm_num_groups");
    if (!(config.scaling_factor > 0))
        reader.fail("scaling_factor", "must be positive");
    return config;
}

VaeConfig VaeConfig::sd15()
{
    return {};
}

VaeConfig VaeConfig::tiny()
{
    VaeConfig config;
    config.sample_size = 64;
    config.block_out_channels = {32, 32, 64, 64};
    return config;
}

nlohmann::json VaeConfig::to_json() const
{
    return {{"_class_name", "AutoencoderKL"},
            {"_diffusers_version", "0.27.2"},
            {"act_fn", "silu"},
            {"block_out_channels", block_out_channels},
            {"down_block_types", std::vector<std::string>(block_out_channels.size(), "DownEncoderBlock2D")},
            {"in_channels", in_channels},
            {"latent_channels", latent_channels},
            {"layers_per_block", layers_per_block},
            {"norm_num_groups", norm_num_groups},
            {"out_channels", out_channels},
            {"sample_size", sample_size},
            {"up_block_types", std::vector<std::string>(block_out_channels.size(), "UpDecoderBlock2D")}};
}

TaesdConfig TaesdConfig::from_json(const nlohmann::json& json)
{
    const ConfigReader reader(json, "TAESD");
    TaesdConfig config;
    reader.read("in_channels", config.in_channels);
    reader.read("out_channels", config.out_channels);
    reader.read("latent_channels", config.latent_channels);
    reader.read("num_encoder_blocks", config.encoder_blocks);
    reader.read("num_decoder_blocks", config.decoder_blocks);
    reader.read("upsampling_scaling_factor", config.upsampling_scaling_factor);
    reader.require("act_fn", std::string("relu"));
    reader.require("scaling_factor", 1.0);
    require_positive(reader, "in_channels", config.in_channels);
    require_positive(reader, "out_channels", config.out_channels);
    require_positive(reader, "latent_channels", config.latent_channels);
    require_positive(reader, "upsampling_scaling_factor", config.upsampling_scaling_factor);
    const auto same_channels = [&](const char* field, std::size_t levels) {
        std::vector<std::int64_t> channels(levels, config.channels);
        reader.read(field, channels);
        if (channels.size() != levels)
            reader.fail(field, "must have one entry per level (" + std::to_string(levels) + ")");
        for (const auto value : channels)
            if (value != channels.front())
                reader.fail(field, "entries must be equal (diffusers' AutoencoderTiny needs that)");
        require_positive(reader, field, channels.front());
        return channels.front();
    };
    const auto check_blocks = [&](const char* field, const std::vector<std::int64_t>& blocks) {
        if (blocks.empty())
            reader.fail(field, "is empty");
        for (const auto count : blocks)
            if (count < 0)
                reader.fail(field, "entries must not be negative");
    };
    check_blocks("num_encoder_blocks", config.encoder_blocks);
    check_blocks("num_decoder_blocks", config.decoder_blocks);
    const auto encoder = same_channels("encoder_block_out_channels", config.encoder_blocks.size());
    const auto decoder = same_channels("decoder_block_out_channels", config.decoder_blocks.size());
    if (encoder != decoder)
        reader.fail("decoder_block_out_channels", "must equal encoder_block_out_channels");
    config.channels = encoder;
    return config;
}

TaesdConfig TaesdConfig::sd15()
{
    return {};
}

nlohmann::json TaesdConfig::to_json() const
{
    return {{"_class_name", "AutoencoderTiny"},
            {"_diffusers_version", "0.27.2"},
            {"act_fn", "relu"},
            {"decoder_block_out_channels", std::vector<std::int64_t>(decoder_blocks.size(), channels)},
            {"encoder_block_out_channels", std::vector<std::int64_t>(encoder_blocks.size(), channels)},
            {"force_upcast", false},
            {"in_channels", in_channels},
            {"latent_channels", latent_channels},
            {"latent_magnitude", 3},
            {"latent_shift", 0.5},
            {"num_decoder_blocks", decoder_blocks},
            {"num_encoder_blocks", encoder_blocks},
            {"out_channels", out_channels},
            {"scaling_factor", 1.0},
            {"upsampling_scaling_factor", upsampling_scaling_factor}};
}

} // namespace eikona::models
