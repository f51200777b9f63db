#pragma once
// Process-wide set-up of libtorch's CPU back end: how many threads, and what runs the maths.

#include <optional>
#include <string>

namespace eikona {

struct RuntimeInfo {
    int threads = 1;     ///< libtorch intra-op threads in use
    int cores = 1;       ///< what the machine offers
    std::string blas;    ///< the BLAS library libtorch's matrix products resolve to
    bool onednn = false; ///< oneDNN (MKL-DNN) convolutions compiled in
    std::string torch_version;

    /// One line for the log: "libtorch 1.13.1, 2 threads (2 cores), BLAS openblas-openmp, oneDNN yes".
    std::string summary() const;
};

/// Sets libtorch's intra-op thread count to `threads`, else $EIKONA_THREADS, else the number
/// of cores, installs the caching CPU allocator (caching_allocator.h; $EIKONA_CPU_CACHE_MB,
/// default 512, 0 = off), and reports what it runs with. Cheap to call again.
RuntimeInfo configure_runtime(std::optional<int> threads = std::nullopt);

/// What configure_runtime() would report, without changing anything.
RuntimeInfo runtime_info();

} // namespace eikona
