#pragma once
// Which device and number type a generation runs on, from the user's words
// (`--device auto|cpu|cuda|mps`, `--dtype auto|fp32|fp16|bf16`).

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>
#include <string_view>

namespace eikona::pipeline {

struct ComputeTarget {
    c10::Device device = c10::Device(c10::kCPU);
    c10::ScalarType dtype = c10::kFloat;

    /// "CPU, fp32" / "CUDA, fp16": for logs and the status bar; bf16 on a CPU without native
    /// bf16 says it will be slow.
    std::string describe() const;
    bool is_cpu() const { return device.is_cpu(); }
};

/// auto device: CUDA, then MPS, then the CPU. auto dtype: fp16 on a GPU, fp32 on the CPU.
/// Throws PipelineError for unknown words, a device this build or machine does not have, and
/// fp16 on the CPU (libtorch has no CPU half-precision convolutions; bf16 is the CPU's fast type).
ComputeTarget resolve_compute_target(std::string_view device, std::string_view dtype);

/// Whether this CPU computes bf16 natively (AVX512-BF16 or AMX): where it does not, bf16 is
/// emulated and slower than fp32, so it is never chosen for the user.
bool cpu_has_fast_bf16();

/// "fp32", "fp16", "bf16".
std::string dtype_name(c10::ScalarType dtype);

} // namespace eikona::pipeline
