// A1111's emphasis syntax: any bytes (invalid UTF-8 included) give fragments, never nothing,
// every weight but BREAK's inside [0, 10] (nesting multiplies; the result is clamped).

#include "pipeline/prompt_parser.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto fragments =
        eikona::pipeline::parse_prompt_attention(std::string_view(reinterpret_cast<const char*>(data), size));
    if (fragments.empty())
        std::abort();
    for (const auto& fragment : fragments)
        if (!fragment.is_break && !(fragment.weight >= 0.0 && fragment.weight <= 10.0))
            std::abort();
    return 0;
}
