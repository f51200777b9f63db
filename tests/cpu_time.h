#pragma once
// CPU time, not wall-clock time, for the tests that bound how much work refusing a hostile
// input takes: a loaded 2-core CI stretches the wall clock (other tests, the sanitizer build),
// not the CPU time the work itself needs.

#include <sys/resource.h>
#include <time.h>

namespace eikona::testing {

/// CPU time this thread has used, in ms.
inline double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

/// CPU time (user + system) of every child process this one has waited for, in ms.
inline double childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

} // namespace eikona::testing
