#pragma once
// Text to image and image to image, as diffusers' StableDiffusionPipeline and
// StableDiffusionImg2ImgPipeline: the same seed and parameters give the same picture.

#include "pipeline/pipeline_error.h"
#include "pipeline/prompt_encoder.h"
#include "pipeline/stable_diffusion.h"
#include "pipeline/vae_decode.h"

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace eikona::pipeline {

struct Txt2ImgRequest {
    std::vector<std::string> prompts;   ///< one or more
    std::vector<std::string> negatives; ///< empty, or one per prompt ("" = unconditional)
    double guidance_scale = 7.5;        ///< classifier-free guidance only when > 1
    std::int64_t steps = 25;
    std::int64_t width = 512;
    std::int64_t height = 512;
    std::int64_t images_per_prompt = 1;
    std::uint64_t seed = 0;
    /// false: one CPU generator seeded `seed` for the whole batch (the reference's default);
    /// true: image i draws from its own generator seeded seed + i (the app's and CLI's way, so
    /// any image can be made again alone). Equal for a single image.
    bool generator_per_image = false;
    std::string sampler = "pndm";
    /// The reference's handling by default (what the golden outputs use); the app and CLI
    /// choose A1111's syntax and chunking.
    PromptOptions prompt_options;
    VaeDecodeOptions vae_decode;
    /// Decode the final latents with the model's TAESD instead of its VAE: seconds saved per
    /// picture, at a draft's quality. Refused when the model has no TAESD.
    bool draft_decode = false;
    /// The UNet is not needed after this run (a one-shot CLI job's last batch): its packed
    /// kernels and the weights it owns (bf16 copies) are freed before the VAE decodes, so the
    /// two never add up in the peak. The UNet must not run again.
    bool last_use_of_unet = false;
};

struct StepInfo {
    std::int64_t step = 0; ///< 1-based
    std::int64_t total = 0;
    double timestep = 0;
    double elapsed_seconds = 0;
    at::Tensor preview; ///< [B, h, w, 3] uint8 from latent_preview_rgb (h, w: latent size)
    at::Tensor latents; ///< [B, 4, h, w] after this step, as the UNet sees them (for a fuller preview)
};

struct Txt2ImgCallbacks {
    std::function<void(const StepInfo&)> on_step;
    /// Polled between steps and between guidance passes; true ends the run with Cancelled.
    std::function<bool()> should_stop;
    /// Things worth telling the user that are not errors (e.g. a decode redone in fp32).
    std::function<void(const std::string&)> on_log;
};

class Cancelled : public std::runtime_error {
  public:
    Cancelled() : std::runtime_error("generation cancelled") {}
};

struct Txt2ImgResult {
    at::Tensor prompt_embeds;   ///< [2B or B, 77, hidden]: negatives first when guided
    at::Tensor latents_initial; ///< [B, 4, h, w]
    at::Tensor latents_final;   ///< [B, 4, h, w]
    at::Tensor timesteps;       ///< the loop's
    at::Tensor image;           ///< [B, H, W, 3] float32 in [0, 1]
};

/// Throws PipelineError for requests it cannot run (sizes not multiples of 8, unknown sampler,
/// mismatched negatives) and when the device runs out of memory (everything the run held is
/// freed by then); Cancelled when asked to stop.
Txt2ImgResult txt2img(StableDiffusion& model, const Txt2ImgRequest& request,
                      const Txt2ImgCallbacks& callbacks = {});

/// Image to image, as diffusers' StableDiffusionImg2ImgPipeline: the init image is encoded
/// (a seeded sample of the VAE's distribution), noised to the timestep `strength` of the way
/// into the schedule, and denoised over the remaining steps. `init_image`: [1, 3, H, W] in
/// [-1, 1]; another size than the request's is fitted by fit_init_image (scale and centre
/// crop). The result's latents_initial holds the noised init latents.
Txt2ImgResult img2img(StableDiffusion& model, const Txt2ImgRequest& request, const at::Tensor& init_image,
                      double strength, const Txt2ImgCallbacks& callbacks = {});

} // namespace eikona::pipeline
