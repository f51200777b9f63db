#include "pipeline/prompt_parser.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace eikona::pipeline {
namespace {

constexpr double k_round_multiplier = 1.1;
constexpr double k_square_multiplier = 1 / 1.1;
constexpr double k_max_weight = 10.0;

bool is_space(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// At `at` (a ':'), the rest of `:\s*([+-]?[.\d]+)\s*\)`: the weight and the length matched.
std::optional<std::pair<double, std::size_t>> weight_close(std::string_view text, std::size_t at)
{
    std::size_t i = at + 1;
    while (i < text.size() && is_space(text[i]))
        ++i;
    const std::size_t number_begin = i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        ++i;
    const std::size_t digits_begin = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
        ++i;
    if (i == digits_begin)
        return std::nullopt;
    const std::size_t number_end = i;
    while (i < text.size() && is_space(text[i]))
        ++i;
    if (i >= text.size() || text[i] != ')')
        return std::nullopt;
    double weight = 0;
    const char* first = text.data() + number_begin + (text[number_begin] == '+' ? 1 : 0);
    const auto [end, error] = std::from_chars(first, text.data() + number_end, weight);
    if (error != std::errc() || end != text.data() + number_end)
        return std::nullopt; // "1.2.3" is no number: the text stays as written
    return std::pair{std::clamp(weight, 0.0, k_max_weight), i + 1 - at};
}

// Appends a text run, splitting it at BREAK (a whole word, with the spaces around it).
void append_text(std::vector<PromptFragment>& out, std::string_view text)
{
    std::size_t start = 0;
    for (std::size_t at = text.find("BREAK"); at != std::string_view::npos; at = text.find("BREAK", at + 5)) {
        const bool word_start =
            at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_');
        const std::size_t after = at + 5;
        const bool word_end = after == text.size() ||
                              !(std::isalnum(static_cast<unsigned char>(text[after])) || text[after] == '_');
        if (!word_start || !word_end)
            continue;
        std::size_t left = at;
        while (left > start && is_space(text[left - 1]))
            --left;
        out.push_back({std::string(text.substr(start, left - start)), 1.0, false});
        out.push_back({"BREAK", -1.0, true});
        start = after;
        while (start < text.size() && is_space(text[start]))
            ++start;
    }
    out.push_back({std::string(text.substr(start)), 1.0, false});
}

} // namespace

std::vector<PromptFragment> parse_prompt_attention(std::string_view prompt)
{
    struct Open {
        char bracket;
        std::size_t fragment; ///< where the weighted range begins
        std::size_t position; ///< in the prompt, to restore it if never closed
    };
    std::vector<PromptFragment> out;
    std::vector<Open> open;
    const auto multiply_from = [&](std::size_t first, double factor) {
        for (std::size_t i = first; i < out.size(); ++i)
            if (!out[i].is_break)
                out[i].weight *= factor;
    };
    const auto close = [&](char bracket, double factor) {
        for (auto it = open.rbegin(); it != open.rend(); ++it)
            if (it->bracket == bracket) {
                multiply_from(it->fragment, factor);
                open.erase(std::next(it).base());
                return true;
            }
        return false;
    };

    for (std::size_t i = 0; i < prompt.size();) {
        const char c = prompt[i];
        if (c == '\\') {
            const bool escapes = i + 1 < prompt.size() &&
                                 std::string_view("()[]\\").find(prompt[i + 1]) != std::string_view::npos;
            if (escapes)
                out.push_back({std::string(1, prompt[i + 1]), 1.0, false});
            i += escapes ? 2 : 1; // a lone backslash is dropped, as A1111 does
        } else if (c == '(' || c == '[') {
            open.push_back({c, out.size(), i});
            ++i;
        } else if (c == ':') {
            const auto weighted = weight_close(prompt, i);
            if (weighted && close('(', weighted->first)) {
                i += weighted->second;
            } else {
                out.push_back({":", 1.0, false});
                ++i;
            }
        } else if (c == ')' || c == ']') {
            if (!close(c == ')' ? '(' : '[', c == ')' ? k_round_multiplier : k_square_multiplier))
                out.push_back({std::string(1, c), 1.0, false});
            ++i;
        } else {
            std::size_t end = i;
            while (end < prompt.size() &&
                   std::string_view("\\()[]:").find(prompt[end]) == std::string_view::npos)
                ++end;
            append_text(out, prompt.substr(i, end - i));
            i = end;
        }
    }
    // Brackets never closed stay as literal text, where they stood.
    for (auto it = open.rbegin(); it != open.rend(); ++it)
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(it->fragment),
                   PromptFragment{std::string(1, it->bracket), 1.0, false});

    // Nesting multiplies without end ((((((x)))))) is 1.1^6, and a few thousand brackets reach
    // infinity and a NaN picture): the final weight is clamped as an explicit one is.
    for (auto& fragment : out)
        if (!fragment.is_break)
            fragment.weight = std::clamp(fragment.weight, 0.0, k_max_weight);

    std::vector<PromptFragment> merged;
    for (auto& fragment : out) {
        if (!merged.empty() && !fragment.is_break && !merged.back().is_break &&
            merged.back().weight == fragment.weight)
            merged.back().text += fragment.text;
        else
            merged.push_back(std::move(fragment));
    }
    if (merged.empty())
        merged.push_back({"", 1.0, false});
    return merged;
}

} // namespace eikona::pipeline
