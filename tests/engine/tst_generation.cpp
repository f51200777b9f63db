// What the app asks of the pipeline beyond the reference's defaults: one generator per image,
// init images of another size, tiled VAE decode, the fp32 redo of an overflowing decode,
// device and dtype choice, cancelling between the two guidance passes, and TAESD's draft
// decode and the latents each step hands out for previews.

#include "caching_allocator.h"
#include "golden.h"
#include "pipeline/compute_target.h"
#include "pipeline/generation.h"
#include "pipeline/init_image.h"
#include "pipeline/warm_up.h"

#include <ATen/Context.h>
#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <QFile>
#include <QScopeGuard>

using namespace eikona;

class TestGeneration : public QObject {
    Q_OBJECT

  private:
    std::optional<pipeline::StableDiffusion> m_model;

    pipeline::Txt2ImgRequest smallRequest(const std::string& sampler) const
    {
        pipeline::Txt2ImgRequest request;
        request.prompts = {"a lighthouse at dusk"};
        request.negatives = {"blurry"};
        request.width = 64;
        request.height = 48;
        request.steps = 4;
        request.sampler = sampler;
        request.seed = 1234;
        return request;
    }

  private Q_SLOTS:
    void initTestCase() { m_model.emplace(pipeline::load_stable_diffusion(testing::k_tiny_model)); }

    void loadsTheModelsOwnSampler() { QCOMPARE(pipeline::default_sampler(*m_model), std::string("pndm")); }

    // Image i of a per-image batch is the image a single run with seed + i makes, for a
    // stochastic sampler (every step draws) and for img2img (the VAE sample draws too).
    void perImageGeneratorsRemakeEachImageAlone_data()
    {
        QTest::addColumn<QString>("sampler");
        QTest::addColumn<bool>("img2img");
        QTest::newRow("euler_a txt2img") << QStringLiteral("euler_a") << false;
        QTest::newRow("ddpm txt2img") << QStringLiteral("ddpm") << false;
        QTest::newRow("euler_a img2img") << QStringLiteral("euler_a") << true;
    }

    void perImageGeneratorsRemakeEachImageAlone()
    {
        QFETCH(QString, sampler);
        QFETCH(bool, img2img);
        auto generator = at::detail::createCPUGenerator(7);
        const auto init = at::rand({1, 3, 48, 64}, generator) * 2 - 1;
        const auto run = [&](pipeline::Txt2ImgRequest request) {
            return img2img ? pipeline::img2img(*m_model, request, init, 0.75)
                           : pipeline::txt2img(*m_model, request);
        };
        auto batch = smallRequest(sampler.toStdString());
        batch.images_per_prompt = 3;
        batch.generator_per_image = true;
        const auto together = run(batch);
        for (std::int64_t i = 0; i < 3; ++i) {
            auto alone = smallRequest(sampler.toStdString());
            alone.seed = batch.seed + static_cast<std::uint64_t>(i);
            alone.generator_per_image = true;
            const auto single = run(alone);
            const auto what = "image " + std::to_string(i);
            EIKONA_COMPARE_CLOSE(together.latents_final[i], single.latents_final[0], 1e-4, 1e-4,
                                 what.c_str());
        }
        // A single per-image run is the reference's single-generator run.
        auto shared = smallRequest(sampler.toStdString());
        const auto reference = run(shared);
        auto first = shared;
        first.generator_per_image = true;
        QVERIFY(at::equal(run(first).latents_final, reference.latents_final));
        // And a shared generator over a batch draws differently from per-image generators.
        shared.images_per_prompt = 3;
        QVERIFY(!at::allclose(run(shared).latents_final[1], together.latents_final[1]));
    }

    void initImageIsFittedByScaleAndCentreCrop()
    {
        const c10::InferenceMode inference;
        const auto same = at::rand({1, 3, 48, 64}) * 2 - 1;
        QVERIFY(pipeline::fit_init_image(same, 64, 48).is_same(same));

        // A wide picture: left third red, centre green, right third blue. Fitted to a square,
        // only the green centre remains (the crop is centred, proportions kept).
        auto wide = at::full({1, 3, 64, 192}, -1.0F);
        wide.index_put_({0, 0, at::indexing::Slice(), at::indexing::Slice(0, 64)}, 1.0F);
        wide.index_put_({0, 1, at::indexing::Slice(), at::indexing::Slice(64, 128)}, 1.0F);
        wide.index_put_({0, 2, at::indexing::Slice(), at::indexing::Slice(128, 192)}, 1.0F);
        const auto square = pipeline::fit_init_image(wide, 32, 32);
        QVERIFY(square.sizes() == (std::vector<std::int64_t>{1, 3, 32, 32}));
        const auto centre = square.slice(3, 4, 28);
        QVERIFY(at::allclose(centre[0][1], at::ones({32, 24}), 1e-3, 1e-3));
        QVERIFY(at::allclose(centre[0][0], -at::ones({32, 24}), 1e-3, 1e-3));
        QVERIFY(square.min().item<float>() >= -1.0F && square.max().item<float>() <= 1.0F);

        // A different size runs through img2img.
        auto request = smallRequest("ddim");
        const auto result = pipeline::img2img(*m_model, request, at::rand({1, 3, 100, 75}) * 2 - 1, 0.5);
        QVERIFY(result.image.sizes() == (std::vector<std::int64_t>{1, 48, 64, 3}));
        QVERIFY_THROWS_EXCEPTION(pipeline::PipelineError,
                                 pipeline::fit_init_image(at::zeros({3, 48, 64}), 64, 48));
    }

