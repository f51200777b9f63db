#include "io/model_folder.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <string_view>

namespace eikona::io {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const std::string& what)
{
    throw ModelFolderError("model folder " + path.string() + ": " + what);
}

// File names diffusers and transformers save weights under, in order of preference.
constexpr std::array<std::string_view, 2> k_weight_bases{"diffusion_pytorch_model", "model"};
constexpr std::array<std::string_view, 3> k_config_names{"config.json", "scheduler_config.json",
                                                         "tokenizer_config.json"};

} // namespace

namespace {

// A model's JSON files (configs, tokenizer vocabularies) are a few MB at most and nest three or
// four levels; these bounds keep a hostile file's cost small before it is parsed.
constexpr std::uintmax_t k_max_json_bytes = 64u << 20;
constexpr int k_max_json_depth = 64;

// The deepest nesting of arrays and objects, strings skipped.
int json_depth(std::string_view text)
{
    int depth = 0;
    int deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

} // namespace

nlohmann::json read_json_file(const fs::path& path)
{
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (error)
        throw ModelFolderError("cannot open " + path.string() + ": " + error.message());
    if (size > k_max_json_bytes)
        throw ModelFolderError(path.string() + " is " + std::to_string(size >> 20) +
                               " MB: more than any model's JSON (the limit is " +
                               std::to_string(k_max_json_bytes >> 20) + " MB)");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelFolderError("cannot open " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return parse_json_text(text.str(), path.string());
}

nlohmann::json parse_json_text(std::string_view text, const std::string& name)
{
    if (json_depth(text) > k_max_json_depth)
        throw ModelFolderError(name + " nests deeper than " + std::to_string(k_max_json_depth) +
                               " levels: not a model's JSON");
    auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded())
        throw ModelFolderError(name + " is not valid JSON");
    return json;
}

ModelFolder ModelFolder::open(const fs::path& root)
{
    std::error_code error;
    if (!fs::is_directory(root, error))
        fail(root, "is not a directory");
    const auto index_path = root / "model_index.json";
    if (!fs::is_regular_file(index_path, error))
        fail(root, "has no model_index.json (not a diffusers model folder)");
    const auto index = read_json_file(index_path);
    if (!index.is_object())
        fail(index_path, "is not a JSON object");

    ModelFolder folder;
    folder.m_root = root;
    for (const auto& [key, value] : index.items()) {
        if (key.starts_with('_') || !value.is_array())
            continue; // "_class_name", "requires_safety_checker", ...
        if (value.size() != 2)
            fail(index_path, "entry \"" + key + "\" is not [library, class]");
        if (value[0].is_null() || value[1].is_null())
            continue; // a component the pipeline was saved without (safety checker)
        if (!value[0].is_string() || !value[1].is_string())
            fail(index_path, "entry \"" + key + "\" is not [library, class]");
        const auto directory = root / key;
        if (!fs::is_directory(directory, error))
            fail(root, "model_index.json lists \"" + key + "\" but there is no folder " + key + "/");
        folder.m_components.push_back(
            {key, value[0].get<std::string>(), value[1].get<std::string>(), directory});
    }
    return folder;
}

bool ModelFolder::has_component(const std::string& name) const
{
    return std::any_of(m_components.begin(), m_components.end(),
                       [&](const ComponentEntry& c) { return c.name == name; });
}

const ComponentEntry& ModelFolder::component(const std::string& name) const
{
    for (const auto& entry : m_components)
        if (entry.name == name)
            return entry;
    fail(m_root, "has no component \"" + name + "\"");
}

nlohmann::json ModelFolder::config(const std::string& name) const
{
    const auto& entry = component(name);
    std::error_code error;
    for (const auto config_name : k_config_names) {
        const auto path = entry.directory / config_name;
        if (fs::is_regular_file(path, error)) {
            auto json = read_json_file(path);
            if (!json.is_object())
                fail(path, "is not a JSON object");
            return json;
        }
    }
    fail(entry.directory, "has no config.json");
}

fs::path ModelFolder::weights_file(const std::string& name, const std::optional<std::string>& variant) const
{
    const auto& entry = component(name);
    std::error_code error;
    for (const auto base : k_weight_bases) {
        const auto plain = entry.directory / (std::string(base) + ".safetensors");
        if (variant) {
            const auto preferred = entry.directory / (std::string(base) + "." + *variant + ".safetensors");
            if (fs::is_regular_file(preferred, error))
                return preferred;
        }
        if (fs::is_regular_file(plain, error))
            return plain;
    }
    // No plain file and no requested variant: take a variant file when there is exactly one.
    std::vector<fs::path> variants;
    for (const auto& file : fs::directory_iterator(entry.directory, error)) {
        const auto filename = file.path().filename().string();
        for (const auto base : k_weight_bases)
            if (filename.starts_with(std::string(base) + ".") && filename.ends_with(".safetensors"))
                variants.push_back(file.path());
    }
    if (variants.size() == 1)
        return variants.front();
    if (variants.empty()) {
        const bool has_pickle = fs::exists(entry.directory / "diffusion_pytorch_model.bin", error) ||
                                fs::exists(entry.directory / "pytorch_model.bin", error);
        fail(entry.directory, has_pickle ? "has only pickle (.bin) weights; Eikona loads safetensors only"
                                         : "has no .safetensors weights");
    }
    std::sort(variants.begin(), variants.end());
    std::string names;
    for (const auto& v : variants)
        names += (names.empty() ? "" : ", ") + v.filename().string();
    fail(entry.directory, "has several weight variants (" + names + "); choose one");
}

} // namespace eikona::io
