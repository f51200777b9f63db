// The safetensors header and tensor table: any bytes either parse into an index whose ranges
// lie inside the file, or are refused with SafetensorsError. Nothing else may happen.

#include "io/safetensors_format.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const auto index = eikona::io::parse_safetensors("fuzz.safetensors", data, size);
        for (const auto& tensor : index.tensors)
            if (index.data_offset + tensor.end > size || tensor.begin > tensor.end)
                std::abort(); // an accepted range outside the file
    } catch (const eikona::io::SafetensorsError&) {
    }
    return 0;
}
