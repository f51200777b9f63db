#pragma once
// What a path on disk is as a model, checked before anything heavy opens it: a diffusers
// folder, an SD 1.x single-file .safetensors checkpoint, or something Eikona will not open —
// pickle files above all, whose loading can run any code hidden in them.

#include <QString>

#include <optional>

namespace eikona::store {

enum class LocalModelKind { DiffusersFolder, SingleFile };

struct LocalModelCheck {
    std::optional<LocalModelKind> kind; ///< empty when the path cannot be opened
    QString problem;                    ///< why not, in words for people
};

LocalModelCheck checkLocalModel(const QString& path);

/// The SD 1.5 configs and tokenizer a single file is read with (resources/sd15): installed
/// beside the application, else the source tree's.
QString sd15DefaultsFolder();

} // namespace eikona::store
