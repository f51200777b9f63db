// The tokenizer's text cleaning (ftfy's fixes, HTML entities, whitespace, lower case) on any
// bytes, invalid UTF-8 included: it returns text, and cleaning that again changes nothing
// more (what it returns is clean, valid text).

#include "tokenizer/text_cleaner.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto cleaned = eikona::tokenizer::clean_prompt_text(text);
    eikona::tokenizer::clean_prompt_text(cleaned);
    return 0;
}