    // Tiles overlap and blend: the tiled image follows the whole-image decode closely, and the
    // rows where tiles meet are no rougher than the rest (no seams).
    void tiledDecodeHasNoSeams()
    {
        const c10::InferenceMode inference;
        auto generator = at::detail::createCPUGenerator(3);
        // Statistically the same everywhere, so each tile's normalisation sees what the whole does.
        const auto latents = at::randn({1, 4, 40, 48}, generator, at::TensorOptions()) * 0.5;
        pipeline::VaeDecodeOptions whole;
        whole.tiling = pipeline::VaeDecodeOptions::Tiling::Never;
        pipeline::VaeDecodeOptions tiles;
        tiles.tiling = pipeline::VaeDecodeOptions::Tiling::Always;
        tiles.tile_latents = 16;
        pipeline::VaeDecodeReport report;
        const auto reference = pipeline::decode_latents(m_model->vae, latents, whole);
        const auto tiled = pipeline::decode_latents(m_model->vae, latents, tiles, {}, &report);
        QVERIFY(report.tiled);
        QVERIFY(tiled.sizes() == reference.sizes());
        const double mean_error = (tiled - reference).abs().mean().item<double>();
        std::printf("  tiled vs whole decode: mean |error| %.4f, max %.4f\n", mean_error,
                    (tiled - reference).abs().max().item<double>());
        // The VAE's mid-block attention and its normalisations see one tile, not the whole
        // picture, so tiles differ a little from a whole decode (as the reference's do).
        QVERIFY2(mean_error < 0.1, "the tiled decode strays from the whole decode");
        // A tile that covers everything is the whole decode.
        auto one_tile = tiles;
        one_tile.tile_latents = 48;
        QVERIFY(
            at::allclose(pipeline::decode_latents(m_model->vae, latents, one_tile), reference, 1e-5, 1e-6));
        // Row-to-row change across the tile edges (tiles keep 96 px of 128 here) vs everywhere.
        const auto row_steps = (tiled.slice(1, 1) - tiled.slice(1, 0, -1)).abs().mean({0, 2, 3});
        const double typical = row_steps.mean().item<double>();
        for (const std::int64_t edge : {95, 191}) {
            std::printf("  row step at tile edge %lld: %.4f (typical %.4f)\n", static_cast<long long>(edge),
                        row_steps[edge].item<double>(), typical);
            QVERIFY2(row_steps[edge].item<double>() < 2 * typical,
                     ("seam at row " + std::to_string(edge)).c_str());
        }

        // Auto tiles only above 1024 px on a side.
        pipeline::VaeDecodeOptions automatic;
        pipeline::decode_latents(m_model->vae, latents, automatic, {}, &report);
        QVERIFY(!report.tiled);
        automatic.auto_above_pixels = 256;
        pipeline::decode_latents(m_model->vae, latents, automatic, {}, &report);
        QVERIFY(report.tiled);
    }

    // More steps than noise levels is refused as diffusers refuses it (it used to give noise
    // with the "leading" samplers); so is the one count at which "leading" spacing plus
    // steps_offset reaches past the last level (it used to fail obscurely).
    void refusesMoreStepsThanNoiseLevels()
    {
        const c10::InferenceMode inference;
        const auto levels = m_model->scheduler_config.num_train_timesteps;
        const auto refusal = [&](const std::string& sampler, std::int64_t steps) -> std::string {
            auto request = smallRequest(sampler);
            request.steps = steps;
            try {
                pipeline::txt2img(*m_model, request);
            } catch (const pipeline::PipelineError& error) {
                return error.what();
            }
            return {};
        };
        for (const auto* sampler : {"ddim", "pndm", "euler", "dpmpp_2m"})
            QVERIFY2(refusal(sampler, levels + 1).find("num_train_timesteps") != std::string::npos, sampler);
        if (m_model->scheduler_config.steps_offset > 0)
            QVERIFY(refusal("ddim", levels).find("cannot take") != std::string::npos);
    }

