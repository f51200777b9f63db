#include "pipeline/warm_up.h"

#include "models/weights.h"
#include "pipeline/pipeline_error.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

namespace eikona::pipeline {

void warm_up(StableDiffusion& model, std::int64_t width, std::int64_t height, std::int64_t unet_batch)
{
    if (width <= 0 || height <= 0 || width % 8 != 0 || height % 8 != 0 || unet_batch < 1)
        throw PipelineError("warm-up needs positive sizes in multiples of 8 and a batch of at least 1");
    const c10::InferenceMode inference;
    // A bias is always in the compute dtype (a layer's weight may still be its file's, fp16).
    const auto& bias = model.unet->conv_in->bias;
    const auto options = bias.options();
    // The prompt encoder runs one prompt at a time: one row of the tokenizer's length.
    const auto length = static_cast<std::int64_t>(model.tokenizer.max_length());
    const auto ids = at::zeros({1, length}, at::TensorOptions().dtype(at::kLong).device(bias.device()));
    const auto encoded = model.text_encoder(ids);
    models::release_mapped_pages(*model.text_encoder); // as a job does once its prompt is encoded
    const auto context = at::zeros({unet_batch, length, encoded.size(-1)}, options);
    const auto sample =
        at::zeros({unet_batch, model.unet->conv_in->weight.size(1), height / 8, width / 8}, options);
    model.unet(sample, at::tensor(999), context);
}

} // namespace eikona::pipeline
