#pragma once
// Tensors from safetensors files by mmap, and the writer.

#include "io/safetensors_format.h"

#include <ATen/core/Tensor.h>

#include <memory>
#include <utility>

namespace eikona::io {

at::ScalarType to_scalar_type(DType dtype);
/// Throws SafetensorsError for scalar types the format cannot hold.
DType from_scalar_type(at::ScalarType type);

class MappedFile;

/// A validated, memory-mapped safetensors file. Tensors returned by tensor() share the
/// mapping (no copy) and keep it alive; the mapping is private copy-on-write, so writing
/// to such a tensor never changes the file.
class SafetensorsFile {
  public:
    /// Maps and validates the whole header before returning; throws SafetensorsError.
    static SafetensorsFile open(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return m_path; }
    /// Tensors in the order of their data (ascending offsets).
    const std::vector<TensorInfo>& tensors() const { return m_header.tensors; }
    const std::map<std::string, std::string>& metadata() const { return m_header.metadata; }
    /// nullptr when the file has no such tensor.
    const TensorInfo* find(std::string_view name) const;
    bool contains(std::string_view name) const { return find(name) != nullptr; }
    /// The tensor as stored, backed by the mapping; throws SafetensorsError for unknown keys.
    at::Tensor tensor(std::string_view name) const;
    /// Size of the whole file in bytes.
    std::uint64_t file_size() const { return m_header.file_size; }

  private:
    SafetensorsFile() = default;

    std::filesystem::path m_path;
    std::shared_ptr<const MappedFile> m_mapping;
    SafetensorsIndex m_header;
    std::map<std::string, std::size_t, std::less<>> m_index;
};

using NamedTensors = std::vector<std::pair<std::string, at::Tensor>>;

/// Writes `tensors` (any device, any layout; stored contiguous in the given order) to `path`
/// through a temporary file renamed into place, so a failed write leaves nothing behind.
void write_safetensors(const std::filesystem::path& path, const NamedTensors& tensors,
                       const std::map<std::string, std::string>& metadata = {});

} // namespace eikona::io
