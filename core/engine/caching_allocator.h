#pragma once
// A CPU allocator for libtorch that keeps large freed blocks for reuse. A UNet step allocates
// the same sequence of large activations every time; glibc hands each one fresh pages from
// mmap and the page faults cost about as much as the arithmetic. Blocks of 1 MiB and more are
// rounded up to 2 MiB multiples, backed by transparent huge pages where the kernel allows, and
// cached by size after being freed; smaller ones go to posix_memalign as before.

#include <cstddef>
#include <cstdint>

namespace eikona {

struct CachingAllocatorStats {
    std::size_t cached_bytes = 0; ///< freed, kept for reuse
    std::size_t in_use_bytes = 0; ///< large blocks handed out now
    std::uint64_t hits = 0;       ///< large allocations served from the cache
    std::uint64_t misses = 0;     ///< large allocations that needed fresh memory
};

/// Makes it libtorch's CPU allocator (once; later calls only change the cache limit).
/// `cache_limit_bytes` bounds the freed memory kept; beyond it blocks go back to the system.
void install_caching_cpu_allocator(std::size_t cache_limit_bytes);

/// Bounds the large blocks in use plus those cached (the activations; weights are mapped files
/// and do not count). An allocation beyond it throws std::bad_alloc, which the pipeline reports
/// as "out of memory" — a clear end instead of the machine swapping. 0: no bound (the default;
/// $EIKONA_CPU_MEMORY_LIMIT_MB sets one at start-up).
void set_cpu_memory_limit(std::size_t bytes);

/// Returns every cached block to the system (e.g. after a job, or when memory is short).
void release_cached_cpu_memory();

CachingAllocatorStats caching_allocator_stats();

} // namespace eikona
