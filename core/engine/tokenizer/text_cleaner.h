#pragma once
// CLIP's prompt clean-up, as the reference (transformers' slow CLIPTokenizer) does it:
// ftfy.fix_text, whitespace collapse and strip, then Python's str.lower().

#include <string>
#include <string_view>

namespace eikona::tokenizer {

/// The subset of ftfy 6.1's fix_text (default options) that changes prompts: HTML entities
/// (only in lines without '<'), terminal escapes, mojibake (UTF-8 read as Latin-1 or
/// Windows-1252), C1 controls, Latin ligatures, fullwidth/halfwidth forms, curly quotes,
/// line breaks, control characters, NFC; repeated until nothing changes. UTF-8 in and out.
std::string fix_text(std::string_view text);

/// Every run of Unicode whitespace (Python's str.isspace) becomes one space; the ends are
/// stripped.
std::string collapse_whitespace(std::string_view text);

/// Full Unicode lower-casing as Python's str.lower() (final sigma, İ -> i + U+0307).
std::string to_lower(std::string_view text);

/// fix_text, collapse_whitespace, to_lower: what CLIP does before splitting into words.
std::string clean_prompt_text(std::string_view text);

} // namespace eikona::tokenizer
