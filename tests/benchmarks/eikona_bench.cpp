// eikona-bench: how fast the networks run on this machine.
//
//   eikona-bench --model DIR [--sizes 512,256] [--steps N] [--dtype fp32|bf16] [--quick] [--e2e]
//                [--taesd DIR] [--warm-up] [--only-e2e] [--only-vae]
//
// DIR is a diffusers-layout SD 1.5 folder; `eikona-cli make-random-model --preset sd15 --out DIR`
// writes one with random weights. Prints one table: model load (cold and warm page cache),
// text encoding, UNet steps at batch 2 (classifier-free guidance), VAE decode, peak RSS, threads
// and BLAS, with the effective GFLOPS of each row and where the UNet's time goes. --e2e adds
// a whole txt2img run: 20 steps of Euler a at cfg 7.5 and the first size, with its peak RSS.
// The TAESD rows time a full-size live preview (the weights of --taesd DIR, else random ones:
// the time does not depend on the values) against the steady UNet step of the first size.
// --warm-up runs pipeline::warm_up (what the app does after loading) before each size's steps:
// the "first step" row is then the first step of a job that follows it, and "load to first
// step" adds the load, the warm-up and that step. --only-e2e loads the model once and runs the
// whole job alone, as `eikona-cli generate` does (the UNet's packed kernels freed before the
// decode): the process's peak RSS is then the job's, e.g. on an fp16 folder computed in fp32.

#include "io/model_folder.h"
#include "models/autoencoder_tiny.h"
#include "models/model_loader.h"
#include "models/op_profile.h"
#include "models/random_model.h"
#include "pipeline/generation.h"
#include "pipeline/warm_up.h"
#include "runtime.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace eikona;
namespace fs = std::filesystem;

namespace {

struct Options {
    fs::path model;
    std::vector<int> sizes{512, 256};
    int steps = 3;
    at::ScalarType dtype = at::kFloat;
    bool quick = false;
    bool end_to_end = false;
    fs::path taesd; ///< empty: a random full-size TAESD made in memory
    bool warm_up = false;
    bool only_e2e = false; ///< load, then the whole job alone: its peak is the process's, as the CLI's
    bool only_vae = false; ///< load, then --steps VAE decodes at the first size (for A/B runs)
};

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string seconds_text(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f s", seconds);
    return text;
}

double peak_rss_gb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / (1024.0 * 1024.0);
}

// Linux keeps a resettable high-water mark of the resident set (VmHWM): "5" to clear_refs.
void reset_peak_rss()
{
    std::FILE* file = std::fopen("/proc/self/clear_refs", "w");
    if (file) {
        std::fputs("5", file);
        std::fclose(file);
    }
}

double job_peak_rss_gb()
{
    std::FILE* file = std::fopen("/proc/self/status", "r");
    if (!file)
        return 0;
    char line[256];
    double gb = 0;
    while (std::fgets(line, sizeof line, file))
        if (std::strncmp(line, "VmHWM:", 6) == 0)
            gb = std::strtod(line + 6, nullptr) / (1024.0 * 1024.0);
    std::fclose(file);
    return gb;
}

