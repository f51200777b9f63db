#include "pipeline/compute_target.h"

#include "pipeline/pipeline_error.h"

#include <ATen/Context.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace eikona::pipeline {

namespace {

c10::Device resolve_device(std::string_view name)
{
    if (name == "auto") {
        if (at::hasCUDA())
            return c10::Device(c10::kCUDA);
        if (at::hasMPS())
            return c10::Device(c10::kMPS);
        return c10::Device(c10::kCPU);
    }
    if (name == "cpu")
        return c10::Device(c10::kCPU);
    if (name == "cuda") {
        if (!at::hasCUDA())
            throw PipelineError("--device cuda: no CUDA device is available to this build of Eikona "
                                "(it needs an NVIDIA GPU, its driver, and a CUDA build of libtorch)");
        return c10::Device(c10::kCUDA);
    }
    if (name == "mps") {
        if (!at::hasMPS())
            throw PipelineError("--device mps: Apple's Metal (MPS) is not available on this machine");
        return c10::Device(c10::kMPS);
    }
    throw PipelineError("unknown device \"" + std::string(name) + "\": use auto, cpu, cuda or mps");
}

} // namespace

bool cpu_has_fast_bf16()
{
#if defined(__x86_64__) || defined(__i386__)
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    // CPUID leaf 7, sub-leaf 0: EDX bit 22 AMX-BF16; sub-leaf 1: EAX bit 5 AVX512_BF16.
    if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (edx & (1U << 22)))
        return true;
    if (__get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx) && (eax & (1U << 5)))
        return true;
    return false;
#else
    return false; // Arm's BF16 dot products exist, but libtorch's CPU kernels do not use them here
#endif
}

std::string dtype_name(c10::ScalarType dtype)
{
    switch (dtype) {
    case c10::kHalf:
        return "fp16";
    case c10::kBFloat16:
        return "bf16";
    case c10::kFloat:
        return "fp32";
    default:
        return c10::toString(dtype);
    }
}

std::string ComputeTarget::describe() const
{
    std::string where = device.is_cpu()    ? "CPU"
                        : device.is_cuda() ? "CUDA"
                        : device.is_mps()  ? "MPS"
                                           : device.str();
    auto text = where + ", " + dtype_name(dtype);
    if (device.is_cpu() && dtype == c10::kBFloat16 && !cpu_has_fast_bf16())
        text += " (this CPU has neither AVX512-BF16 nor AMX: bf16 is emulated and slower than fp32)";
    return text;
}

ComputeTarget resolve_compute_target(std::string_view device, std::string_view dtype)
{
    ComputeTarget target;
    target.device = resolve_device(device);
    if (dtype == "auto")
        target.dtype = target.device.is_cpu() ? c10::kFloat : c10::kHalf;
    else if (dtype == "fp32")
        target.dtype = c10::kFloat;
    else if (dtype == "fp16")
        target.dtype = c10::kHalf;
    else if (dtype == "bf16")
        target.dtype = c10::kBFloat16;
    else
        throw PipelineError("unknown dtype \"" + std::string(dtype) + "\": use auto, fp32, fp16 or bf16");
    if (target.device.is_cpu() && target.dtype == c10::kHalf)
        throw PipelineError("--dtype fp16 needs a GPU: on the CPU use fp32 (exact) or bf16 (faster on CPUs "
                            "with AVX512-BF16)");
    return target;
}

} // namespace eikona::pipeline
