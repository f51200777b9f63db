#pragma once
// The one CPU engine and each thread's stream that Eikona's own oneDNN primitives run on (the
// packed matmul, the Winograd convolution). Include only where EIKONA_HAVE_ONEDNN is set.

#include <oneapi/dnnl/dnnl.hpp>

namespace eikona::models {

inline dnnl::engine& onednn_cpu_engine()
{
    static dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    return engine;
}

inline dnnl::stream& onednn_cpu_stream()
{
    thread_local dnnl::stream stream(onednn_cpu_engine());
    return stream;
}

} // namespace eikona::models