    // A reduced-precision decode that overflows is redone in fp32 and says so; when even fp32
    // cannot decode the latents the run ends with a clear error, not a black picture.
    void overflowingDecodeIsRedoneInFp32()
    {
        const c10::InferenceMode inference;
        models::LoadSettings settings;
        settings.dtype = at::kBFloat16;
        auto vae = models::load_vae(io::ModelFolder::open(testing::k_tiny_model), settings);
        const auto latents = at::full({1, 4, 8, 8}, 1e38F);
        std::vector<std::string> log;
        pipeline::VaeDecodeReport report;
        try {
            pipeline::decode_latents(
                vae, latents, {}, [&](const std::string& line) { log.push_back(line); }, &report);
            QFAIL("non-finite pixels were returned");
        } catch (const pipeline::PipelineError& error) {
            QVERIFY2(std::string(error.what()).find("NaN") != std::string::npos, error.what());
        }
        QCOMPARE(log.size(), 1u);
        QVERIFY(log.front().find("fp32") != std::string::npos);
        QCOMPARE(vae->post_quant_conv->weight.scalar_type(), at::kFloat);
        // And the fp32 VAE decodes ordinary latents.
        const auto image = pipeline::decode_latents(vae, at::zeros({1, 4, 8, 8}));
        QVERIFY(image.isfinite().all().item<bool>());
    }

    void resolvesDevicesAndDtypes()
    {
        const auto automatic = pipeline::resolve_compute_target("auto", "auto");
        if (!at::hasCUDA() && !at::hasMPS()) {
            QVERIFY(automatic.is_cpu());
            QCOMPARE(automatic.dtype, at::kFloat);
            QCOMPARE(automatic.describe(), std::string("CPU, fp32"));
        }
        QCOMPARE(pipeline::resolve_compute_target("cpu", "bf16").dtype, at::kBFloat16);
        // Native bf16 as the kernel reports it; without it, bf16 on the CPU says it is slower.
        QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
        QVERIFY(cpuinfo.open(QIODevice::ReadOnly));
        const auto flags = QString::fromLatin1(cpuinfo.readAll());
        const bool native =
            flags.contains(QStringLiteral(" avx512_bf16")) || flags.contains(QStringLiteral(" amx_bf16"));
        QCOMPARE(pipeline::cpu_has_fast_bf16(), native);
        const auto bf16 = pipeline::resolve_compute_target("cpu", "bf16").describe();
        QCOMPARE(bf16 == "CPU, bf16", native);
        QCOMPARE(bf16.find("emulated") != std::string::npos, !native);
        QCOMPARE(pipeline::resolve_compute_target("cpu", "fp32").dtype, at::kFloat);
        const auto refused = [](const char* device, const char* dtype, const char* part) {
            try {
                pipeline::resolve_compute_target(device, dtype);
                return false;
            } catch (const pipeline::PipelineError& error) {
                return std::string(error.what()).find(part) != std::string::npos;
            }
        };
        QVERIFY(refused("cpu", "fp16", "needs a GPU"));
        QVERIFY(refused("gpu", "auto", "unknown device"));
        QVERIFY(refused("cpu", "fp64", "unknown dtype"));
        if (!at::hasCUDA())
            QVERIFY(refused("cuda", "auto", "no CUDA device"));
        if (!at::hasMPS())
            QVERIFY(refused("mps", "auto", "not available"));
    }

    // A run that needs more memory than there is ends with a clear error, gives back what it
    // held, and the next run works. The bound stands in for a full machine.
    void outOfMemoryIsAClearError()
    {
        install_caching_cpu_allocator(64 << 20);
        release_cached_cpu_memory();
        const auto before = caching_allocator_stats().in_use_bytes;
        set_cpu_memory_limit(before + (24 << 20));
        const auto unlimited = qScopeGuard([] { set_cpu_memory_limit(0); }); // whichever way the test ends
        auto request = smallRequest("euler_a");
        request.width = request.height = 512;
        request.images_per_prompt = 2;
        try {
            pipeline::txt2img(*m_model, request);
            set_cpu_memory_limit(0);
            QFAIL("a run over the memory bound finished");
        } catch (const pipeline::PipelineError& error) {
            QVERIFY2(std::string(error.what()).find("out of memory") != std::string::npos, error.what());
        }
        QCOMPARE(caching_allocator_stats().in_use_bytes, before);
        QVERIFY(!pipeline::txt2img(*m_model, smallRequest("euler_a")).image.isnan().any().item<bool>());
        set_cpu_memory_limit(0);
    }

