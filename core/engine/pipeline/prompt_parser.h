#pragma once
// A1111's emphasis syntax: (text) x1.1, ((text)) x1.21, [text] /1.1, (text:1.3) x1.3, \( \) \[ \]
// for literal brackets, BREAK to start a new 75-token chunk. As A1111's
// parse_prompt_attention, with two deliberate differences: an opening bracket that is never
// closed stays literal text (A1111 would weight the rest of the prompt), and weights are
// clamped to [0, 10].

#include <string>
#include <string_view>
#include <vector>

namespace eikona::pipeline {

struct PromptFragment {
    std::string text;
    double weight = 1.0;
    bool is_break = false; ///< BREAK: the next fragment starts a new chunk
};

/// Fragments in order, neighbours of equal weight merged; never empty.
std::vector<PromptFragment> parse_prompt_attention(std::string_view prompt);

} // namespace eikona::pipeline
