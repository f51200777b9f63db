#include "engine_status.h"

#include "caching_allocator.h"
#include "runtime.h"

namespace eikona::backend {

QString configureEngine(int threads)
{
    const auto info = configure_runtime(threads > 0 ? std::optional<int>(threads) : std::nullopt);
    return QString::fromStdString(info.summary());
}

void releaseCachedMemory()
{
    release_cached_cpu_memory();
}

} // namespace eikona::backend
