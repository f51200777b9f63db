#pragma once
// y = x · Wᵀ + b for fp32 or bf16 on the CPU through oneDNN's matmul, with W packed once into the
// blocked layout oneDNN's kernels read; the packed copy is then the only one it needs. Measured on SD 1.5's
// linear shapes on this 2-core machine: 270-300 GFLOPS, where a 1x1 convolution (which reorders W on every
// call) gave 190-285 and OpenBLAS 200-270. Torch-free and oneDNN-free in its interface; built only where the
// oneDNN library was found (`available()` says).

#include <cstdint>
#include <functional>
#include <memory>

namespace eikona::models {

class PackedMatmul {
  public:
    /// The number type of x, the weight, the bias and y: all the same.
    enum class Precision { F32, BF16 };
    /// The plain weight, [out][in] row-major in the precision's type: asked for only while no
    /// packed copy exists.
    using PlainWeight = std::function<const void*()>;

    /// bias: [out] or null, owned by the caller and outliving this object.
    PackedMatmul(const void* bias, std::int64_t in, std::int64_t out, Precision precision = Precision::F32);
    ~PackedMatmul();
    PackedMatmul(const PackedMatmul&) = delete;
    PackedMatmul& operator=(const PackedMatmul&) = delete;

    /// y[rows][out] = x[rows][in] · weightᵀ + bias; x and y contiguous. The first call packs
    /// the weight from `plain` (which need live only during that call); a row count wanting
    /// another layout is repacked from the packed copy, so the plain weight is never needed
    /// again. True when this call packed from `plain`.
    bool run(const void* x, void* y, std::int64_t rows, const PlainWeight& plain);

    /// Whether this build has oneDNN.
    static bool available();

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace eikona::models
