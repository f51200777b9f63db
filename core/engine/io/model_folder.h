#pragma once
// A model in diffusers' folder layout: model_index.json naming the components, one folder
// per component with its config.json and weights (`<base>.safetensors`, or the variant
// `<base>.<variant>.safetensors`, e.g. `model.fp16.safetensors`).

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eikona::io {

class ModelFolderError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct ComponentEntry {
    std::string name;       ///< "unet", "vae", ...
    std::string library;    ///< "diffusers", "transformers"
    std::string class_name; ///< "UNet2DConditionModel", ...
    std::filesystem::path directory;
};

class ModelFolder {
  public:
    /// Reads and checks model_index.json; throws ModelFolderError naming the file.
    static ModelFolder open(const std::filesystem::path& root);

    const std::filesystem::path& root() const { return m_root; }
    /// Components listed in model_index.json that are present (null entries are skipped).
    const std::vector<ComponentEntry>& components() const { return m_components; }
    const ComponentEntry& component(const std::string& name) const;
    bool has_component(const std::string& name) const;

    /// The component's config.json (or scheduler_config.json, tokenizer_config.json).
    nlohmann::json config(const std::string& name) const;
    /// The weights file of a component: with a variant ("fp16"), the variant file when it
    /// exists, else the plain one; without, the plain file, else any single variant file.
    std::filesystem::path weights_file(const std::string& name,
                                       const std::optional<std::string>& variant = std::nullopt) const;

  private:
    std::filesystem::path m_root;
    std::vector<ComponentEntry> m_components;
};

/// Reads a JSON file; throws ModelFolderError naming the file on any failure.
nlohmann::json read_json_file(const std::filesystem::path& path);
/// The same checks on text already read; `name` names it in messages.
nlohmann::json parse_json_text(std::string_view text, const std::string& name);

} // namespace eikona::io
