// The C++ pipeline against every golden txt2img case of the reference (all samplers, two
// sizes, guidance 1 and 7.5, batches, a long prompt) and every img2img case (strengths 0.3,
// 0.75 and 1 for PNDM, DPM++ 2M Karras and Euler a; DDIM on a non-square image).

#include "golden.h"
#include "models/model_loader.h"
#include "pipeline/latent_preview.h"
#include "pipeline/generation.h"

#include <ATen/Functions.h>

#include <cmath>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

using namespace eikona;

namespace {

std::vector<std::string> as_list(const nlohmann::json& value)
{
    if (value.is_null())
        return {};
    if (value.is_string())
        return {value.get<std::string>()};
    return value.get<std::vector<std::string>>();
}

// The manifest was written by Python's json module, which spells infinities -Infinity;
// JSON has no such value, so they are read as null (no txt2img field uses them).
nlohmann::json manifest()
{
    std::ifstream in(testing::k_data / "manifest.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const std::string word : {"-Infinity", "Infinity", "NaN"})
        for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at))
            text.replace(at, word.size(), "null");
    return nlohmann::json::parse(text);
}

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT

  private:
    std::optional<pipeline::StableDiffusion> m_model;
    nlohmann::json m_manifest;

  private Q_SLOTS:
    void initTestCase()
    {
        m_model.emplace(pipeline::load_stable_diffusion(testing::k_tiny_model));
        m_manifest = manifest();
    }

    void golden_data()
    {
        QTest::addColumn<int>("index");
        const auto& cases = m_manifest["cases"];
        int rows = 0;
        for (std::size_t i = 0; i < cases.size(); ++i)
            if (cases[i]["kind"] == "txt2img") {
                QTest::newRow(cases[i]["id"].get<std::string>().c_str()) << static_cast<int>(i);
                ++rows;
            }
        QCOMPARE(rows, 26); // every golden txt2img case of the fixtures, not "whatever loaded"
    }

    void golden()
    {
        QFETCH(int, index);
        const auto& entry = m_manifest["cases"][static_cast<std::size_t>(index)];
        const auto& params = entry["params"];
        pipeline::Txt2ImgRequest request;
        request.prompts = as_list(params["prompt"]);
        request.negatives = as_list(params["negative_prompt"]);
        if (request.negatives.size() == 1 && request.prompts.size() > 1)
            request.negatives.resize(request.prompts.size(), request.negatives.front());
        request.guidance_scale = params["guidance_scale"].get<double>();
        request.steps = params["num_inference_steps"].get<std::int64_t>();
        request.width = params["width"].get<std::int64_t>();
        request.height = params["height"].get<std::int64_t>();
        request.images_per_prompt = params["num_images_per_prompt"].get<std::int64_t>();
        const auto generator = params["generator"].get<std::string>();
        const auto seed_at = generator.find("manual_seed(") + 12;
        request.seed = std::stoull(generator.substr(seed_at));
        request.sampler = entry["scheduler"].get<std::string>();

        std::int64_t reported = 0;
        const auto result = pipeline::txt2img(
            *m_model, request, {[&](const pipeline::StepInfo& info) { reported = info.step; }, {}, {}});
        const auto file = testing::golden(entry["id"].get<std::string>().c_str());
        EIKONA_COMPARE_CLOSE(result.prompt_embeds, file.tensor("prompt_embeds"), 1e-4, 1e-4, "prompt_embeds");
        EIKONA_COMPARE_CLOSE(result.latents_initial, file.tensor("latents_initial"), 1e-6, 1e-6,
                             "latents_initial");
        const auto expected_timesteps = file.tensor("timesteps");
        EIKONA_COMPARE_CLOSE(result.timesteps.to(at::kDouble), expected_timesteps.to(at::kDouble), 1e-4, 0,
                             "timesteps");
        QCOMPARE(reported, expected_timesteps.size(0));
        EIKONA_COMPARE_CLOSE(result.latents_final, file.tensor("latents_final"), 5e-3, 1e-3, "latents_final");
        EIKONA_COMPARE_CLOSE(result.image, file.tensor("image_np"), 5e-4, 0, "image_np");
    }

    void img2imgGolden_data()
    {
        QTest::addColumn<int>("index");
        const auto& cases = m_manifest["cases"];
        int rows = 0;
        for (std::size_t i = 0; i < cases.size(); ++i)
            if (cases[i]["kind"] == "img2img") {
                QTest::newRow(cases[i]["id"].get<std::string>().c_str()) << static_cast<int>(i);
                ++rows;
            }
        QCOMPARE(rows, 10);
    }

    void img2imgGolden()
    {
        QFETCH(int, index);
        const auto& entry = m_manifest["cases"][static_cast<std::size_t>(index)];
        const auto& params = entry["params"];
        const auto file = testing::golden(entry["id"].get<std::string>().c_str());
        const auto image = file.tensor("image");
        pipeline::Txt2ImgRequest request;
        request.prompts = as_list(params["prompt"]);
        request.negatives = as_list(params["negative_prompt"]);
        request.guidance_scale = params["guidance_scale"].get<double>();
        request.steps = params["num_inference_steps"].get<std::int64_t>();
        request.height = image.size(2);
        request.width = image.size(3);
        const auto generator = params["generator"].get<std::string>();
        request.seed = std::stoull(generator.substr(generator.find("manual_seed(") + 12));
        request.sampler = entry["scheduler"].get<std::string>();
        const double strength = params["strength"].get<double>();

        const auto result = pipeline::img2img(*m_model, request, image, strength);
        EIKONA_COMPARE_CLOSE(result.prompt_embeds, file.tensor("prompt_embeds"), 1e-4, 1e-4, "prompt_embeds");
        EIKONA_COMPARE_CLOSE(result.latents_initial, file.tensor("latents_noisy"), 1e-4, 1e-4,
                             "latents_noisy");
        EIKONA_COMPARE_CLOSE(result.timesteps.to(at::kDouble), file.tensor("timesteps").to(at::kDouble), 1e-4,
                             0, "timesteps");
        EIKONA_COMPARE_CLOSE(result.latents_final, file.tensor("latents_final"), 5e-3, 1e-3, "latents_final");
        EIKONA_COMPARE_CLOSE(result.image, file.tensor("image_np"), 5e-4, 0, "image_np");
    }

    void img2imgRefusesBadStrength()
    {
        pipeline::Txt2ImgRequest request;
        request.prompts = {"a cat"};
        request.width = request.height = 64;
        request.steps = 4;
        const auto image = at::zeros({1, 3, 64, 64});
        for (const double strength : {0.0, -0.5, 1.5})
            QVERIFY_THROWS_EXCEPTION(pipeline::PipelineError,
                                     pipeline::img2img(*m_model, request, image, strength));
        // Too little strength for even one of four steps.
        QVERIFY_THROWS_EXCEPTION(pipeline::PipelineError, pipeline::img2img(*m_model, request, image, 0.1));
        // Not one RGB picture.
        QVERIFY_THROWS_EXCEPTION(pipeline::PipelineError,
                                 pipeline::img2img(*m_model, request, at::zeros({1, 4, 64, 64}), 0.5));
        QVERIFY_THROWS_EXCEPTION(pipeline::PipelineError,
                                 pipeline::img2img(*m_model, request, at::zeros({2, 3, 64, 64}), 0.5));
    }

    // A1111 handling gives the reference's embeddings for a prompt without syntax.
    void a1111EqualsPlainWithoutSyntax()
    {
        const c10::InferenceMode inference;
        const std::vector<std::string> prompts{"a photograph of an astronaut riding a horse", ""};
        const auto plain =
            pipeline::encode_prompt_batch(m_model->tokenizer, m_model->text_encoder, prompts, {});
        const auto a1111 =
            pipeline::encode_prompt_batch(m_model->tokenizer, m_model->text_encoder, prompts,
                                          {pipeline::PromptSyntax::A1111, pipeline::LongPrompt::Chunk});
        QVERIFY(at::equal(plain, a1111));
        const auto golden = testing::golden("text_encoder");
        EIKONA_COMPARE_CLOSE(plain[1], golden.tensor("last_hidden_state")[1], 1e-4, 1e-4, "empty prompt");
    }

    void weightsScaleTokensAndKeepTheMean()
    {
        const c10::InferenceMode inference;
        const pipeline::PromptOptions a1111{pipeline::PromptSyntax::A1111, pipeline::LongPrompt::Chunk};
        const auto plain =
            pipeline::encode_prompt_batch(m_model->tokenizer, m_model->text_encoder, {"a cat"}, a1111);
        const auto weighted =
            pipeline::encode_prompt_batch(m_model->tokenizer, m_model->text_encoder, {"a (cat:1.5)"}, a1111);
        // Token 1 is "a", token 2 "cat": after the mean is restored both share one factor c,
        // and "cat" carries 1.5 on top of it.
        const auto factor = [&](std::int64_t token) {
            const auto p = plain[0][token], w = weighted[0][token];
            return (w * p).sum().item<double>() / (p * p).sum().item<double>();
        };
        QVERIFY2(std::abs(factor(2) / factor(1) - 1.5) < 1e-4,
                 qPrintable(QString::number(factor(2) / factor(1))));
        QVERIFY(std::abs(weighted.mean().item<double>() - plain.mean().item<double>()) < 1e-5);
    }

    void longPromptsAreChunked()
    {
        const c10::InferenceMode inference;
        std::string prompt;
        for (int i = 0; i < 100; ++i)
            prompt += "cat ";
        const pipeline::PromptOptions chunked{pipeline::PromptSyntax::A1111, pipeline::LongPrompt::Chunk};
        const auto long_embeds = pipeline::encode_prompt_batch(m_model->tokenizer, m_model->text_encoder,
                                                               {prompt, "dog"}, chunked);
        QCOMPARE(long_embeds.size(1), 154); // two chunks; "dog" padded with an empty one
        const auto truncated =
            pipeline::encode_prompt_batch(m_model->tokenizer, m_model->text_encoder, {prompt}, {});
        QVERIFY(at::equal(long_embeds[0].slice(0, 0, 77), truncated[0]));
        const auto empty = pipeline::encode_prompt_batch(m_model->tokenizer, m_model->text_encoder, {""}, {});
        QVERIFY(at::equal(long_embeds[1].slice(0, 77), empty[0]));
        const auto broken = pipeline::encode_prompt_batch(m_model->tokenizer, m_model->text_encoder,
                                                          {"a cat BREAK a dog"}, chunked);
        QCOMPARE(broken.size(1), 154);

        // Guided generation with a long prompt and a short negative prompt.
        pipeline::Txt2ImgRequest request;
        request.prompts = {prompt};
        request.negatives = {"blurry"};
        request.width = request.height = 64;
        request.steps = 2;
        request.prompt_options = chunked;
        const auto result = pipeline::txt2img(*m_model, request);
        QVERIFY(result.prompt_embeds.sizes() == (std::vector<std::int64_t>{2, 154, 32}));
        QVERIFY(result.image.isfinite().all().item<bool>());

        // A long negative prompt: the short prompt is padded with an empty-prompt chunk.
        request.prompts = {"blurry"};
        request.negatives = {prompt};
        const auto swapped = pipeline::txt2img(*m_model, request);
        QVERIFY(swapped.prompt_embeds.sizes() == (std::vector<std::int64_t>{2, 154, 32}));
        QVERIFY(at::equal(swapped.prompt_embeds[1].slice(0, 77), empty[0]));
    }

    void latentPreview()
    {
        auto latents = at::zeros({1, 4, 2, 3});
        latents[0][0][0][0] = 1.0F;  // channel 0 alone: (0.3512, 0.2297, 0.3227)
        latents[0][3][1][2] = 10.0F; // far out of range: clamped
        const auto rgb = pipeline::latent_preview_rgb(latents);
        QVERIFY(rgb.sizes() == (std::vector<std::int64_t>{1, 2, 3, 3}));
        QCOMPARE(rgb.scalar_type(), at::kByte);
        QCOMPARE(rgb[0][0][0][0].item<int>(), 172);
        QCOMPARE(rgb[0][0][0][1].item<int>(), 157);
        QCOMPARE(rgb[0][0][0][2].item<int>(), 169);
        QCOMPARE(rgb[0][0][1][0].item<int>(), 128); // zero latents: mid grey
        QCOMPARE(rgb[0][1][2][2].item<int>(), 0);   // -7.2 clamped to -1
    }

    void stepsReportProgressWithPreview()
    {
        pipeline::Txt2ImgRequest request;
        request.prompts = {"a cat"};
        request.width = 64;
        request.height = 48;
        request.steps = 3;
        request.sampler = "euler_a";
        std::vector<pipeline::StepInfo> steps;
        pipeline::txt2img(*m_model, request,
                          {[&](const pipeline::StepInfo& info) { steps.push_back(info); }, {}, {}});
        QCOMPARE(steps.size(), 3u);
        QCOMPARE(steps.back().step, 3);
        QCOMPARE(steps.back().total, 3);
        QVERIFY(steps.back().elapsed_seconds >= steps.front().elapsed_seconds);
        QVERIFY(steps.front().preview.sizes() == (std::vector<std::int64_t>{1, 6, 8, 3}));
    }

    void refusesBadRequests_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("sampler");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("width not a multiple of 8")
            << 100 << 64 << QStringLiteral("pndm") << QStringLiteral("multiples of 8");
        QTest::newRow("zero height") << 64 << 0 << QStringLiteral("pndm") << QStringLiteral("multiples of 8");
        QTest::newRow("unknown sampler")
            << 64 << 64 << QStringLiteral("k_lms") << QStringLiteral("unknown sampler");
    }

    void refusesBadRequests()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, sampler);
        QFETCH(QString, messagePart);
        pipeline::Txt2ImgRequest request;
        request.prompts = {"a cat"};
        request.width = width;
        request.height = height;
        request.sampler = sampler.toStdString();
        request.steps = 2;
        try {
            pipeline::txt2img(*m_model, request);
            QFAIL("a bad request ran");
        } catch (const pipeline::PipelineError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(messagePart), error.what());
        }
    }

    void cancelsBetweenSteps()
    {
        pipeline::Txt2ImgRequest request;
        request.prompts = {"a cat"};
        request.width = request.height = 64;
        request.steps = 10;
        std::int64_t steps_done = 0;
        pipeline::Txt2ImgCallbacks callbacks;
        callbacks.on_step = [&](const pipeline::StepInfo& info) { steps_done = info.step; };
        callbacks.should_stop = [&] { return steps_done >= 3; };
        QVERIFY_THROWS_EXCEPTION(pipeline::Cancelled, pipeline::txt2img(*m_model, request, callbacks));
        QCOMPARE(steps_done, 3);
    }
};

QTEST_APPLESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