    // Polls come before each step and between the unconditional and conditional passes:
    // stopping at the second poll ends the run after one UNet call, before any step finishes.
    void cancelsBetweenGuidancePasses()
    {
        auto request = smallRequest("pndm");
        int polls = 0;
        int steps = 0;
        pipeline::Txt2ImgCallbacks callbacks;
        callbacks.on_step = [&](const pipeline::StepInfo&) { ++steps; };
        callbacks.should_stop = [&] { return ++polls == 2; };
        QVERIFY_THROWS_EXCEPTION(pipeline::Cancelled, pipeline::txt2img(*m_model, request, callbacks));
        QCOMPARE(polls, 2);
        QCOMPARE(steps, 0);
    }

    // Each step hands out the latents it made; the last step's are the run's final latents.
    void stepsHandOutTheirLatents()
    {
        auto request = smallRequest("euler");
        std::vector<at::Tensor> seen;
        pipeline::Txt2ImgCallbacks callbacks;
        callbacks.on_step = [&](const pipeline::StepInfo& info) { seen.push_back(info.latents.clone()); };
        const auto result = pipeline::txt2img(*m_model, request, callbacks);
        QCOMPARE(seen.size(), std::size_t{4});
        QCOMPARE(seen.front().sizes().vec(), (std::vector<std::int64_t>{1, 4, 6, 8}));
        QVERIFY(at::equal(seen.back(), result.latents_final));
        QVERIFY(!at::equal(seen.front(), seen.back()));
    }

    // A one-shot run (the CLI's) frees the UNet's own weights before the decode: the picture is
    // the same, and a bf16 UNet's converted tensors are gone afterwards.
    void lastUseOfTheUnetFreesItsWeights()
    {
        models::LoadSettings settings;
        settings.dtype = at::kBFloat16;
        auto model = pipeline::load_stable_diffusion(testing::k_tiny_model, settings);
        auto request = smallRequest("euler");
        const auto kept = pipeline::txt2img(model, request);
        request.last_use_of_unet = true;
        const auto freed = pipeline::txt2img(model, request);
        QVERIFY(at::equal(kept.image, freed.image));
        // Converted copies (biases, norms) are gone; weights that view the file stay views.
        QCOMPARE(model.unet->conv_in->bias.numel(), 0);
        QCOMPARE(model.unet->conv_norm_out->weight.numel(), 0);
        QCOMPARE(model.unet->conv_in->bias.scalar_type(), at::kBFloat16); // what callers read stays
        QCOMPARE(model.unet->conv_in->weight.scalar_type(), at::kFloat);
        QVERIFY(model.vae->post_quant_conv->weight.numel() > 0);
    }

    // A warm-up changes nothing a job computes; it refuses sizes a job would refuse.
    void warmUpLeavesResultsUnchanged()
    {
        const auto request = smallRequest("euler_a");
        const auto before = pipeline::txt2img(*m_model, request);
        pipeline::warm_up(*m_model, 96, 80, 2);
        pipeline::warm_up(*m_model, request.width, request.height, 2);
        const auto after = pipeline::txt2img(*m_model, request);
        QVERIFY(at::equal(before.image, after.image));
        QVERIFY_THROWS_EXCEPTION(pipeline::PipelineError, pipeline::warm_up(*m_model, 60, 48, 2));
        QVERIFY_THROWS_EXCEPTION(pipeline::PipelineError, pipeline::warm_up(*m_model, 64, 48, 0));
    }

    // A draft decodes the same final latents with TAESD: its picture, not the VAE's.
    void draftDecodesWithTaesd()
    {
        auto request = smallRequest("euler");
        QVERIFY_THROWS_EXCEPTION(pipeline::PipelineError, [&] {
            request.draft_decode = true;
            pipeline::txt2img(*m_model, request);
        }());
        auto& model = *m_model;
        model.taesd = models::load_taesd(testing::k_data / "taesd" / "tiny");
        const auto unload = qScopeGuard([&] { model.taesd = nullptr; });
        request.draft_decode = false;
        const auto full = pipeline::txt2img(model, request);
        request.draft_decode = true;
        const auto draft = pipeline::txt2img(model, request);
        QVERIFY(at::equal(draft.latents_final, full.latents_final));
        QCOMPARE(draft.image.sizes().vec(), full.image.sizes().vec());
        const c10::InferenceMode inference;
        const auto expected =
            (model.taesd->decode(full.latents_final) / 2 + 0.5).clamp(0, 1).permute({0, 2, 3, 1});
        EIKONA_COMPARE_CLOSE(draft.image, expected, 1e-6, 0, "draft image");
        QVERIFY((draft.image - full.image).abs().max().item<double>() > 0.01);
        QVERIFY(draft.image.min().item<double>() >= 0 && draft.image.max().item<double>() <= 1);
    }
};

QTEST_APPLESS_MAIN(TestGeneration)
#include "tst_generation.moc"