// Asks the kernel to forget the weight files' cached pages (clean pages only; best effort).
void drop_page_cache(const fs::path& root)
{
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".safetensors")
            continue;
        const int fd = ::open(entry.path().c_str(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

void row(const std::string& what, double seconds, double flops = 0, const std::string& note = "")
{
    if (flops > 0)
        std::printf("| %-38s | %9.3f s | %8.1f | %s\n", what.c_str(), seconds, flops / seconds / 1e9,
                    note.c_str());
    else
        std::printf("| %-38s | %9.3f s | %8s | %s\n", what.c_str(), seconds, "", note.c_str());
    std::fflush(stdout);
}

// Where the time of `runs` runs that took `total` seconds each went, by kind of operation.
void breakdown_rows(const models::OpProfile& profile, int runs, double total, const char* what)
{
    double counted = 0;
    for (int k = 0; k < static_cast<int>(models::OpKind::Count); ++k) {
        const auto kind = static_cast<models::OpKind>(k);
        const double seconds = profile.seconds(kind) / runs;
        counted += seconds;
        row("  of which " + std::string(models::op_kind_name(kind)), seconds, profile.flops(kind) / runs,
            std::to_string(static_cast<int>(100 * seconds / total)) + "% of the " + what);
    }
    row("  of which the rest", total - counted, 0, "element-wise work, copies, layout changes");
}

// `runs` decodes of random latents at size x size: the mean, where its time went, the fastest.
void vae_decode_rows(models::AutoencoderKL& vae, int size, int runs)
{
    auto generator = at::detail::createCPUGenerator(0);
    const auto latents =
        at::randn({1, 4, size / 8, size / 8}, generator, at::TensorOptions().dtype(at::kFloat))
            .to(vae->post_quant_conv->bias.scalar_type());
    models::OpProfile profile;
    double total = 0;
    double fastest = 0;
    for (int run = 0; run < runs; ++run) {
        models::OpProfile run_profile;
        const double start = now();
        vae->decode(latents / vae->scaling_factor());
        const double seconds = now() - start;
        total += seconds;
        fastest = run == 0 ? seconds : std::min(fastest, seconds);
        for (int k = 0; k < static_cast<int>(models::OpKind::Count); ++k) {
            const auto kind = static_cast<models::OpKind>(k);
            profile.add(kind, run_profile.flops(kind), run_profile.seconds(kind));
        }
    }
    const double mean = total / runs;
    row("VAE decode " + std::to_string(size) + "x" + std::to_string(size) + ", batch 1", mean,
        profile.total_flops() / runs,
        runs > 1 ? "mean of " + std::to_string(runs) + ", fastest " + seconds_text(fastest) : "");
    breakdown_rows(profile, runs, mean, "decode");
}

[[noreturn]] void usage(const char* message)
{
    std::fprintf(stderr,
                 "eikona-bench: %s\nusage: eikona-bench --model DIR [--sizes 512,256] [--steps N] [--dtype "
                 "fp32|bf16] [--quick] [--e2e] [--taesd DIR] [--warm-up] [--only-e2e] [--only-vae]\n",
                 message);
    std::exit(2);
}

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                usage(("missing value for " + arg).c_str());
            return argv[++i];
        };
        if (arg == "--model")
            options.model = value();
        else if (arg == "--sizes") {
            options.sizes.clear();
            std::stringstream list(value());
            for (std::string item; std::getline(list, item, ',');)
                options.sizes.push_back(std::stoi(item));
        } else if (arg == "--steps")
            options.steps = std::max(1, std::stoi(value()));
        else if (arg == "--dtype") {
            const auto name = value();
            if (name == "fp32")
                options.dtype = at::kFloat;
            else if (name == "bf16")
                options.dtype = at::kBFloat16;
            else
                usage("--dtype must be fp32 or bf16");
        } else if (arg == "--quick")
            options.quick = true;
        else if (arg == "--only-e2e")
            options.end_to_end = options.only_e2e = true;
        else if (arg == "--only-vae")
            options.only_vae = true;
        else if (arg == "--warm-up")
            options.warm_up = true;
        else if (arg == "--taesd")
            options.taesd = value();
        else if (arg == "--e2e")
            options.end_to_end = true;
        else if (arg == "--help" || arg == "-h")
            usage("help");
        else
            usage(("unknown argument " + arg).c_str());
    }
    if (options.model.empty())
        usage("--model is required");
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    const auto options = parse(argc, argv);
    const auto runtime = configure_runtime();
    std::printf("eikona-bench: %s\n", runtime.summary().c_str());
    std::printf("model %s, compute %s\n\n", options.model.c_str(),
                options.dtype == at::kFloat ? "fp32" : "bf16");
    std::printf("| %-38s | %11s | %8s | %s\n", "what", "time", "GFLOPS", "notes");
    std::printf("|%s|%s|%s|\n", std::string(40, '-').c_str(), std::string(13, '-').c_str(),
                std::string(10, '-').c_str());

    const auto folder = io::ModelFolder::open(options.model);
    const models::LoadSettings settings{options.dtype, c10::Device(c10::kCPU), std::nullopt};
    const auto load_all = [&] {
        auto text_encoder = models::load_text_encoder(folder, settings);
        auto unet = models::load_unet(folder, settings);
        auto vae = models::load_vae(folder, pipeline::vae_settings(settings)); // as the app: fp32 under bf16
        return std::make_tuple(text_encoder, unet, vae);
    };
    drop_page_cache(options.model);
    double start = now();
    load_all();
    row("model load, cold page cache", now() - start, 0, "mmap: weights fault in on first use");
    start = now();
    auto [text_encoder, unet, vae] = load_all();
    const double warm_load = now() - start;
    row("model load, warm page cache", warm_load);

    if (options.only_vae) {
        const c10::InferenceMode inference;
        vae_decode_rows(vae, options.sizes.front(), options.steps);
        return 0;
    }

    // The networks one by one (--only-e2e skips them: the job alone, as the CLI runs it).
    if (!options.only_e2e) {
        const c10::InferenceMode inference;
        const auto ids = at::full({2, 77}, 49407, at::kLong);
        at::Tensor context;
        for (int i = 0; i < 2; ++i) {
            start = now();
            context = text_encoder(ids);
            row(i == 0 ? "text encode, batch 2 (first)" : "text encode, batch 2", now() - start);
        }

        double first_size_steady_step = 0;
        for (const int size : options.sizes) {
            const auto latent = size / 8;
            auto generator = at::detail::createCPUGenerator(0);
            const auto sample =
                at::randn({2, 4, latent, latent}, generator, at::TensorOptions().dtype(at::kFloat))
                    .to(options.dtype);
            const auto timestep = at::tensor(500);
            const int steps = options.quick ? 1 : options.steps;
            double warm_up_seconds = 0;
            if (options.warm_up) {
                pipeline::StableDiffusion model{
                    tokenizer::ClipTokenizer::from_directory(options.model / "tokenizer"),
                    text_encoder,
                    unet,
                    vae,
                    schedulers::SchedulerConfig::from_json(folder.config("scheduler")),
                    ""};
                start = now();
                pipeline::warm_up(model, size, size, 2);
                warm_up_seconds = now() - start;
                row("warm-up " + std::to_string(size) + "x" + std::to_string(size) +
                        " (the app: after loading)",
                    warm_up_seconds);
            }
            double first_step = 0;
            double steady = 0;
            double fastest = 0;
            models::OpProfile profile;
            for (int step = 0; step <= steps; ++step) {
                models::OpProfile step_profile;
                start = now();
                const auto prediction = unet(sample, timestep, context.to(options.dtype));
                const double seconds = now() - start;
                if (step == 0) {
                    first_step = seconds;
                    row("UNet " + std::to_string(size) + "x" + std::to_string(size) + " batch 2, first step",
                        seconds, step_profile.total_flops());
                } else {
                    steady += seconds;
                    fastest = step == 1 ? seconds : std::min(fastest, seconds);
                    for (int k = 0; k < static_cast<int>(models::OpKind::Count); ++k) {
                        const auto kind = static_cast<models::OpKind>(k);
                        profile.add(kind, step_profile.flops(kind), step_profile.seconds(kind));
                    }
                }
                if (!prediction.isfinite().all().item<bool>())
                    std::printf("  warning: non-finite UNet output\n");
            }
            steady /= steps;
            if (size == options.sizes.front())
                first_size_steady_step = steady;
            char ratio[64];
            std::snprintf(ratio, sizeof ratio, "%.2fx a steady step%s", first_step / steady,
                          options.warm_up ? ", after the warm-up" : "");
            row("  first step / steady step", first_step, 0, ratio);
            if (options.warm_up && size == options.sizes.front())
                row("load to first step, warm-up included", warm_load + warm_up_seconds + first_step, 0,
                    "the app warms up while the artist types");
            row("UNet " + std::to_string(size) + "x" + std::to_string(size) + " batch 2, steady step", steady,
                profile.total_flops() / steps,
                "mean of " + std::to_string(steps) + ", fastest " + seconds_text(fastest));
            breakdown_rows(profile, steps, steady, "step");
        }

        vae_decode_rows(vae, options.sizes.front(), 1);
        {
            const int size = options.sizes.front();
            auto taesd = options.taesd.empty() ? models::AutoencoderTiny(models::TaesdConfig::sd15())
                                               : models::load_taesd(options.taesd);
            if (options.taesd.empty())
                models::randomise_weights(*taesd, 0);
            auto generator = at::detail::createCPUGenerator(0);
            const auto latents =
                at::randn({1, 4, size / 8, size / 8}, generator, at::TensorOptions().dtype(at::kFloat));
            const auto label = "TAESD preview " + std::to_string(size) + "x" + std::to_string(size);
            std::vector<double> times;
            for (int i = 0; i < (options.quick ? 2 : 4); ++i) {
                models::OpProfile profile;
                start = now();
                taesd->preview_rgb(latents);
                times.push_back(now() - start);
                if (i == 0)
                    row(label + ", first", times.back(), profile.total_flops());
            }
            std::sort(times.begin() + 1, times.end());
            const double median = times[1 + (times.size() - 1) / 2];
            char note[96];
            std::snprintf(note, sizeof note, "median of %zu; %.1f%% of a steady step", times.size() - 1,
                          100 * median / first_size_steady_step);
            row(label, median, 0, note);
        }
    }
    if (options.end_to_end) {
        const int size = options.sizes.front();
        pipeline::StableDiffusion model{tokenizer::ClipTokenizer::from_directory(options.model / "tokenizer"),
                                        text_encoder,
                                        unet,
                                        vae,
                                        schedulers::SchedulerConfig::from_json(folder.config("scheduler")),
                                        ""};
        pipeline::Txt2ImgRequest request;
        request.prompts = {"a lighthouse on a cliff at dusk, oil painting"};
        request.negatives = {"blurry"};
        request.width = request.height = size;
        request.steps = options.quick ? 2 : 20;
        request.sampler = "euler_a";
        request.guidance_scale = 7.5;
        request.prompt_options = {pipeline::PromptSyntax::A1111, pipeline::LongPrompt::Chunk};
        request.last_use_of_unet = options.only_e2e; // as the CLI: its kernels go before the decode
        if (!options.only_e2e)
            reset_peak_rss(); // the job's own peak, with the model loaded and warm as in the app
        start = now();
        pipeline::txt2img(model, request);
        row("txt2img " + std::to_string(size) + "x" + std::to_string(size) + ", " +
                std::to_string(request.steps) + " steps Euler a, cfg 7.5",
            now() - start, 0,
            (options.only_e2e ? "peak RSS, load and job " : "peak RSS of the job ") +
                std::to_string(job_peak_rss_gb()).substr(0, 4) + " GB");
    }
    std::printf("\npeak RSS %.2f GB, %d threads, BLAS %s\n", peak_rss_gb(), runtime.threads,
                runtime.blas.c_str());
    return 0;
}
