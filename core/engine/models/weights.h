#pragma once
// Loading a network's parameters from a safetensors file by name: one strict check of every
// name and shape (WeightMismatchError lists what is missing, unexpected or mis-shaped), an
// optional rename pass for legacy key names, then each parameter made to point at the file's
// data (no copy when the stored dtype is the compute dtype) or at a converted copy.

#include "io/safetensors.h"
#include "io/weight_loader.h"

#include <torch/nn/module.h>

#include <functional>
#include <optional>
#include <string>

namespace eikona::models {

/// Which layers' weights stay views of the file, in its dtype (WeightLoadOptions::keep_stored).
enum class KeepStored {
    Nothing,
    PackableLayers, ///< Linear and Conv2d
};

struct WeightLoadOptions {
    /// Compute dtype; the stored dtype when unset.
    std::optional<at::ScalarType> dtype;
    /// Keys the file may hold that are not parameters (each caller says why).
    io::IgnorableKey ignorable;
    /// Maps a stored key to the module's name for it; empty when the key keeps its name.
    std::function<std::optional<std::string>(std::string_view)> rename;
    /// Leaves the weights of these layers in the file's dtype, viewing the file: the layers
    /// pack them into the compute dtype on first use and let the file's pages go (or convert
    /// them per call), so an fp16 file computed in fp32 or bf16 is resident once (packed), not
    /// twice. Biases, norms and embeddings are converted as usual.
    KeepStored keep_stored = KeepStored::Nothing;
};

/// The names and shapes of a module's parameters and buffers.
std::vector<io::ExpectedTensor> expected_tensors(torch::nn::Module& module);

/// Throws io::WeightMismatchError (or io::SafetensorsError) and leaves the module unchanged
/// on any mismatch.
void load_weights(torch::nn::Module& module, const io::SafetensorsFile& file,
                  const WeightLoadOptions& options = {});

/// Gives the pages of the module's memory-mapped weights back to the kernel (MADV_DONTNEED):
/// they stay in the page cache and fault back in when next used, so a network idle for most of
/// a job (the text encoder once the prompt is encoded) does not count in its peak memory.
/// Weights the process owns (converted dtypes, packed kernels) are untouched.
void release_mapped_pages(torch::nn::Module& module);

enum class PageRelease {
    Drop,    ///< out of this process (MADV_DONTNEED); they stay in the page cache for the next job
    PageOut, ///< reclaimed now (MADV_PAGEOUT): a packed layer's plain copy, needed again only at a new size
};
/// Hands the resident pages of a tensor that views a weight file back to the kernel; memory
/// the process owns is left alone. One page-release routine for the loader and the layers.
void release_file_pages(const at::Tensor& tensor, PageRelease how = PageRelease::Drop);

/// Frees the weights the process owns (converted copies, e.g. bf16 from an fp16 file), leaving
/// views of weight files alone: for a network done with for good (a one-shot job's UNet before
/// its decode). The module must not run again.
void release_owned_weights(torch::nn::Module& module);

/// The module's parameters as named tensors (for writing a checkpoint).
io::NamedTensors named_tensors(torch::nn::Module& module);

/// Legacy VAE attention names (query/key/value/proj_attn, as older diffusers saved SD 1.x)
/// mapped to the current ones; 4-D [C, C, 1, 1] forms are reshaped when loading.
std::optional<std::string> legacy_vae_attention_name(std::string_view key);

/// transformers versions before 4.31 saved this buffer with CLIP text models; it is the
/// constant 0..76 and not a weight.
bool is_clip_position_ids(std::string_view key);

} // namespace eikona::models
