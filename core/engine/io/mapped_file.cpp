#include "io/mapped_file.h"

#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace eikona::io {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what)
{
    throw std::system_error(errno, std::generic_category(), std::string(what) + " " + path.string());
}

struct FileDescriptor {
    int fd;
    ~FileDescriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path)
{
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0)
        fail(path, "cannot open");
    struct stat status {};
    if (::fstat(file.fd, &status) != 0)
        fail(path, "cannot stat");
    if (!S_ISREG(status.st_mode)) {
        errno = EINVAL;
        fail(path, "not a regular file:");
    }
    const auto size = static_cast<std::uint64_t>(status.st_size);
    if (size == 0)
        return std::shared_ptr<const MappedFile>(new MappedFile(nullptr, 0));
    // Private and writable: pages are shared with the page cache until something writes to
    // them (copy-on-write), so a stray in-place op can neither crash nor change the file.
    void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, file.fd, 0);
    if (data == MAP_FAILED)
        fail(path, "cannot map");
    return std::shared_ptr<const MappedFile>(new MappedFile(static_cast<std::uint8_t*>(data), size));
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(m_data, m_size);
}

} // namespace eikona::io
