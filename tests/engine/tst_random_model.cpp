// make-random-model: the sd15 preset has exactly SD 1.5's tensors; the tiny preset has the
// fixture model's names and shapes and runs.

#include "golden.h"
#include "models/layers.h"
#include "models/model_loader.h"
#include "models/random_model.h"
#include "models/unet_2d_condition.h"
#include "models/weights.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <QTemporaryDir>

using namespace eikona;

namespace {

struct Count {
    std::size_t tensors = 0;
    std::int64_t parameters = 0;
};

Count count(torch::nn::Module& module)
{
    Count c;
    for (const auto& tensor : models::expected_tensors(module)) {
        ++c.tensors;
        std::int64_t n = 1;
        for (const auto d : tensor.shape)
            n *= d;
        c.parameters += n;
    }
    return c;
}

std::map<std::string, std::vector<std::int64_t>> shapes(const std::filesystem::path& file,
                                                        bool skip_position_ids)
{
    std::map<std::string, std::vector<std::int64_t>> result;
    const auto opened = io::SafetensorsFile::open(file);
    for (const auto& info : opened.tensors())
        if (!(skip_position_ids && models::is_clip_position_ids(info.name)))
            result.emplace(info.name, info.shape);
    return result;
}

} // namespace

class TestRandomModel : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    // The full-size networks are built without touching memory (parameters are uninitialised
    // until loaded), so their census is instant.
    void sd15Census_data()
    {
        QTest::addColumn<QString>("network");
        QTest::addColumn<int>("tensors");
        QTest::addColumn<double>("millions");
        QTest::newRow("unet") << QStringLiteral("unet") << 686 << 859.5;
        QTest::newRow("vae") << QStringLiteral("vae") << 248 << 83.7;
        QTest::newRow("text_encoder") << QStringLiteral("text_encoder") << 196 << 123.1;
    }

    void sd15Census()
    {
        QFETCH(QString, network);
        QFETCH(int, tensors);
        QFETCH(double, millions);
        Count c;
        if (network == QLatin1String("unet")) {
            models::UNet2DConditionModel model(models::UNetConfig::sd15());
            c = count(*model);
        } else if (network == QLatin1String("vae")) {
            models::AutoencoderKL model(models::VaeConfig::sd15());
            c = count(*model);
        } else {
            models::ClipTextModel model(models::ClipTextConfig::sd15());
            c = count(*model);
        }
        std::printf("  %s: %zu tensors, %lld parameters\n", qPrintable(network), c.tensors,
                    static_cast<long long>(c.parameters));
        QCOMPARE(static_cast<int>(c.tensors), tensors);
        QCOMPARE(std::round(static_cast<double>(c.parameters) / 1e5) / 10.0, millions);
    }

    void tinyPresetMatchesFixture()
    {
        QTemporaryDir dir;
        const std::filesystem::path out = std::filesystem::path(dir.path().toStdString()) / "tiny";
        models::RandomModelOptions options;
        options.preset = models::ModelPreset::Tiny;
        options.seed = 7;
        options.tokenizer_source = testing::k_tiny_model / "tokenizer";
        models::write_random_model(out, options);

        for (const char* file : {"unet/diffusion_pytorch_model.safetensors",
                                 "vae/diffusion_pytorch_model.safetensors", "text_encoder/model.safetensors"})
            QVERIFY2(shapes(out / file, true) == shapes(testing::k_tiny_model / file, true), file);

        const auto folder = io::ModelFolder::open(out);
        auto unet = models::load_unet(folder);
        auto vae = models::load_vae(folder);
        auto text_encoder = models::load_text_encoder(folder);
        QCOMPARE(unet->config().cross_attention_dim, 32);
        const c10::InferenceMode inference;
        const auto context = text_encoder(at::full({2, 77}, 49407, at::kLong));
        const auto prediction = unet(at::randn({2, 4, 8, 8}), at::tensor(500), context);
        QVERIFY(prediction.isfinite().all().item<bool>());
        QVERIFY(prediction.std().item<double>() > 0);
        const auto image = vae->decode(prediction);
        QVERIFY(image.sizes() == (std::vector<std::int64_t>{2, 3, 64, 64}));
        QVERIFY(image.isfinite().all().item<bool>());

        // The same seed writes the same weights.
        const auto again = std::filesystem::path(dir.path().toStdString()) / "again";
        models::write_random_model(again, options);
        const auto a = io::SafetensorsFile::open(out / "unet/diffusion_pytorch_model.safetensors");
        const auto b = io::SafetensorsFile::open(again / "unet/diffusion_pytorch_model.safetensors");
        QVERIFY(at::equal(a.tensor("conv_in.weight"), b.tensor("conv_in.weight")));
    }

    void fp16Variant()
    {
        QTemporaryDir dir;
        const std::filesystem::path out = dir.path().toStdString();
        models::RandomModelOptions options;
        options.preset = models::ModelPreset::Tiny;
        options.fp16 = true;
        options.tokenizer_source = testing::k_tiny_model / "tokenizer";
        models::write_random_model(out, options);
        const auto folder = io::ModelFolder::open(out);
        QCOMPARE(folder.weights_file("unet", "fp16").filename().string(),
                 std::string("diffusion_pytorch_model.fp16.safetensors"));
        auto unet = models::load_unet(folder, {at::kFloat, c10::Device(c10::kCPU), std::string("fp16")});
        // Computed in fp32, the layers' weights stay views of the fp16 file (packed on first use,
        // one copy resident); biases are converted.
        QCOMPARE(unet->conv_in->weight.scalar_type(), at::kHalf);
        QCOMPARE(unet->conv_in->bias.scalar_type(), at::kFloat);
        // The same numbers as every weight converted at load, at two sizes (packed, repacked).
        models::UNet2DConditionModel eager(models::UNetConfig::from_json(folder.config("unet")));
        models::WeightLoadOptions convert;
        convert.dtype = at::kFloat;
        models::load_weights(*eager, io::SafetensorsFile::open(folder.weights_file("unet", "fp16")), convert);
        eager->eval();
        QCOMPARE(eager->conv_in->weight.scalar_type(), at::kFloat);
        const c10::InferenceMode inference;
        const auto context = at::randn({2, 77, eager->config().cross_attention_dim});
        for (const std::int64_t size : {8, 16, 8}) {
            const auto sample = at::randn({2, 4, size, size});
            const auto timestep = at::full({2}, 500.0);
            QVERIFY(at::equal(unet->forward(sample, timestep, context),
                              eager->forward(sample, timestep, context)));
        }
        // Packed kernels freed (a one-shot job's UNet before its decode): packed again on use.
        models::release_packed_kernels(*unet);
        const auto sample = at::randn({2, 4, 16, 16});
        const auto timestep = at::full({2}, 250.0);
        QVERIFY(
            at::equal(unet->forward(sample, timestep, context), eager->forward(sample, timestep, context)));
    }

    void missingTokenizerIsReported()
    {
        QTemporaryDir dir;
        models::RandomModelOptions options;
        options.preset = models::ModelPreset::Tiny;
        options.tokenizer_source = "/nonexistent";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 models::write_random_model(dir.path().toStdString(), options));
    }
};

QTEST_APPLESS_MAIN(TestRandomModel)
#include "tst_random_model.moc"
