#include "pipeline/generation.h"

#include "models/layers.h"

#include "caching_allocator.h"
#include "models/weights.h"
#include "pipeline/init_image.h"
#include "pipeline/latent_preview.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>

#include <chrono>
#include <new>

namespace eikona::pipeline {

namespace {

void check(const Txt2ImgRequest& request)
{
    if (request.prompts.empty())
        throw PipelineError("no prompt given");
    if (request.width <= 0 || request.height <= 0 || request.width % 8 != 0 || request.height % 8 != 0)
        throw PipelineError("width and height must be positive multiples of 8, not " +
                            std::to_string(request.width) + "x" + std::to_string(request.height));
    if (request.steps < 1)
        throw PipelineError("steps must be at least 1");
    if (request.images_per_prompt < 1)
        throw PipelineError("images per prompt must be at least 1");
    if (!request.negatives.empty() && request.negatives.size() != request.prompts.size())
        throw PipelineError("give one negative prompt per prompt, or none");
    if (!schedulers::find_sampler(request.sampler))
        throw PipelineError("unknown sampler \"" + request.sampler + "\"");
}

void check(const StableDiffusion& model, const Txt2ImgRequest& request)
{
    check(request);
    if (request.draft_decode && !model.taesd)
        throw PipelineError("a draft decode needs TAESD, and none is loaded");
    // As diffusers refuses it: more steps than the model has noise levels repeats timesteps
    // (or, with "leading" spacing, collapses them all onto one).
    const auto levels = model.scheduler_config.num_train_timesteps;
    if (request.steps > levels)
        throw PipelineError("steps (" + std::to_string(request.steps) + ") cannot be more than the " +
                            std::to_string(levels) +
                            " noise levels the model was trained with (num_train_timesteps)");
}

// Every timestep must be one of the model's noise levels; "leading" spacing with steps_offset
// reaches one past the last when the steps equal num_train_timesteps.
void check_timesteps(const schedulers::Scheduler& scheduler, const schedulers::SchedulerConfig& config,
                     std::int64_t steps)
{
    const auto timesteps = scheduler.timesteps();
    const auto last = timesteps.max().item<double>();
    const auto first = timesteps.min().item<double>();
    if (last > static_cast<double>(config.num_train_timesteps - 1) || first < 0)
        throw PipelineError("this sampler cannot take " + std::to_string(steps) +
                            " steps with this model: its timesteps " + "would leave the model's " +
                            std::to_string(config.num_train_timesteps) + " noise levels; take fewer steps");
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
        const auto negative_embeds = encode_prompt_batch(model.tokenizer, model.text_encoder, negatives,
                                                         options, embeds.size(1) / chunk);
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
    models::release_mapped_pages(*model.text_encoder); // idle until the next job: out of the peak
    setup.scheduler = schedulers::make_scheduler(request.sampler, model.scheduler_config);
    setup.scheduler->set_timesteps(request.steps);
    check_timesteps(*setup.scheduler, model.scheduler_config, request.steps);
    return setup;
}

// TAESD's picture as the pipeline shows one: [B, 8h, 8w, 3] float32 in [0, 1].
at::Tensor draft_decode(models::AutoencoderTinyImpl& taesd, const at::Tensor& latents)
{
    const auto bias = taesd.decoder->parameters().front(); // the compute device and dtype
    const auto image = taesd.decode(latents.to(bias.device(), bias.scalar_type())).to(at::kFloat);
    return (image / 2 + 0.5).clamp(0, 1).permute({0, 2, 3, 1}).contiguous();
}

// The UNet is idle while the VAE decodes, and the VAE's activations have other sizes than the
// UNet's: its cached blocks and mapped weight pages go back to the system first, so the two
// networks' working sets never add up in the job's peak memory.
at::Tensor decode(StableDiffusion& model, const at::Tensor& latents, const Txt2ImgRequest& request,
                  const Txt2ImgCallbacks& callbacks)
{
    if (request.draft_decode)
        return draft_decode(*model.taesd, latents);
    release_cached_cpu_memory();
    models::release_mapped_pages(*model.unet);
    if (request.last_use_of_unet) {
        models::release_packed_kernels(*model.unet);
        models::release_owned_weights(*model.unet); // bf16 copies: 1.7 GB the decode need not sit beside
    }
    return decode_latents(model.vae, latents, request.vae_decode, callbacks.on_log);
}

// The denoising loop from loop position `first` on; returns the final latents.
at::Tensor denoise(StableDiffusion& model, schedulers::Scheduler& scheduler, at::Tensor latents,
                   const at::Tensor& embeds, const Txt2ImgRequest& request, bool guided,
                   schedulers::NoiseSource& noise_source, std::int64_t first,
                   const Txt2ImgCallbacks& callbacks)
{
    const auto start = std::chrono::steady_clock::now();
    const auto stop_requested = [&] { return callbacks.should_stop && callbacks.should_stop(); };
    // A bias is always in the compute dtype (a layer's weight may still be its file's, fp16).
    const auto dtype = model.unet->conv_in->bias.scalar_type();
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
        latents = scheduler.step(noise, i, latents, scheduler.step_draws_noise() ? &noise_source : nullptr);
        if (callbacks.on_step)
            callbacks.on_step(
                {i + 1 - first, count - first, t.item<double>(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                 latent_preview_rgb(latents), latents});
    }
    return latents;
}

schedulers::NoiseSource noise_source(const Txt2ImgRequest& request, std::int64_t batch)
{
    return request.generator_per_image ? schedulers::NoiseSource::per_image(request.seed, batch)
                                       : schedulers::NoiseSource::shared(request.seed);
}

// Runs `body`, turning an out-of-memory failure into a PipelineError the user can act on. The
// tensors the run held are released by the time the error reaches the caller.
template <typename Body> Txt2ImgResult guarding_memory(const StableDiffusion& model, Body&& body)
{
    const auto device = model.unet->conv_in->weight.device();
    const auto advice =
        std::string(": try a smaller size or batch") + (device.is_cpu() ? "" : ", or --dtype fp16");
    try {
        return body();
    } catch (const c10::OutOfMemoryError&) {
        throw PipelineError("out of memory on the " + device.str() + advice);
    } catch (const std::bad_alloc&) {
        throw PipelineError("out of memory on the " + device.str() + advice);
    }
}

Txt2ImgResult run_txt2img(StableDiffusion& model, const Txt2ImgRequest& request,
                          const Txt2ImgCallbacks& callbacks)
{
    const c10::InferenceMode inference;
    auto [guided, batch, embeds, scheduler] = prepare(model, request);
    Txt2ImgResult result;
    result.prompt_embeds = embeds;
    // The initial noise is drawn on the CPU from the request's generator(s), then moved.
    auto noise = noise_source(request, batch);
    result.latents_initial =
        noise.randn({batch, 4, request.height / 8, request.width / 8}) * scheduler->init_noise_sigma();
    const auto device = model.unet->conv_in->weight.device();
    result.latents_final = denoise(model, *scheduler, result.latents_initial.to(device), result.prompt_embeds,
                                   request, guided, noise, 0, callbacks);
    result.timesteps = scheduler->timesteps();
    result.image = decode(model, result.latents_final, request, callbacks);
    return result;
}

Txt2ImgResult run_img2img(StableDiffusion& model, const Txt2ImgRequest& request, const at::Tensor& init_image,
                          double strength, const Txt2ImgCallbacks& callbacks)
{
    const c10::InferenceMode inference;
    auto [guided, batch, embeds, scheduler] = prepare(model, request);
    Txt2ImgResult result;
    result.prompt_embeds = embeds;
    // Skip the first (1 - strength) of the steps.
    const auto noised_steps =
        std::min(static_cast<std::int64_t>(static_cast<double>(request.steps) * strength), request.steps);
    if (noised_steps < 1)
        throw PipelineError("strength " + std::to_string(strength) + " with " +
                            std::to_string(request.steps) +
                            " steps leaves no step to run: raise the strength or the steps");
    const auto first = (request.steps - noised_steps) * scheduler->order();

    // Draws in the reference's order: the VAE sample, then the noise. With one generator the
    // image is sampled once and repeated; with one per image each image samples its own.
    auto noise = noise_source(request, batch);
    const auto& vae_weight = model.vae->quant_conv->bias; // the compute dtype (a weight may be its file's)
    const auto distribution = model.vae->encode(fit_init_image(init_image, request.width, request.height)
                                                    .to(vae_weight.device(), vae_weight.scalar_type()));
    const auto mean = distribution.mean.to(at::kFloat);
    const auto std = distribution.std().to(at::kFloat);
    const auto rows = noise.is_per_image() ? batch : 1;
    const auto sample =
        mean + std * noise.randn({rows, mean.size(1), mean.size(2), mean.size(3)}).to(mean.device());
    const auto init_latents = (sample * model.vae->scaling_factor()).repeat({batch / rows, 1, 1, 1});
    const auto device = model.unet->conv_in->weight.device();
    const auto start_noise = noise.randn(init_latents.sizes()).to(device);
    result.latents_initial = scheduler->add_noise(init_latents.to(device), start_noise, first);
    result.latents_final = denoise(model, *scheduler, result.latents_initial, result.prompt_embeds, request,
                                   guided, noise, first, callbacks);
    result.timesteps = scheduler->timesteps().slice(0, first);
    result.image = decode(model, result.latents_final, request, callbacks);
    return result;
}

} // namespace

Txt2ImgResult txt2img(StableDiffusion& model, const Txt2ImgRequest& request,
                      const Txt2ImgCallbacks& callbacks)
{
    check(model, request);
    return guarding_memory(model, [&] { return run_txt2img(model, request, callbacks); });
}

Txt2ImgResult img2img(StableDiffusion& model, const Txt2ImgRequest& request, const at::Tensor& init_image,
                      double strength, const Txt2ImgCallbacks& callbacks)
{
    check(model, request);
    if (!(strength > 0.0 && strength <= 1.0))
        throw PipelineError("strength must be in (0, 1], not " + std::to_string(strength));
    if (init_image.dim() != 4 || init_image.size(0) != 1 || init_image.size(1) != 3)
        throw PipelineError("the init image must be one RGB picture ([1, 3, H, W])");
    return guarding_memory(model,
                           [&] { return run_img2img(model, request, init_image, strength, callbacks); });
}

} // namespace eikona::pipeline
