#pragma once
// y = x · Wᵀ + b for fp32 on the CPU through oneDNN's matmul, with W packed once into the
// blocked layout oneDNN's kernels read. Measured on SD 1.5's linear shapes on this 2-core
// machine: 270-300 GFLOPS, where a 1x1 convolution (which reorders W on every call) gave
// 190-285 and OpenBLAS 200-270. Torch-free and oneDNN-free in its interface; built only where
// the oneDNN library was found (`available()` says).

#include <cstdint>
#include <memory>

namespace eikona::models {

class PackedMatmul {
public:
    /// weight: [out][in], row-major; bias: [out] or null. Both stay owned by the caller and must
    /// outlive this object: a new number of rows may need the weight packed again.
    PackedMatmul(const float* weight, const float* bias, std::int64_t in, std::int64_t out);
    ~PackedMatmul();
    PackedMatmul(const PackedMatmul&) = delete;
    PackedMatmul& operator=(const PackedMatmul&) = delete;

    /// y[rows][out] = x[rows][in] · weightᵀ + bias; x and y contiguous. True when this call
    /// packed the weight (the first call for a row count whose layout is new).
    bool run(const float* x, float* y, std::int64_t rows);

    /// Whether this build has oneDNN.
    static bool available();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace eikona::models
