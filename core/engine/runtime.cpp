#include "runtime.h"

#include "caching_allocator.h"

#include <ATen/Parallel.h>
#include <ATen/Context.h>
#include <torch/version.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <thread>

#include <dlfcn.h>

extern "C" void sgemm_(); // the Fortran BLAS entry point libtorch calls; only its address is used

namespace eikona {
namespace {

int core_count()
{
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

// Which shared object provides sgemm_ (through Debian's libblas.so.3 alternative, for
// instance), named by the folder or file it really lives in: "openblas-openmp", "blas"
// (the slow reference implementation), "libmkl_rt.so", ...
std::string blas_library()
{
    void* symbol = ::dlsym(RTLD_DEFAULT, "sgemm_");
    Dl_info info{};
    if (!symbol || ::dladdr(symbol, &info) == 0 || !info.dli_fname)
        return "built-in";
    std::error_code error;
    const auto real = std::filesystem::canonical(info.dli_fname, error);
    const auto path = error ? std::filesystem::path(info.dli_fname) : real;
    const auto folder = path.parent_path().filename().string();
    if (folder.starts_with("openblas") || folder == "blas" || folder == "atlas" || folder.starts_with("blis"))
        return folder == "blas" ? "reference BLAS (slow: install libopenblas0-openmp)" : folder;
    return path.filename().string();
}

} // namespace

std::string RuntimeInfo::summary() const
{
    return "libtorch " + torch_version + ", " + std::to_string(threads) + " thread" +
           (threads == 1 ? "" : "s") + " (" + std::to_string(cores) + " cores), BLAS " + blas + ", oneDNN " +
           (onednn ? "yes" : "no");
}

RuntimeInfo runtime_info()
{
    RuntimeInfo info;
    info.threads = at::get_num_threads();
    info.cores = core_count();
    info.blas = blas_library();
    info.onednn = at::hasMKLDNN();
    info.torch_version = TORCH_VERSION;
    return info;
}

namespace {

// A non-negative whole number of MiB from the environment, else `fallback`.
std::size_t env_megabytes(const char* name, std::size_t fallback)
{
    const char* env = std::getenv(name);
    if (!env)
        return fallback;
    char* end = nullptr;
    const long value = std::strtol(env, &end, 10);
    return end != env && *end == '\0' && value >= 0 ? static_cast<std::size_t>(value) : fallback;
}

} // namespace

RuntimeInfo configure_runtime(std::optional<int> threads)
{
    if (!threads) {
        if (const char* env = std::getenv("EIKONA_THREADS")) {
            char* end = nullptr;
            const long value = std::strtol(env, &end, 10);
            if (end != env && *end == '\0' && value > 0 && value <= 1024)
                threads = static_cast<int>(value);
        }
    }
    // Keep freed activations for reuse: EIKONA_CPU_CACHE_MB, else 512 MiB (0 turns it off).
    // Measured on SD 1.5 at 512x512: 512 MiB is as fast as 2 GiB and peaks 1.5 GB lower.
    // EIKONA_CPU_MEMORY_LIMIT_MB bounds the activations (a clear "out of memory" instead of swap).
    const auto cache_mb = env_megabytes("EIKONA_CPU_CACHE_MB", 512);
    const auto limit_mb = env_megabytes("EIKONA_CPU_MEMORY_LIMIT_MB", 0);
    if (cache_mb > 0 || limit_mb > 0) {
        install_caching_cpu_allocator(cache_mb << 20);
        set_cpu_memory_limit(limit_mb << 20);
    }
    const int wanted = threads && *threads > 0 ? *threads : core_count();
    if (at::get_num_threads() != wanted)
        at::set_num_threads(wanted);
    return runtime_info();
}

} // namespace eikona
