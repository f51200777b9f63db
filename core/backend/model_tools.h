#pragma once
// The CLI's developer tools over the engine — token ids, what is inside a model file or
// folder, random full-size models for benchmarks — so the app layer links no torch.

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace eikona::backend {

/// A prompt's CLIP ids (start, content, end), or with `padded` the 77 ids the text encoder
/// receives. `folder`: a model folder or its tokenizer folder. Throws GenerationError.
QList<int> tokenizePrompt(const QString& folder, const QString& prompt, bool padded);

/// "name<TAB>dtype<TAB>[shape]" per tensor, "metadata<TAB>key<TAB>value" per entry, then a
/// total line. Throws GenerationError for a malformed file (it is never loaded).
QStringList inspectWeightsFile(const QString& path);
/// One line per component: name, class, and for networks the weights file and its totals.
QStringList inspectModelFolder(const QString& path);

struct RandomModelRequest {
    QString preset = QStringLiteral("sd15"); ///< sd15 | tiny
    quint64 seed = 0;
    bool fp16 = false;
    QString tokenizerFolder;
    std::function<void(const QString& component)> progress;
};

/// Writes a diffusers folder with random weights of the preset's exact architecture.
void writeRandomModel(const QString& out, const RandomModelRequest& request);

} // namespace eikona::backend
