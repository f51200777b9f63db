#include "engine_status.h"

#include "runtime.h"

namespace eikona::backend {

QString configureEngine(int threads)
{
    const auto info = configure_runtime(threads > 0 ? std::optional<int>(threads) : std::nullopt);
    return QString::fromStdString(info.summary());
}

} // namespace eikona::backend
