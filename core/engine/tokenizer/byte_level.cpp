#include "tokenizer/byte_level.h"

#include "tokenizer/unicode_text.h"

#include <array>

namespace eikona::tokenizer {
namespace {

// Printable Latin-1 bytes stand for themselves; the 68 others get U+0100 upwards, in order.
std::array<char32_t, 256> make_byte_alphabet()
{
    std::array<char32_t, 256> alphabet{};
    char32_t next = 256;
    for (int b = 0; b < 256; ++b) {
        const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        alphabet[static_cast<std::size_t>(b)] = printable ? static_cast<char32_t>(b) : next++;
    }
    return alphabet;
}

} // namespace

std::string to_byte_level(std::string_view word)
{
    static const auto alphabet = make_byte_alphabet();
    std::u32string mapped;
    mapped.reserve(word.size());
    for (const char byte : word)
        mapped.push_back(alphabet[static_cast<unsigned char>(byte)]);
    return u32_to_utf8(mapped);
}

} // namespace eikona::tokenizer
