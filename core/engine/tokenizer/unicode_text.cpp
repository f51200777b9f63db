#include "tokenizer/unicode_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace eikona::tokenizer {

std::u32string utf8_to_u32(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

bool decode_utf8_strict(std::string_view text, std::u32string& out)
{
    out.clear();
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c); // negative for ill-formed input, surrogates included
        if (c < 0)
            return false;
        out.push_back(static_cast<char32_t>(c));
    }
    return true;
}

std::string u32_to_utf8(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : text) {
        std::uint8_t buffer[U8_MAX_LENGTH];
        std::int32_t length = 0;
        UBool error = false;
        U8_APPEND(buffer, length, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
        if (error) { // a lone surrogate or out of range: what Python's "replace" writes
            out += "\xEF\xBF\xBD";
            continue;
        }
        out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
    }
    return out;
}

bool is_python_space(char32_t c)
{
    const auto cp = static_cast<UChar32>(c);
    if (u_charType(cp) == U_SPACE_SEPARATOR)
        return true;
    const auto direction = u_charDirection(cp);
    return direction == U_WHITE_SPACE_NEUTRAL || direction == U_BLOCK_SEPARATOR ||
           direction == U_SEGMENT_SEPARATOR;
}

} // namespace eikona::tokenizer
