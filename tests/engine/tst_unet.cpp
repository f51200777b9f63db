// UNet2DConditionModel against the reference's noise predictions (golden/unet_case*), with
// the per-block intermediates of case 0, and chunked attention against unchunked.

#include "golden.h"
#include "models/unet_2d_condition.h"
#include "models/weights.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>

using namespace eikona;

class TestUNet : public QObject {
    Q_OBJECT

private:
    std::optional<models::UNet2DConditionModel> m_unet;

private Q_SLOTS:
    void initTestCase()
    {
        const auto folder = io::ModelFolder::open(testing::k_tiny_model);
        m_unet = models::UNet2DConditionModel(models::UNetConfig::from_json(folder.config("unet")));
        models::load_weights(**m_unet, io::SafetensorsFile::open(folder.weights_file("unet")));
    }

    void noisePrediction_data()
    {
        QTest::addColumn<QString>("golden");
        QTest::newRow("case 0: 8x8, t=999 int") << QStringLiteral("unet_case0");
        QTest::newRow("case 1: 16x12, t=[1, 500]") << QStringLiteral("unet_case1");
        QTest::newRow("case 2: 16x12, t=712.3456 float") << QStringLiteral("unet_case2");
    }

    void noisePrediction()
    {
        QFETCH(QString, golden);
        const auto file = testing::golden(golden.toUtf8().constData());
        const c10::InferenceMode inference;
        std::map<std::string, at::Tensor> intermediates;
        const auto prediction = (*m_unet)(file.tensor("sample"), file.tensor("timestep"),
                                          file.tensor("encoder_hidden_states"), &intermediates);
        EIKONA_COMPARE_CLOSE(prediction, file.tensor("noise_pred"), 1e-4, 1e-4, "noise_pred");
        int compared = 0;
        for (const auto& info : file.tensors()) {
            if (!info.name.starts_with("intermediate."))
                continue;
            const auto name = info.name.substr(std::string("intermediate.").size());
            QVERIFY2(intermediates.contains(name), name.c_str());
            EIKONA_COMPARE_CLOSE(intermediates.at(name), file.tensor(info.name), 1e-4, 1e-4, info.name.c_str());
            ++compared;
        }
        if (golden == QLatin1String("unet_case0"))
            QCOMPARE(compared, 14);
    }

    // Attention in query chunks gives the unchunked result.
    void chunkedAttentionEqualsWhole()
    {
        const c10::InferenceMode inference;
        const auto q = at::randn({2, 8, 100, 16});
        const auto k = at::randn({2, 8, 77, 16});
        const auto v = at::randn({2, 8, 77, 16});
        const auto whole = models::chunked_attention(q, k, v, 0.25, 1000);
        const auto chunked = models::chunked_attention(q, k, v, 0.25, 7);
        const auto reference = at::matmul(at::softmax(at::matmul(q, k.transpose(-1, -2)) * 0.25, -1), v);
        EIKONA_COMPARE_CLOSE(whole, reference, 1e-5, 1e-5, "whole attention");
        EIKONA_COMPARE_CLOSE(chunked, reference, 1e-5, 1e-5, "chunked attention");
    }

    void refusesUnsupportedConfigs_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("linear projection (SD 2)") << QStringLiteral("use_linear_projection") << QStringLiteral("true");
        QTest::newRow("unknown block") << QStringLiteral("down_block_types")
                                       << QStringLiteral(R"(["SimpleCrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"])");
        QTest::newRow("class embedding") << QStringLiteral("class_embed_type") << QStringLiteral("\"timestep\"");
        QTest::newRow("odd channel count") << QStringLiteral("block_out_channels") << QStringLiteral("[32, 32, 64, 65]");
        QTest::newRow("wrong type") << QStringLiteral("layers_per_block") << QStringLiteral("\"two\"");
    }

    void refusesUnsupportedConfigs()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        auto config = io::ModelFolder::open(testing::k_tiny_model).config("unet");
        config[field.toStdString()] = nlohmann::json::parse(value.toStdString());
        try {
            models::UNetConfig::from_json(config);
            QFAIL("an unsupported config was accepted");
        } catch (const models::ConfigError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(field), error.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestUNet)
#include "tst_unet.moc"
