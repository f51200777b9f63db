// A model folder's JSON (model_index.json, each component's config.json): the bounded parse,
// then every component config reader. Refusals are ModelFolderError or ConfigError; an
// accepted config has the positive sizes the networks divide by.

#include "io/model_folder.h"
#include "models/configs.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace eikona;
    nlohmann::json json;
    try {
        json =
            io::parse_json_text(std::string_view(reinterpret_cast<const char*>(data), size), "config.json");
    } catch (const io::ModelFolderError&) {
        return 0;
    }
    try {
        const auto unet = models::UNetConfig::from_json(json);
        if (unet.norm_num_groups <= 0 || unet.block_out_channels.empty())
            std::abort();
    } catch (const models::ConfigError&) {
    }
    try {
        const auto vae = models::VaeConfig::from_json(json);
        if (vae.norm_num_groups <= 0 || vae.latent_channels <= 0)
            std::abort();
    } catch (const models::ConfigError&) {
    }
    try {
        models::ClipTextConfig::from_json(json);
    } catch (const models::ConfigError&) {
    }
    return 0;
}
