#pragma once
// What the prompt boxes need to know about A1111's emphasis syntax — where its brackets,
// weights and BREAKs are, how Ctrl+Up/Down changes a weight, how many CLIP tokens a prompt
// takes — without the window seeing the engine.

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace eikona::backend {

struct PromptSpan {
    enum class Kind { Bracket, Weight, Break, Escape, Unbalanced };
    int start = 0;
    int length = 0;
    Kind kind = Kind::Bracket;

    bool operator==(const PromptSpan&) const = default;
};

/// The syntax of `prompt` in order of position: matched ( ) and [ ] (Bracket), the ":1.3" of
/// a weighted group (Weight), BREAK, \( \) \[ \] (Escape), and brackets without a partner.
QList<PromptSpan> promptSyntaxSpans(const QString& prompt);

struct PromptEdit {
    QString text;
    int selectionStart = 0; ///< the words whose weight changed, selected again
    int selectionEnd = 0;
};

/// A1111's Ctrl+Up / Ctrl+Down: `delta` (±0.1) onto the weight of the selection — or, with
/// nothing selected, of the weighted group around the cursor, else the word under it. Plain
/// words become "(words:1.1)"; a weight that reaches 1.0 loses its brackets. nullopt when
/// there is nothing to weigh (the cursor on a space or comma).
std::optional<PromptEdit> adjustEmphasis(const QString& text, int selectionStart, int selectionEnd,
                                         double delta);

/// Counts a prompt's CLIP tokens the way the engine chunks it: fragments of the emphasis
/// syntax tokenized alone, BREAK padding to the next 75-token chunk.
class PromptTokenCounter {
  public:
    struct Count {
        int tokens = 0;
        int limit = 75; ///< 75 times the chunks the prompt fills: A1111's "80 / 150"
    };

    /// The SD 1.5 tokenizer shipped with Eikona (resources/sd15/tokenizer), or one in
    /// `tokenizerFolder`. nullptr when it cannot be read.
    static std::unique_ptr<PromptTokenCounter> open(const QString& tokenizerFolder = {});
    ~PromptTokenCounter();

    Count count(const QString& prompt, bool a1111Syntax = true) const;

  private:
    PromptTokenCounter();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace eikona::backend
