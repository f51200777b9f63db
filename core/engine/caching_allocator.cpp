#include "caching_allocator.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <new>
#include <unordered_map>

#include <sys/mman.h>

namespace eikona {
namespace {

constexpr std::size_t k_large = std::size_t{1} << 20;   // cached from this size on
constexpr std::size_t k_granule = std::size_t{2} << 20; // huge-page size
constexpr std::size_t k_alignment = 64;

class CachingCpuAllocator final : public c10::Allocator {
  public:
    c10::DataPtr allocate(std::size_t bytes) const override
    {
        if (bytes < k_large) {
            void* data = nullptr;
            if (bytes > 0 && ::posix_memalign(&data, k_alignment, bytes) != 0)
                throw std::bad_alloc();
            return {data, data, &free_any, c10::Device(c10::DeviceType::CPU)};
        }
        const std::size_t size = (bytes + k_granule - 1) / k_granule * k_granule;
        void* data = self().take(size);
        return {data, data, &free_any, c10::Device(c10::DeviceType::CPU)};
    }

    // Some kernels (oneDNN's scratch space) allocate through raw_allocate(), which needs one
    // deleter for every block.
    c10::DeleterFnPtr raw_deleter() const override { return &free_any; }

    void set_limit(std::size_t limit)
    {
        const std::lock_guard lock(m_mutex);
        m_limit = limit;
        trim_locked();
    }

    void set_memory_limit(std::size_t bytes)
    {
        const std::lock_guard lock(m_mutex);
        m_memory_limit = bytes;
    }

    void release_all()
    {
        const std::lock_guard lock(m_mutex);
        const auto limit = m_limit;
        m_limit = 0;
        trim_locked();
        m_limit = limit;
    }

    CachingAllocatorStats stats()
    {
        const std::lock_guard lock(m_mutex);
        return m_stats;
    }

    static CachingCpuAllocator& self()
    {
        static CachingCpuAllocator* instance = new CachingCpuAllocator; // lives until exit, as tensors may
        return *instance;
    }

  private:
    static void free_any(void* data)
    {
        if (data && !self().give_back(data))
            std::free(data);
    }

    void* take(std::size_t size)
    {
        {
            const std::lock_guard lock(m_mutex);
            const auto it = m_free.find(size);
            if (it != m_free.end()) {
                void* data = it->second;
                m_free.erase(it);
                m_stats.cached_bytes -= size;
                m_stats.in_use_bytes += size;
                ++m_stats.hits;
                m_sizes[data] = size;
                return data;
            }
        }
        if (over_memory_limit(size)) {
            release_all(); // cached blocks count against the limit too
            if (over_memory_limit(size))
                throw std::bad_alloc();
        }
        void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (data == MAP_FAILED) {
            release_all(); // what is cached may be what is missing
            data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (data == MAP_FAILED)
                throw std::bad_alloc();
        }
        ::madvise(data, size, MADV_HUGEPAGE); // a hint: ignored where THP is off
        const std::lock_guard lock(m_mutex);
        m_stats.in_use_bytes += size;
        ++m_stats.misses;
        m_sizes[data] = size;
        return data;
    }

    bool over_memory_limit(std::size_t size)
    {
        const std::lock_guard lock(m_mutex);
        return m_memory_limit > 0 && m_stats.in_use_bytes + m_stats.cached_bytes + size > m_memory_limit;
    }

    /// False when the block is not a large one of ours.
    bool give_back(void* data)
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_sizes.find(data);
        if (it == m_sizes.end())
            return false;
        const auto size = it->second;
        m_sizes.erase(it);
        m_stats.in_use_bytes -= size;
        m_free.emplace(size, data);
        m_stats.cached_bytes += size;
        trim_locked();
        return true;
    }

    // Releases the largest cached blocks first until the cache fits its limit.
    void trim_locked()
    {
        while (m_stats.cached_bytes > m_limit && !m_free.empty()) {
            const auto last = std::prev(m_free.end());
            ::munmap(last->second, last->first);
            m_stats.cached_bytes -= last->first;
            m_free.erase(last);
        }
    }

    std::mutex m_mutex;
    std::multimap<std::size_t, void*> m_free;
    std::unordered_map<void*, std::size_t> m_sizes;
    std::size_t m_limit = 0;
    std::size_t m_memory_limit = 0;
    CachingAllocatorStats m_stats;
};

} // namespace

void install_caching_cpu_allocator(std::size_t cache_limit_bytes)
{
    auto& allocator = CachingCpuAllocator::self();
    allocator.set_limit(cache_limit_bytes);
    static std::once_flag once;
    std::call_once(once, [&] { c10::SetAllocator(c10::DeviceType::CPU, &allocator, /*priority=*/1); });
}

void set_cpu_memory_limit(std::size_t bytes)
{
    CachingCpuAllocator::self().set_memory_limit(bytes);
}

void release_cached_cpu_memory()
{
    CachingCpuAllocator::self().release_all();
}

CachingAllocatorStats caching_allocator_stats()
{
    return CachingCpuAllocator::self().stats();
}

} // namespace eikona
