#pragma once
// The parameters of a picture in A1111's `parameters` text, the format other tools (A1111,
// ComfyUI readers, civitai, image viewers) read: the prompt, a `Negative prompt:` line, then
// one line of `Key: value` pairs. The one place this text is written and parsed.

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>

namespace eikona::store {

struct GenerationParameters {
    QString prompt;
    QString negativePrompt;
    int steps = 0;
    QString sampler; ///< A1111's label ("Euler a")
    double cfgScale = 0;
    quint64 seed = 0;
    int width = 0;
    int height = 0;
    QString modelHash; ///< first 10 hex digits of the weights' SHA-256
    QString model;
    std::optional<double> denoisingStrength; ///< img2img only
    /// Any other pairs, in order (what other tools wrote, or "RNG", "Version").
    QList<QPair<QString, QString>> extra;

    bool operator==(const GenerationParameters&) const = default;
};

/// A1111's text: keys in its order, values with `,`, `:` or a newline JSON-quoted.
QString formatParameters(const GenerationParameters& parameters);

/// Reads A1111's text (ours or another tool's); nullopt when the last line is not a parameter
/// line (fewer than three `Key: value` pairs) — then there is nothing but a prompt.
std::optional<GenerationParameters> parseParameters(const QString& text);

} // namespace eikona::store

Q_DECLARE_METATYPE(eikona::store::GenerationParameters)
