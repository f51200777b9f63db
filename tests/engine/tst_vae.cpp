// AutoencoderKL against the reference: decode, encode (mean, std, seeded sample) and the
// legacy attention names many published SD 1.x VAE files use.

#include "golden.h"
#include "models/autoencoder_kl.h"
#include "models/weights.h"

#include <ATen/Functions.h>
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>

using namespace eikona;

namespace {

models::AutoencoderKL loadVae(const std::filesystem::path& weights,
                              const models::WeightLoadOptions& options = {})
{
    const auto folder = io::ModelFolder::open(testing::k_tiny_model);
    models::AutoencoderKL vae(models::VaeConfig::from_json(folder.config("vae")));
    models::load_weights(*vae, io::SafetensorsFile::open(weights), options);
    return vae;
}

const auto k_vae_weights = testing::k_tiny_model / "vae" / "diffusion_pytorch_model.safetensors";

} // namespace

class TestVae : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QString>("golden");
        QTest::newRow("1x4x8x8") << QStringLiteral("vae_decode0");
        QTest::newRow("2x4x12x16 (non-square)") << QStringLiteral("vae_decode1");
    }

    void decode()
    {
        QFETCH(QString, golden);
        const auto file = testing::golden(golden.toUtf8().constData());
        auto vae = loadVae(k_vae_weights);
        QCOMPARE(vae->scaling_factor(), 0.18215);
        const c10::InferenceMode inference;
        std::map<std::string, at::Tensor> intermediates;
        const auto z = file.tensor("latents") / vae->scaling_factor();
        EIKONA_COMPARE_CLOSE(z, file.tensor("z"), 1e-6, 1e-6, "z");
        const auto image = vae->decode(z, &intermediates);
        EIKONA_COMPARE_CLOSE(image, file.tensor("image"), 1e-4, 1e-4, "image");
        const auto image_np = (image / 2 + 0.5).clamp(0, 1).permute({0, 2, 3, 1});
        EIKONA_COMPARE_CLOSE(image_np, file.tensor("image_np"), 1e-4, 1e-4, "image_np");
        for (const auto& info : file.tensors())
            if (info.name.starts_with("intermediate.")) {
                const auto name = info.name.substr(13);
                QVERIFY2(intermediates.contains(name), name.c_str());
                EIKONA_COMPARE_CLOSE(intermediates.at(name), file.tensor(info.name), 1e-4, 1e-4,
                                     info.name.c_str());
            }
    }

    void encode_data()
    {
        QTest::addColumn<QString>("golden");
        QTest::addColumn<int>("seed");
        QTest::newRow("64x64") << QStringLiteral("vae_encode0") << 31;
        QTest::newRow("128x96") << QStringLiteral("vae_encode1") << 32;
    }

    void encode()
    {
        QFETCH(QString, golden);
        QFETCH(int, seed);
        const auto file = testing::golden(golden.toUtf8().constData());
        auto vae = loadVae(k_vae_weights);
        const c10::InferenceMode inference;
        std::map<std::string, at::Tensor> intermediates;
        const auto latents = vae->encode(file.tensor("image"), &intermediates);
        EIKONA_COMPARE_CLOSE(latents.mean, file.tensor("mean"), 1e-4, 1e-4, "mean");
        EIKONA_COMPARE_CLOSE(latents.logvar, file.tensor("logvar"), 1e-4, 1e-4, "logvar");
        EIKONA_COMPARE_CLOSE(latents.std(), file.tensor("std"), 1e-4, 1e-4, "std");
        auto generator = at::detail::createCPUGenerator(static_cast<std::uint64_t>(seed));
        const auto sample = latents.sample(generator);
        EIKONA_COMPARE_CLOSE(sample, file.tensor("sample"), 1e-4, 1e-4, "sample");
        EIKONA_COMPARE_CLOSE(sample * vae->scaling_factor(), file.tensor("sample_scaled"), 1e-4, 1e-4,
                             "sample_scaled");
        for (const auto& info : file.tensors())
            if (info.name.starts_with("intermediate.")) {
                const auto name = info.name.substr(13);
                QVERIFY2(intermediates.contains(name), name.c_str());
                EIKONA_COMPARE_CLOSE(intermediates.at(name), file.tensor(info.name), 1e-4, 1e-4,
                                     info.name.c_str());
            }
    }

    // A VAE file whose mid-block attention uses query/key/value/proj_attn (2-D, as in the
    // fixture, and 4-D [C, C, 1, 1] as some copies have them) loads and decodes the same.
    void legacyAttentionNames_data()
    {
        QTest::addColumn<bool>("fourDimensional");
        QTest::newRow("2-D") << false;
        QTest::newRow("4-D 1x1") << true;
    }

    void legacyAttentionNames()
    {
        QFETCH(bool, fourDimensional);
        const auto legacy = testing::golden("vae_mid_attention_legacy_names");
        const auto original = io::SafetensorsFile::open(k_vae_weights);
        io::NamedTensors tensors;
        for (const auto& info : original.tensors()) {
            if (info.name.find("mid_block.attentions.0.to_") != std::string::npos)
                continue; // replaced by the legacy-named copies below
            tensors.emplace_back(info.name, original.tensor(info.name));
        }
        int renamed = 0;
        for (const auto& info : legacy.tensors()) {
            if (info.name.find("group_norm") != std::string::npos)
                continue;
            auto tensor = legacy.tensor(info.name);
            if (fourDimensional && tensor.dim() == 2)
                tensor = tensor.unsqueeze(-1).unsqueeze(-1);
            tensors.emplace_back(info.name, tensor);
            ++renamed;
        }
        QCOMPARE(renamed, 16); // q, k, v, out for encoder and decoder, weight and bias
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "legacy.safetensors";
        io::write_safetensors(path, tensors);

        // Without the rename pass the names are reported.
        try {
            loadVae(path);
            QFAIL("legacy names loaded without the rename pass");
        } catch (const io::WeightMismatchError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(
                message.contains(QStringLiteral("16 missing (encoder.mid_block.attentions.0.to_q.weight")),
                error.what());
            QVERIFY2(
                message.contains(QStringLiteral("16 unexpected (decoder.mid_block.attentions.0.key.bias")),
                error.what());
        }

        auto vae = loadVae(path, {std::nullopt, {}, models::legacy_vae_attention_name});
        const auto file = testing::golden("vae_decode0");
        const c10::InferenceMode inference;
        EIKONA_COMPARE_CLOSE(vae->decode(file.tensor("z")), file.tensor("image"), 1e-4, 1e-4,
                             "image (legacy names)");
    }

    void bf16IsSane()
    {
        const auto file = testing::golden("vae_decode0");
        // bf16 only: libtorch 1.13 has no CPU float16 convolution; float16 is the CUDA path.
        for (const auto dtype : {at::kBFloat16}) {
            auto vae = loadVae(k_vae_weights, {dtype, {}, {}});
            const c10::InferenceMode inference;
            const auto image = vae->decode(file.tensor("z").to(dtype)).to(at::kFloat);
            QVERIFY(image.isfinite().all().item<bool>());
            EIKONA_COMPARE_CLOSE(image, file.tensor("image"), 0.1, 0.05, "bf16 image");
        }
    }

    // A config that would divide by zero or build an empty network is refused by name.
    void refusesBrokenConfigs_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("no groups (was SIGFPE)") << QStringLiteral("norm_num_groups") << QStringLiteral("0");
        QTest::newRow("negative groups") << QStringLiteral("norm_num_groups") << QStringLiteral("-1");
        QTest::newRow("no latent channels") << QStringLiteral("latent_channels") << QStringLiteral("0");
        QTest::newRow("no layers") << QStringLiteral("layers_per_block") << QStringLiteral("0");
        QTest::newRow("odd channels")
            << QStringLiteral("block_out_channels") << QStringLiteral("[32, 32, 64, 65]");
    }

    void refusesBrokenConfigs()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        auto config = io::ModelFolder::open(testing::k_tiny_model).config("vae");
        config[field.toStdString()] = nlohmann::json::parse(value.toStdString());
        try {
            models::VaeConfig::from_json(config);
            QFAIL("a broken config was accepted");
        } catch (const models::ConfigError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(field), error.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestVae)
#include "tst_vae.moc"
