#include "tokenizer/text_cleaner.h"

#include "tokenizer/unicode_text.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace eikona::tokenizer {
namespace {

struct Entity {
    std::string_view name;
    std::string_view text;
};

constexpr Entity k_html_entities[] = {
#include "tokenizer/html_entities.inc"
};

// Windows-1252 as ftfy's "sloppy-windows-1252" reads it: the five bytes the code page leaves
// undefined stand for the C1 control characters of the same value. Built from ICU's table.
class SloppyWindows1252 {
  public:
    SloppyWindows1252()
    {
        UErrorCode status = U_ZERO_ERROR;
        UConverter* converter = ucnv_open("windows-1252", &status);
        if (U_FAILURE(status))
            throw std::runtime_error("ICU has no windows-1252 converter");
        for (int byte = 0; byte < 256; ++byte) {
            const char in = static_cast<char>(byte);
            UChar out[4] = {};
            status = U_ZERO_ERROR;
            const auto length = ucnv_toUChars(converter, out, 4, &in, 1, &status);
            char32_t c = static_cast<char32_t>(byte);
            if (U_SUCCESS(status) && length == 1 && out[0] != 0xFFFD && out[0] != 0x1A)
                c = out[0];
            m_decode[static_cast<std::size_t>(byte)] = c;
            m_encode.emplace(c, static_cast<std::uint8_t>(byte));
        }
        ucnv_close(converter);
    }

    char32_t decode(std::uint8_t byte) const { return m_decode[byte]; }
    /// -1 when the character has no byte in this code page.
    int encode(char32_t c) const
    {
        const auto it = m_encode.find(c);
        return it == m_encode.end() ? -1 : it->second;
    }

  private:
    std::array<char32_t, 256> m_decode{};
    std::unordered_map<char32_t, std::uint8_t> m_encode;
};

const SloppyWindows1252& windows1252()
{
    static const SloppyWindows1252 table;
    return table;
}

const icu::Normalizer2& normalizer(bool compatibility)
{
    UErrorCode status = U_ZERO_ERROR;
    const auto* instance =
        compatibility ? icu::Normalizer2::getNFKCInstance(status) : icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        throw std::runtime_error("ICU normalizer unavailable");
    return *instance;
}

std::u32string normalize(const std::u32string& text, bool compatibility)
{
    const auto utf8 = u32_to_utf8(text);
    UErrorCode status = U_ZERO_ERROR;
    const auto input =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    const auto& n = normalizer(compatibility);
    if (n.isNormalized(input, status) && U_SUCCESS(status))
        return text;
    status = U_ZERO_ERROR;
    const auto output = n.normalize(input, status);
    if (U_FAILURE(status))
        return text;
    std::string result;
    output.toUTF8String(result);
    return utf8_to_u32(result);
}

bool is_ascii_alnum(char32_t c)
{
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// Python's html.unescape for one numeric reference (the digits after "&#", without ';');
// nullopt when they are not all digits, in which case the reference stays as written.
std::optional<std::u32string> decode_numeric_reference(std::u32string_view digits)
{
    const bool hex = !digits.empty() && (digits[0] == U'x' || digits[0] == U'X');
    if (hex)
        digits.remove_prefix(1);
    if (digits.empty())
        return std::nullopt;
    std::uint64_t value = 0;
    for (const char32_t c : digits) {
        int digit = -1;
        if (c >= U'0' && c <= U'9')
            digit = static_cast<int>(c - U'0');
        else if (hex && c >= U'a' && c <= U'f')
            digit = static_cast<int>(c - U'a' + 10);
        else if (hex && c >= U'A' && c <= U'F')
            digit = static_cast<int>(c - U'A' + 10);
        if (digit < 0)
            return std::nullopt;
        value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + static_cast<unsigned>(digit), 0x7FFFFFFF);
    }
    if (value == 0)
        return U"\uFFFD";
    if (value == 0x0D)
        return U"\r";
    if (value >= 0x80 && value <= 0x9F)
        return std::u32string(1, windows1252().decode(static_cast<std::uint8_t>(value)));
    if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        return U"\uFFFD";
    const bool invalid = (value >= 0x01 && value <= 0x08) || value == 0x0B ||
                         (value >= 0x0E && value <= 0x1F) || value == 0x7F ||
                         (value >= 0xFDD0 && value <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE;
    return invalid ? U"" : std::u32string(1, static_cast<char32_t>(value));
}

// ftfy's unescape_html: `&#?[0-9A-Za-z]{1,24};`, named entities from the HTML5 table.
std::u32string unescape_html(const std::u32string& text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != U'&') {
            out.push_back(text[i]);
            continue;
        }
        std::size_t j = i + 1;
        const bool numeric = j < text.size() && text[j] == U'#';
        if (numeric)
            ++j;
        const std::size_t name_begin = j;
        while (j < text.size() && is_ascii_alnum(text[j]) && j - name_begin < 25)
            ++j;
        const std::size_t name_length = j - name_begin;
        if (name_length == 0 || name_length > 24 || j >= text.size() || text[j] != U';') {
            out.push_back(text[i]);
            continue;
        }
        const std::u32string_view reference(text.data() + i, j + 1 - i);
        std::optional<std::u32string> replacement;
        if (numeric) {
            replacement = decode_numeric_reference(reference.substr(2, name_length));
        } else {
            std::string name;
            for (const char32_t c : reference)
                name.push_back(static_cast<char>(c));
            const auto* end = std::end(k_html_entities);
            const auto* found =
                std::lower_bound(std::begin(k_html_entities), end, name,
                                 [](const Entity& e, const std::string& n) { return e.name < n; });
            if (found != end && found->name == name)
                replacement = utf8_to_u32(found->text);
        }
        if (!replacement) {
            out.push_back(text[i]);
            continue;
        }
        out += *replacement;
        i = j;
    }
    return out;
}

