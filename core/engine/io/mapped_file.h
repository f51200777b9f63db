#pragma once
// A read-only view of a whole file through mmap (private, copy-on-write).

#include <cstdint>
#include <filesystem>
#include <memory>

namespace eikona::io {

class MappedFile {
  public:
    /// Throws std::system_error naming the file when it cannot be opened or mapped.
    static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::uint8_t* data() const { return m_data; }
    std::uint64_t size() const { return m_size; }

  private:
    MappedFile(std::uint8_t* data, std::uint64_t size) : m_data(data), m_size(size) {}

    std::uint8_t* m_data = nullptr;
    std::uint64_t m_size = 0;
};

} // namespace eikona::io
