#include "pipeline/txt2img.h"

#include "pipeline/latent_preview.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <chrono>

namespace eikona::pipeline {

namespace {

void check(const Txt2ImgRequest& request)
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
}

// Prompt embeddings for the UNet: [B, 77 * chunks, hidden], each repeated per image, negatives
// first when guided. Both halves get the same chunk count; missing chunks are the empty prompt.
at::Tensor prompt_embeddings(StableDiffusion& model, const Txt2ImgRequest& request, bool guided)
{
    const auto& options = request.prompt_options;
    auto embeds = encode_prompt_batch(model.tokenizer, model.text_encoder, request.prompts, options);
    if (guided) {
        auto negatives = request.negatives;
        negatives.resize(request.prompts.size());
        const auto chunk = static_cast<std::int64_t>(model.tokenizer.max_length());
        const auto negative_embeds =
            encode_prompt_batch(model.tokenizer, model.text_encoder, negatives, options, embeds.size(1) / chunk);
        if (const auto missing = (negative_embeds.size(1) - embeds.size(1)) / chunk; missing > 0) {
            const auto empty = encode_prompt_batch(model.tokenizer, model.text_encoder, {""}, options);
            embeds = at::cat({embeds, empty.repeat({embeds.size(0), missing, 1})}, 1);
        }
        embeds = at::cat({negative_embeds, embeds});
    }
    return embeds.repeat_interleave(request.images_per_prompt, 0);
}

// What txt2img and img2img start with: the checked request, its embeddings and a scheduler
// with its timesteps set.
struct Setup {
    bool guided = false;
    std::int64_t batch = 0;
    at::Tensor embeds;
    std::unique_ptr<schedulers::Scheduler> scheduler;
};

Setup prepare(StableDiffusion& model, const Txt2ImgRequest& request)
{
    Setup setup;
    setup.guided = request.guidance_scale > 1.0;
    setup.batch = static_cast<std::int64_t>(request.prompts.size()) * request.images_per_prompt;
    setup.embeds = prompt_embeddings(model, request, setup.guided);
    setup.scheduler = schedulers::make_scheduler(request.sampler, model.scheduler_config);
    setup.scheduler->set_timesteps(request.steps);
    return setup;
}

// The denoising loop from loop position `first` on; returns the final latents.
at::Tensor denoise(StableDiffusion& model, schedulers::Scheduler& scheduler, at::Tensor latents, const at::Tensor& embeds,
                   const Txt2ImgRequest& request, bool guided, at::Generator& generator, std::int64_t first,
                   const Txt2ImgCallbacks& callbacks)
{
    const auto start = std::chrono::steady_clock::now();
    const auto stop_requested = [&] { return callbacks.should_stop && callbacks.should_stop(); };
    const auto dtype = model.unet->conv_in->weight.scalar_type();
    const auto& timesteps = scheduler.timesteps();
    const auto count = timesteps.size(0);
    const auto context = embeds.to(dtype);
    for (std::int64_t i = first; i < count; ++i) {
        if (stop_requested())
            throw Cancelled();
        const auto t = timesteps[i];
        const auto input = scheduler.scale_model_input(guided ? at::cat({latents, latents}) : latents, i);
        auto noise = model.unet(input.to(dtype), t, context).to(at::kFloat);
        if (guided) {
            if (stop_requested())
                throw Cancelled();
            const auto halves = noise.chunk(2);
            noise = halves[0] + request.guidance_scale * (halves[1] - halves[0]);
        }
        latents = scheduler.step(noise, i, latents, scheduler.step_uses_generator() ? &generator : nullptr);
        if (callbacks.on_step)
            callbacks.on_step({i + 1 - first, count - first, t.item<double>(),
                               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                               latent_preview_rgb(latents)});
    }
    return latents;
}

at::Tensor decode_image(StableDiffusion& model, const at::Tensor& latents)
{
    const auto dtype = model.unet->conv_in->weight.scalar_type();
    const auto decoded = model.vae->decode((latents / model.vae->scaling_factor()).to(dtype)).to(at::kFloat);
    return (decoded / 2 + 0.5).clamp(0, 1).permute({0, 2, 3, 1}).contiguous();
}

} // namespace

Txt2ImgResult txt2img(StableDiffusion& model, const Txt2ImgRequest& request, const Txt2ImgCallbacks& callbacks)
{
    check(request);
    const c10::InferenceMode inference;
    auto [guided, batch, embeds, scheduler] = prepare(model, request);
    Txt2ImgResult result;
    result.prompt_embeds = embeds;
    // The initial noise is drawn on the CPU from the request's generator, then moved.
    auto generator = at::detail::createCPUGenerator(request.seed);
    result.latents_initial = at::randn({batch, 4, request.height / 8, request.width / 8}, generator,
                                       at::TensorOptions().dtype(at::kFloat)) *
                             scheduler->init_noise_sigma();
    const auto device = model.unet->conv_in->weight.device();
    result.latents_final = denoise(model, *scheduler, result.latents_initial.to(device), result.prompt_embeds, request,
                                   guided, generator, 0, callbacks);
    result.timesteps = scheduler->timesteps();
    result.image = decode_image(model, result.latents_final);
    return result;
}

Txt2ImgResult img2img(StableDiffusion& model, const Txt2ImgRequest& request, const at::Tensor& init_image,
                      double strength, const Txt2ImgCallbacks& callbacks)
{
    check(request);
    if (!(strength > 0.0 && strength <= 1.0))
        throw PipelineError("strength must be in (0, 1], not " + std::to_string(strength));
    if (init_image.dim() != 4 || init_image.size(0) != 1 || init_image.size(1) != 3 ||
        init_image.size(2) != request.height || init_image.size(3) != request.width)
        throw PipelineError("the init image must be [1, 3, " + std::to_string(request.height) + ", " +
                            std::to_string(request.width) + "]");
    const c10::InferenceMode inference;
    auto [guided, batch, embeds, scheduler] = prepare(model, request);
    Txt2ImgResult result;
    result.prompt_embeds = embeds;
    // Skip the first (1 - strength) of the steps.
    const auto noised_steps = std::min(static_cast<std::int64_t>(static_cast<double>(request.steps) * strength), request.steps);
    if (noised_steps < 1)
        throw PipelineError("strength " + std::to_string(strength) + " with " + std::to_string(request.steps) +
                            " steps leaves no step to run: raise the strength or the steps");
    const auto first = (request.steps - noised_steps) * scheduler->order();

    // Generator draws in the reference's order: the VAE sample, then the noise.
    auto generator = at::detail::createCPUGenerator(request.seed);
    const auto dtype = model.unet->conv_in->weight.scalar_type();
    const auto device = model.unet->conv_in->weight.device();
    auto init_latents = model.vae->encode(init_image.to(device, dtype)).sample(generator).to(at::kFloat) *
                        model.vae->scaling_factor();
    init_latents = init_latents.repeat({batch, 1, 1, 1});
    const auto noise = at::randn(init_latents.sizes(), generator, at::TensorOptions().dtype(at::kFloat)).to(device);
    result.latents_initial = scheduler->add_noise(init_latents, noise, first);
    result.latents_final = denoise(model, *scheduler, result.latents_initial, result.prompt_embeds, request, guided,
                                   generator, first, callbacks);
    result.timesteps = scheduler->timesteps().slice(0, first);
    result.image = decode_image(model, result.latents_final);
    return result;
}

} // namespace eikona::pipeline
