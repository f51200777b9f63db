#include "pipeline/txt2img.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <chrono>

namespace eikona::pipeline {

at::Tensor encode_prompts(StableDiffusion& model, const std::vector<std::string>& prompts)
{
    std::vector<std::int64_t> ids;
    for (const auto& prompt : prompts) {
        const auto padded = model.tokenizer.encode_padded(prompt);
        ids.insert(ids.end(), padded.begin(), padded.end());
    }
    const auto length = static_cast<std::int64_t>(model.tokenizer.max_length());
    const auto tokens = at::tensor(ids, at::kLong).view({static_cast<std::int64_t>(prompts.size()), length});
    return model.text_encoder(tokens.to(model.unet->conv_in->weight.device()));
}

Txt2ImgResult txt2img(StableDiffusion& model, const Txt2ImgRequest& request, const Txt2ImgCallbacks& callbacks)
{
    if (request.prompts.empty())
        throw PipelineError("no prompt given");
    if (request.width <= 0 || request.height <= 0 || request.width % 8 != 0 || request.height % 8 != 0)
        throw PipelineError("width and height must be positive multiples of 8, not " + std::to_string(request.width) + "x" +
                            std::to_string(request.height));
    if (request.steps < 1)
        throw PipelineError("steps must be at least 1");
    if (request.images_per_prompt < 1)
        throw PipelineError("images per prompt must be at least 1");
    if (!request.negatives.empty() && request.negatives.size() != request.prompts.size())
        throw PipelineError("give one negative prompt per prompt, or none");
    if (!schedulers::find_sampler(request.sampler))
        throw PipelineError("unknown sampler \"" + request.sampler + "\"");
    const auto stop_requested = [&] { return callbacks.should_stop && callbacks.should_stop(); };

    const c10::InferenceMode inference;
    const auto start = std::chrono::steady_clock::now();
    const bool guided = request.guidance_scale > 1.0;
    const auto batch = static_cast<std::int64_t>(request.prompts.size()) * request.images_per_prompt;

    // 1-2. Prompts: [B, 77, hidden], each repeated per image; negatives first when guided.
    auto embeds = encode_prompts(model, request.prompts).repeat_interleave(request.images_per_prompt, 0);
    if (guided) {
        auto negatives = request.negatives;
        negatives.resize(request.prompts.size());
        const auto negative_embeds = encode_prompts(model, negatives).repeat_interleave(request.images_per_prompt, 0);
        embeds = at::cat({negative_embeds, embeds});
    }

    // 3. Timesteps and the initial noise, drawn on the CPU from the request's generator.
    auto scheduler = schedulers::make_scheduler(request.sampler, model.scheduler_config);
    scheduler->set_timesteps(request.steps);
    auto generator = at::detail::createCPUGenerator(request.seed);
    const auto device = model.unet->conv_in->weight.device();
    const auto dtype = model.unet->conv_in->weight.scalar_type();
    const auto initial = at::randn({batch, 4, request.height / 8, request.width / 8}, generator,
                                   at::TensorOptions().dtype(at::kFloat)) *
                         scheduler->init_noise_sigma();
    auto latents = initial.to(device);

    // 4. The loop.
    const auto& timesteps = scheduler->timesteps();
    const auto count = timesteps.size(0);
    const auto context = embeds.to(dtype);
    for (std::int64_t i = 0; i < count; ++i) {
        if (stop_requested())
            throw Cancelled();
        const auto t = timesteps[i];
        const auto input = scheduler->scale_model_input(guided ? at::cat({latents, latents}) : latents, i);
        auto noise = model.unet(input.to(dtype), t, context).to(at::kFloat);
        if (guided) {
            if (stop_requested())
                throw Cancelled();
            const auto halves = noise.chunk(2);
            noise = halves[0] + request.guidance_scale * (halves[1] - halves[0]);
        }
        latents = scheduler->step(noise, i, latents, scheduler->step_uses_generator() ? &generator : nullptr);
        if (callbacks.on_step)
            callbacks.on_step({i + 1, count, t.item<double>(),
                               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()});
    }

    // 5. Pixels.
    Txt2ImgResult result;
    result.prompt_embeds = embeds;
    result.latents_initial = initial;
    result.latents_final = latents;
    result.timesteps = timesteps;
    const auto decoded = model.vae->decode((latents / model.vae->scaling_factor()).to(dtype)).to(at::kFloat);
    result.image = (decoded / 2 + 0.5).clamp(0, 1).permute({0, 2, 3, 1}).contiguous();
    return result;
}

} // namespace eikona::pipeline