// ftfy's remove_terminal_escapes: `\x1b\[[\d;]*[A-Za-z]`.
std::u32string remove_terminal_escapes(const std::u32string& text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == U'\x1b' && i + 1 < text.size() && text[i + 1] == U'[') {
            std::size_t j = i + 2;
            while (j < text.size() && ((text[j] >= U'0' && text[j] <= U'9') || text[j] == U';'))
                ++j;
            if (j < text.size() && text[j] < 0x80 && std::isalpha(static_cast<int>(text[j]))) {
                i = j;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

// Encodes text into a one-byte code page and reads the bytes back as UTF-8: how mojibake
// (UTF-8 that was decoded as Latin-1 or Windows-1252) is undone. Empty when impossible.
std::optional<std::u32string> reinterpret_as_utf8(const std::u32string& text, bool latin1)
{
    std::string bytes;
    bytes.reserve(text.size());
    for (const char32_t c : text) {
        const int byte = latin1 ? (c <= 0xFF ? static_cast<int>(c) : -1) : windows1252().encode(c);
        if (byte < 0)
            return std::nullopt;
        bytes.push_back(static_cast<char>(byte));
    }
    std::u32string decoded;
    if (!decode_utf8_strict(bytes, decoded))
        return std::nullopt;
    return decoded;
}

// A UTF-8 lead byte read as Windows-1252 that mojibake typically starts with: the
// two-byte leads of Latin-1 and Cyrillic text (Â Ã Ð Ñ) and every three- and four-byte
// lead. Other two-byte leads are ordinary letters (Ä, ß, ...) too often to guess.
int mojibake_sequence_length(int lead)
{
    if (lead == 0xC2 || lead == 0xC3 || lead == 0xD0 || lead == 0xD1)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

// ftfy's fix_encoding, reduced to the Latin-1 / Windows-1252 cases: the whole text when it
// all re-reads as UTF-8, else each embedded mojibake sequence on its own.
std::u32string fix_encoding(const std::u32string& text)
{
    if (std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x80; }))
        return text;
    for (const bool latin1 : {true, false})
        if (auto fixed = reinterpret_as_utf8(text, latin1))
            return *fixed;

    const auto& table = windows1252();
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int lead = table.encode(text[i]);
        const int length = lead < 0 ? 0 : mojibake_sequence_length(lead);
        if (length > 0 && i + static_cast<std::size_t>(length) <= text.size()) {
            std::string bytes(1, static_cast<char>(lead));
            for (int k = 1; k < length; ++k) {
                const int byte = table.encode(text[i + static_cast<std::size_t>(k)]);
                if (byte < 0x80 || byte > 0xBF)
                    break;
                bytes.push_back(static_cast<char>(byte));
            }
            std::u32string decoded;
            if (bytes.size() == static_cast<std::size_t>(length) && decode_utf8_strict(bytes, decoded) &&
                decoded.size() == 1 && decoded[0] >= 0x80) {
                out += decoded;
                i += static_cast<std::size_t>(length) - 1;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

std::u32string fix_c1_controls(std::u32string text)
{
    for (auto& c : text)
        if (c >= 0x80 && c <= 0x9F)
            c = windows1252().decode(static_cast<std::uint8_t>(c));
    return text;
}

// NFKC applied to selected characters only (ftfy's ligature and width maps).
template <typename Selected> std::u32string compatibility_map(const std::u32string& text, Selected selected)
{
    if (std::none_of(text.begin(), text.end(), selected))
        return text;
    std::u32string out;
    out.reserve(text.size());
    for (const char32_t c : text) {
        if (!selected(c))
            out.push_back(c);
        else if (c == U'\u3000')
            out.push_back(U' ');
        else
            out += normalize(std::u32string(1, c), /*compatibility=*/true);
    }
    return out;
}

bool is_latin_ligature(char32_t c)
{
    return c == 0x0132 || c == 0x0133 || c == 0x0149 || (c >= 0x01C4 && c <= 0x01CC) ||
           (c >= 0x01F1 && c <= 0x01F3) || (c >= 0xFB00 && c <= 0xFB06);
}

bool is_width_variant(char32_t c)
{
    return (c >= 0xFF01 && c <= 0xFFEF) || c == 0x3000;
}

std::u32string uncurl_quotes(std::u32string text)
{
    for (auto& c : text) {
        if (c == 0x02BC || (c >= 0x2018 && c <= 0x201B))
            c = U'\'';
        else if (c >= 0x201C && c <= 0x201F)
            c = U'"';
    }
    return text;
}

std::u32string fix_line_breaks(const std::u32string& text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n')
            continue; // "\r\n" -> "\n"
        out.push_back(c == U'\r' || c == 0x2028 || c == 0x2029 || c == 0x85 ? U'\n' : c);
    }
    return out;
}

bool is_removed_control(char32_t c)
{
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F) ||
           c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
}

std::u32string fix_segment(std::u32string text, bool unescape)
{
    for (;;) {
        const auto original = text;
        if (unescape)
            text = unescape_html(text);
        text = fix_encoding(text);
        text = fix_c1_controls(std::move(text));
        text = compatibility_map(text, is_latin_ligature);
        text = compatibility_map(text, is_width_variant);
        text = uncurl_quotes(std::move(text));
        text = remove_terminal_escapes(text);
        text = fix_line_breaks(text);
        std::erase_if(text, is_removed_control);
        text = normalize(text, /*compatibility=*/false);
        if (text == original)
            return text;
    }
}

} // namespace

std::string fix_text(std::string_view utf8)
{
    const auto text = utf8_to_u32(utf8);
    std::u32string out;
    // ftfy works line by line; a line containing '<' is taken to be HTML-like markup and
    // its entities are left alone.
    for (std::size_t begin = 0; begin < text.size();) {
        const auto newline = text.find(U'\n', begin);
        const auto end = newline == std::u32string::npos ? text.size() : newline + 1;
        auto segment = text.substr(begin, end - begin);
        const bool unescape = segment.find(U'<') == std::u32string::npos;
        out += fix_segment(std::move(segment), unescape);
        begin = end;
    }
    return u32_to_utf8(out);
}

std::string collapse_whitespace(std::string_view utf8)
{
    const auto text = utf8_to_u32(utf8);
    std::u32string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char32_t c : text) {
        if (is_python_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out.push_back(U' ');
        pending_space = false;
        out.push_back(c);
    }
    return u32_to_utf8(out);
}

std::string to_lower(std::string_view utf8)
{
    auto text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    text.toLower(icu::Locale::getRoot());
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string clean_prompt_text(std::string_view text)
{
    return to_lower(collapse_whitespace(fix_text(text)));
}

} // namespace eikona::tokenizer
