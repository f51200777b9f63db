// TAESD (diffusers' AutoencoderTiny) against the reference: decode, encode and the pipeline's
// preview image on the fixture's small random model; the full-size model's key table; configs
// it cannot run refused.

#include "golden.h"
#include "io/weight_loader.h"
#include "models/autoencoder_tiny.h"
#include "models/weights.h"

#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>

#include <fstream>

using namespace eikona;

namespace {

const auto k_taesd = testing::k_data / "taesd";

io::SafetensorsFile golden()
{
    return io::SafetensorsFile::open(k_taesd / "golden.safetensors");
}

nlohmann::json full_size_table()
{
    return io::read_json_file(k_taesd / "full-size-keys.json");
}

void write_json(const std::filesystem::path& path, const nlohmann::json& json)
{
    std::ofstream(path) << json.dump(1);
}

} // namespace

class TestTaesd : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void decode()
    {
        auto taesd = models::load_taesd(k_taesd / "tiny");
        const auto file = golden();
        const c10::InferenceMode inference;
        EIKONA_COMPARE_CLOSE(taesd->decode(file.tensor("latents_in")), file.tensor("decoded"), 1e-4, 0,
                             "decoded");
    }

    void encode()
    {
        auto taesd = models::load_taesd(k_taesd / "tiny");
        const auto file = golden();
        const c10::InferenceMode inference;
        EIKONA_COMPARE_CLOSE(taesd->encode(file.tensor("image_in")), file.tensor("encoded"), 1e-4, 0,
                             "encoded");
    }

    void previewIsThePipelinesImage()
    {
        auto taesd = models::load_taesd(k_taesd / "tiny");
        const auto file = golden();
        const auto preview = taesd->preview_rgb(file.tensor("latents_in"));
        QCOMPARE(preview.scalar_type(), at::kByte);
        QCOMPARE(preview.sizes().vec(), (std::vector<std::int64_t>{1, 96, 128, 3}));
        // The reference's float picture, in bytes: each within one step of rounding.
        const auto expected = file.tensor("sd_pipeline_preview").permute({0, 2, 3, 1}).mul(255);
        EIKONA_COMPARE_CLOSE(preview.to(at::kFloat), expected, 0.5 + 255e-4, 0,
                             "sd_pipeline_preview (bytes)");
    }

    void fullSizeKeyTable()
    {
        const auto table = full_size_table();
        const auto config = models::TaesdConfig::from_json(table.at("config"));
        QCOMPARE(config.channels, 64);
        QCOMPARE(config.encoder_blocks, (std::vector<std::int64_t>{1, 3, 3, 3}));
        QCOMPARE(config.decoder_blocks, (std::vector<std::int64_t>{3, 3, 3, 1}));
        models::AutoencoderTiny taesd(config);
        std::map<std::string, std::vector<std::int64_t>> ours;
        for (const auto& tensor : models::expected_tensors(*taesd))
            ours[tensor.name] = tensor.shape;
        const auto theirs = table.at("tensors").get<std::map<std::string, std::vector<std::int64_t>>>();
        QCOMPARE(theirs.size(), std::size_t{134});
        QCOMPARE(ours.size(), theirs.size());
        for (const auto& [name, shape] : theirs) {
            QVERIFY2(ours.contains(name), name.c_str());
            QVERIFY2(ours.at(name) == shape, name.c_str());
        }
        QCOMPARE(models::TaesdConfig::sd15().to_json().dump(),
                 models::TaesdConfig::from_json(table.at("config")).to_json().dump());
    }

    void fullSizeFolderLoadsAndDecodesToEightTimesTheSize()
    {
        QTemporaryDir dir;
        const std::filesystem::path folder = dir.path().toStdString();
        const auto table = full_size_table();
        write_json(folder / "config.json", table.at("config"));
        io::NamedTensors tensors;
        for (const auto& [name, shape] :
             table.at("tensors").get<std::map<std::string, std::vector<std::int64_t>>>())
            tensors.emplace_back(name, at::randn(shape) * 0.05);
        io::write_safetensors(folder / "diffusion_pytorch_model.safetensors", tensors);
        auto taesd = models::load_taesd(folder);
        const auto preview = taesd->preview_rgb(at::randn({1, 4, 8, 12}));
        QCOMPARE(preview.sizes().vec(), (std::vector<std::int64_t>{1, 64, 96, 3}));
    }

    void configsItCannotRunAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("silu") << QStringLiteral("act_fn") << QStringLiteral("\"silu\"");
        QTest::newRow("unequal channels")
            << QStringLiteral("decoder_block_out_channels") << QStringLiteral("[64, 32, 64, 64]");
        QTest::newRow("levels differ")
            << QStringLiteral("encoder_block_out_channels") << QStringLiteral("[64, 64]");
        QTest::newRow("negative blocks")
            << QStringLiteral("num_decoder_blocks") << QStringLiteral("[3, -1, 3, 1]");
        QTest::newRow("no levels") << QStringLiteral("num_encoder_blocks") << QStringLiteral("[]");
        QTest::newRow("scaled") << QStringLiteral("scaling_factor") << QStringLiteral("0.5");
        QTest::newRow("zero channels") << QStringLiteral("latent_channels") << QStringLiteral("0");
        QTest::newRow("wrong type") << QStringLiteral("num_decoder_blocks") << QStringLiteral("\"many\"");
    }

    void configsItCannotRunAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        auto config = full_size_table().at("config");
        config[field.toStdString()] = nlohmann::json::parse(value.toStdString());
        try {
            models::TaesdConfig::from_json(config);
            QFAIL("accepted");
        } catch (const models::ConfigError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(field), error.what());
        }
    }

    void weightsOfAnotherShapeAreRefusedNamingTheTensor()
    {
        QTemporaryDir dir;
        const std::filesystem::path folder = dir.path().toStdString();
        write_json(folder / "config.json", full_size_table().at("config")); // 64 channels
        std::filesystem::copy_file(k_taesd / "tiny" / "diffusion_pytorch_model.safetensors",
                                   folder / "diffusion_pytorch_model.safetensors"); // 16 channels
        try {
            models::load_taesd(folder);
            QFAIL("accepted");
        } catch (const io::WeightMismatchError& error) {
            QVERIFY2(QString::fromUtf8(error.what())
                         .contains(QStringLiteral(
                             "encoder.layers.0.weight expected [64, 3, 3, 3] found [16, 3, 3, 3]")),
                     error.what());
        }
    }

    void missingFolderNamesTheFile()
    {
        try {
            models::load_taesd("/nonexistent/taesd");
            QFAIL("accepted");
        } catch (const std::exception& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("/nonexistent/taesd")),
                     error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTaesd)
#include "tst_taesd.moc"
