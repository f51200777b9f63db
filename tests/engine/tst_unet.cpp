// UNet2DConditionModel against the reference's noise predictions (golden/unet_case*), with
// the per-block intermediates of case 0, and chunked attention against unchunked.

#include "attention_cases.h"
#include "golden.h"
#include "models/attention.h"
#include "models/geglu_kernel.h"
#include "models/layers.h"
#include "models/onednn_matmul.h"
#include "models/unet_2d_condition.h"
#include "models/weights.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>

#include <cmath>

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
            EIKONA_COMPARE_CLOSE(intermediates.at(name), file.tensor(info.name), 1e-4, 1e-4,
                                 info.name.c_str());
            ++compared;
        }
        if (golden == QLatin1String("unet_case0"))
            QCOMPARE(compared, 14);
    }

    // The fused kernel (where the CPU has AVX-512) against the plain formula (attention_cases.h).
    void attentionEqualsTheFormula_data() { testing::add_attention_shapes(); }

    void attentionEqualsTheFormula()
    {
        QFETCH(int, heads);
        QFETCH(int, d);
        QFETCH(int, lq);
        QFETCH(int, lk);
        const c10::InferenceMode inference;
        const auto q = testing::random_heads(heads, d, lq);
        const auto k = testing::random_heads(heads, d, lk);
        const auto v = testing::random_heads(heads, d, lk);
        const double scale = 1.0 / std::sqrt(static_cast<double>(d));
        const auto actual = models::attention(q, k, v, scale);
        const auto reference =
            at::matmul(
                at::softmax(at::matmul(q.to(at::kDouble), k.transpose(-1, -2).to(at::kDouble)) * scale, -1),
                v.to(at::kDouble))
                .transpose(1, 2)
                .reshape({2, lq, heads * d});
        EIKONA_COMPARE_CLOSE(actual, reference, 2e-6, 1e-5, "attention");
    }

    // Linear layers on long inputs run through oneDNN with a packed weight (or a 1x1 convolution):
    // the same numbers as the formula, for new row counts (packed again) and a replaced weight.
    void linearLayersEqualTheFormula_data()
    {
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        QTest::addColumn<bool>("withBias");
        QTest::newRow("320 -> 2560 with bias") << 320 << 2560 << true;
        QTest::newRow("odd sizes without bias") << 37 << 29 << false;
    }

    void linearLayersEqualTheFormula()
    {
        QFETCH(int, in);
        QFETCH(int, out);
        QFETCH(bool, withBias);
        std::printf("  oneDNN matmul in this build: %s\n", models::PackedMatmul::available() ? "yes" : "no");
        models::Linear linear(in, out, withBias);
        linear->weight.normal_(0.0, 0.05);
        if (withBias)
            linear->bias.normal_();
        const c10::InferenceMode inference;
        const auto formula = [&](const at::Tensor& x) {
            const auto y = at::matmul(x.to(at::kDouble), linear->weight.to(at::kDouble).t());
            return withBias ? y + linear->bias.to(at::kDouble) : y;
        };
        for (const auto rows : {300, 8192, 1000, 300}) { // a count seen before reuses its packing
            const auto x = at::randn({2, rows / 2, in});
            EIKONA_COMPARE_CLOSE(linear(x), formula(x), 1e-5, 1e-4, "linear");
        }
        auto replaced = at::randn({out, in}) * 0.05;
        linear->weight.set_(replaced); // weights loaded anew: packed again
        const auto x = at::randn({2, 150, in});
        EIKONA_COMPARE_CLOSE(linear(x), formula(x), 1e-5, 1e-4, "linear, weight replaced");
    }

    // The feed-forward block runs its rows in blocks; the result is the whole GEGLU formula.
    void feedForwardEqualsTheFormula()
    {
        models::FeedForward ff(24);
        for (auto& parameter : ff->parameters())
            parameter.normal_(0.0, 0.1);
        const c10::InferenceMode inference;
        const auto x = at::randn({2, 1100, 24}); // 2200 rows: four whole blocks and a partial one
        const auto projected = at::linear(x.to(at::kDouble), ff->geglu_proj->weight.to(at::kDouble),
                                          ff->geglu_proj->bias.to(at::kDouble));
        const auto halves = projected.chunk(2, -1);
        const auto reference = at::linear(halves[0] * at::gelu(halves[1]), ff->out->weight.to(at::kDouble),
                                          ff->out->bias.to(at::kDouble));
        EIKONA_COMPARE_CLOSE(ff(x), reference, 1e-5, 1e-4, "feed forward");
    }

    // The AVX-512 GEGLU gate against hidden * 0.5 g (1 + erf(g / sqrt 2)) in double, over the
    // range activations reach, both signs, and a row width that is not a multiple of 16.
    void gegluKernelEqualsTheFormula()
    {
        if (!models::kernels::geglu_kernel_supported())
            QSKIP("this CPU has no AVX-512: the feed-forward block uses ATen's gelu");
        const std::int64_t rows = 7, inner = 1001;
        const auto gate = at::linspace(-12.0, 12.0, rows * inner).view({rows, inner});
        const auto hidden = at::randn({rows, inner});
        const auto projected = at::cat({hidden, gate}, 1).contiguous();
        auto out = at::empty({rows, inner});
        models::kernels::geglu_rows(projected.data_ptr<float>(), inner, out.data_ptr<float>(), 0, rows);
        const auto g = gate.to(at::kDouble);
        const auto reference = hidden.to(at::kDouble) * g * 0.5 * (1.0 + at::erf(g / std::sqrt(2.0)));
        EIKONA_COMPARE_CLOSE(out, reference, 2e-6, 1e-6, "geglu");

        // bf16: the formula on the same bf16 values, rounded once; within one bf16 step (up to
        // 2^-7 of the value) where the kernel's 1e-7 error meets a rounding boundary.
        const auto projected_bf16 = projected.to(at::kBFloat16);
        auto out_bf16 = at::empty({rows, inner}, at::kBFloat16);
        models::kernels::geglu_rows_bf16(
            reinterpret_cast<const std::uint16_t*>(projected_bf16.data_ptr<at::BFloat16>()), inner,
            reinterpret_cast<std::uint16_t*>(out_bf16.data_ptr<at::BFloat16>()), 0, rows);
        const auto g16 = projected_bf16.narrow(1, inner, inner).to(at::kDouble);
        const auto h16 = projected_bf16.narrow(1, 0, inner).to(at::kDouble);
        const auto reference_bf16 =
            (h16 * g16 * 0.5 * (1.0 + at::erf(g16 / std::sqrt(2.0)))).to(at::kBFloat16);
        EIKONA_COMPARE_CLOSE(out_bf16.to(at::kDouble), reference_bf16.to(at::kDouble), 2e-6, 1.0 / 128,
                             "geglu bf16");
        // Away from zero (where the erf's absolute error decides) it rounds as the formula does.
        const auto large = reference_bf16.to(at::kDouble).abs() > 1e-3;
        const auto same = (out_bf16.to(at::kDouble) == reference_bf16.to(at::kDouble)).logical_and(large);
        const double share = same.sum().item<double>() / large.sum().item<double>();
        QVERIFY2(share > 0.999, qPrintable(QStringLiteral("rounded as the formula: %1").arg(share)));
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
        QTest::newRow("linear projection (SD 2)")
            << QStringLiteral("use_linear_projection") << QStringLiteral("true");
        QTest::newRow("unknown block")
            << QStringLiteral("down_block_types")
            << QStringLiteral(
                   R"(["SimpleCrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"])");
        QTest::newRow("class embedding")
            << QStringLiteral("class_embed_type") << QStringLiteral("\"timestep\"");
        QTest::newRow("odd channel count")
            << QStringLiteral("block_out_channels") << QStringLiteral("[32, 32, 64, 65]");
        QTest::newRow("wrong type") << QStringLiteral("layers_per_block") << QStringLiteral("\"two\"");
        QTest::newRow("no groups (was SIGFPE)") << QStringLiteral("norm_num_groups") << QStringLiteral("0");
        QTest::newRow("negative groups") << QStringLiteral("norm_num_groups") << QStringLiteral("-32");
        QTest::newRow("no input channels") << QStringLiteral("in_channels") << QStringLiteral("0");
        QTest::newRow("a float channel count (found by fuzzing)")
            << QStringLiteral("block_out_channels") << QStringLiteral("[32, 3.3e120, 64, 64]");
        QTest::newRow("a channel count past int64")
            << QStringLiteral("block_out_channels") << QStringLiteral("[32, 18446744073709551615, 64, 64]");
        QTest::newRow("zero epsilon") << QStringLiteral("norm_eps") << QStringLiteral("0");
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
