#pragma once
// Small conversions between UTF-8 and code points, shared by the tokenizer's passes.

#include <string>
#include <string_view>

namespace eikona::tokenizer {

/// Ill-formed UTF-8 becomes U+FFFD, as Python's decode(errors="replace") does.
std::u32string utf8_to_u32(std::string_view text);
std::string u32_to_utf8(std::u32string_view text);
/// Strict: false for anything that is not well-formed UTF-8 (as Python's decode("utf-8")).
bool decode_utf8_strict(std::string_view bytes, std::u32string& out);

/// Python's str.isspace(): bidirectional class WS, B or S, or general category Zs.
bool is_python_space(char32_t c);

} // namespace eikona::tokenizer
