#pragma once
// The safetensors format (https://github.com/huggingface/safetensors) without torch: an
// 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape and
// byte range, then the raw little-endian C-order data. Parsing validates everything.

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eikona::io {

/// Every failure to read or write a safetensors file. The message names the file and, where
/// it applies, the tensor key.
class SafetensorsError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

/// The format's spelling ("F32", "BF16", ...).
std::string_view dtype_name(DType dtype);
std::size_t dtype_size(DType dtype);
/// "[2, 77, 768]"
std::string shape_to_string(const std::vector<std::int64_t>& shape);

struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0; ///< byte range inside the data section
    std::uint64_t end = 0;

    std::int64_t numel() const;
};

/// A validated header: tensors in the order of their data, metadata, where the data starts.
struct SafetensorsIndex {
    std::vector<TensorInfo> tensors;
    std::map<std::string, std::string> metadata;
    std::uint64_t data_offset = 0; ///< from the start of the file
    std::uint64_t file_size = 0;
};

/// Validates a whole file image: header length against the size and a sane bound, JSON
/// shape, dtypes, shape x dtype size == byte range, ranges laid end to end over the whole data
/// section. `path` only names the file in messages. Throws SafetensorsError.
SafetensorsIndex parse_safetensors(const std::filesystem::path& path, const std::uint8_t* bytes,
                                   std::uint64_t size);

/// Maps the file and parses it; cost depends on the header only.
SafetensorsIndex read_safetensors_index(const std::filesystem::path& path);

} // namespace eikona::io
