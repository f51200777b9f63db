#include "engine_status.h"

#include "caching_allocator.h"
#include "pipeline/compute_target.h"
#include "runtime.h"
#include "exception_text.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace eikona::backend {

QString configureEngine(int threads)
{
    const auto info = configure_runtime(threads > 0 ? std::optional<int>(threads) : std::nullopt);
    return QString::fromStdString(info.summary());
}

QString describeComputeTarget(const QString& device, const QString& dtype, QString* error)
{
    try {
        return QString::fromStdString(
            pipeline::resolve_compute_target(device.toStdString(), dtype.toStdString()).describe());
    } catch (const std::exception& failure) {
        if (error)
            *error = QString::fromStdString(exception_text(failure));
        return {};
    }
}

void releaseCachedMemory()
{
    release_cached_cpu_memory();
#ifdef __GLIBC__
    // Freed blocks below glibc's mmap threshold stay in the heap otherwise: an idle app would
    // keep a job's working memory.
    malloc_trim(0);
#endif
}

} // namespace eikona::backend
