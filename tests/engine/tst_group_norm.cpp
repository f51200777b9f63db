// The channels-last and planar GroupNorm (+ SiLU) kernels against ATen's planar GroupNorm: fp32
// and bf16, batches, a large mean (no cancellation), NaN kept, and the layer taking them only
// for the inputs they handle.

#include "models/channels_last_group_norm.h"
#include "models/group_norm_kernel.h"
#include "models/planar_group_norm.h"
#include "models/layers.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <QtTest>

using namespace eikona;

namespace {

at::Tensor channels_last(const at::Tensor& x)
{
    return x.contiguous(at::MemoryFormat::ChannelsLast);
}

at::Tensor reference(const at::Tensor& x, std::int64_t groups, const at::Tensor& weight,
                     const at::Tensor& bias, bool silu)
{
    const auto planar = x.to(at::kDouble).contiguous();
    const auto normed = at::group_norm(planar, groups, weight.to(at::kDouble), bias.to(at::kDouble), 1e-6);
    return silu ? at::silu(normed) : normed;
}

double max_error(const at::Tensor& actual, const at::Tensor& expected)
{
    return (actual.to(at::kDouble) - expected).abs().max().item<double>();
}

} // namespace

class TestGroupNorm : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void matchesATen_data()
    {
        QTest::addColumn<bool>("planar");
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("groups");
        QTest::addColumn<double>("mean");
        QTest::addColumn<bool>("silu");
        for (const bool planar : {false, true}) {
            const char* layout = planar ? "planar" : "channels-last";
            QTest::addRow("%s, VAE level, SiLU", layout) << planar << 1 << 128 << 32 << 0.0 << true;
            QTest::addRow("%s, batch 2, no SiLU", layout) << planar << 2 << 64 << 32 << 0.5 << false;
            QTest::addRow("%s, one group", layout) << planar << 1 << 32 << 1 << -2.0 << true;
            QTest::addRow("%s, mean 1000, spread 1", layout) << planar << 1 << 16 << 4 << 1000.0 << false;
        }
    }

    void matchesATen()
    {
        QFETCH(bool, planar);
        QFETCH(int, batch);
        QFETCH(int, channels);
        QFETCH(int, groups);
        QFETCH(double, mean);
        QFETCH(bool, silu);
        skipWithoutKernel();
        const c10::InferenceMode inference;
        at::manual_seed(7);
        // Planar images need a multiple of 16 pixels per channel; channels-last ones do not.
        const auto x = at::randn({batch, channels, planar ? 16 : 19, planar ? 24 : 23}) * 3 + mean;
        const auto weight = at::randn({channels});
        const auto bias = at::randn({channels});
        const auto in_layout = [&](const at::Tensor& t) {
            return planar ? t.contiguous() : channels_last(t);
        };
        const auto normalise = [&](const at::Tensor& t) {
            return planar ? models::group_norm_planar(t, groups, weight, bias, 1e-6, silu)
                          : models::group_norm_channels_last(t, groups, weight, bias, 1e-6, silu);
        };
        const auto expected = reference(x, groups, weight, bias, silu);

        QVERIFY(planar ? models::group_norm_planar_applies(x, groups)
                       : models::group_norm_channels_last_applies(channels_last(x), groups));
        const auto ours = normalise(in_layout(x));
        QCOMPARE(ours.scalar_type(), at::kFloat);
        QVERIFY(ours.is_contiguous(planar ? at::MemoryFormat::Contiguous : at::MemoryFormat::ChannelsLast));
        // ATen's own fp32 GroupNorm is about 1e-6 from double; with a mean of 1000 the input's
        // own rounding (6e-5) is what remains.
        const double bar = mean > 100 ? 2e-3 : 1e-5;
        QVERIFY2(max_error(ours, expected) < bar, qPrintable(QString::number(max_error(ours, expected))));

        // bf16 in and out: the statistics of the bf16 input, the result rounded once.
        const auto half = in_layout(x.to(at::kBFloat16));
        const auto ours_bf16 = normalise(half);
        QCOMPARE(ours_bf16.scalar_type(), at::kBFloat16);
        const auto expected_bf16 = reference(half, groups, weight, bias, silu);
        const double rounding = (expected_bf16.abs().max().item<double>() + 1) * (1.0 / 128);
        QVERIFY2(max_error(ours_bf16, expected_bf16) <= rounding,
                 qPrintable(QString::number(max_error(ours_bf16, expected_bf16))));
    }

    void nanIsKept()
    {
        skipWithoutKernel();
        const c10::InferenceMode inference;
        auto x = at::randn({1, 16, 4, 4});
        x[0][3][1][1] = std::numeric_limits<float>::quiet_NaN();
        for (const auto dtype : {at::kFloat, at::kBFloat16}) {
            const auto out = models::group_norm_channels_last(channels_last(x.to(dtype)), 4, at::ones({16}),
                                                              at::zeros({16}), 1e-6, true);
            // A NaN spoils its group, as in ATen, and only its group: the VAE's redo looks for it.
            QVERIFY(out.narrow(1, 0, 4).isnan().all().item<bool>());
            QVERIFY(out.narrow(1, 4, 12).isfinite().all().item<bool>());
            const auto planar =
                models::group_norm_planar(x.to(dtype), 4, at::ones({16}), at::zeros({16}), 1e-6, true);
            QVERIFY(planar.narrow(1, 0, 4).isnan().all().item<bool>());
            QVERIFY(planar.narrow(1, 4, 12).isfinite().all().item<bool>());
        }
    }

    // On every CPU: without AVX-512 the layer keeps ATen's GroupNorm, in either layout.
    void layerInEitherLayout()
    {
        const c10::InferenceMode inference;
        const auto x = at::randn({1, 32, 8, 8});
        QVERIFY(!models::group_norm_channels_last_applies(x, 8));                // planar: ATen's
        QVERIFY(!models::group_norm_channels_last_applies(channels_last(x), 3)); // 32 channels, 3 groups
        QVERIFY(!models::group_norm_channels_last_applies(channels_last(x.to(at::kDouble)), 8));
        QVERIFY(!models::group_norm_planar_applies(channels_last(x), 8));         // not planar
        QVERIFY(!models::group_norm_planar_applies(at::randn({1, 32, 5, 5}), 8)); // 25 pixels
        QVERIFY(!models::group_norm_planar_applies(x.to(at::kDouble), 8));
        QVERIFY(!models::group_norm_planar_applies(x, 3));
        models::GroupNorm norm(8, 32, 1e-6);
        norm->weight.normal_();
        norm->bias.normal_();
        const auto planar = norm->forward_silu(x);
        const auto from_channels_last = norm->forward_silu(channels_last(x));
        QVERIFY(from_channels_last.is_contiguous(at::MemoryFormat::ChannelsLast));
        QVERIFY(at::allclose(from_channels_last, planar, 1e-5, 1e-5));
        QVERIFY(at::allclose(norm->forward(channels_last(x)), norm->forward(x), 1e-5, 1e-5));
    }

  private:
    static void skipWithoutKernel()
    {
        if (!models::kernels::group_norm_kernel_supported())
            QSKIP("this CPU has no AVX-512: the layer keeps ATen's GroupNorm");
    }
};

QTEST_APPLESS_MAIN(TestGroupNorm)
#include "tst_group_norm.moc"
