#pragma once
// GPT-2/CLIP byte-level alphabet: each byte is written as a printable code point, so any
// UTF-8 text becomes a string over 256 symbols with no spaces or controls.

#include <string>
#include <string_view>

namespace eikona::tokenizer {

/// The word's UTF-8 bytes, each mapped to its byte-level character, as UTF-8.
std::string to_byte_level(std::string_view word);

} // namespace eikona::tokenizer
