// 3x3 convolutions by Winograd (models/winograd_convolution.h) against the formula in double:
// planar and channels-last, batches, no bias, images cut into bands (alike and not), a weight
// replaced, an fp16 file's weight; and the Conv2d layer taking that path only where it should.

#include "models/layers.h"
#include "models/winograd_convolution.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <QtTest>

using namespace eikona;
using models::WinogradConvolution;

namespace {

// ATen's direct convolution, in double where that is quick and in fp32 (rounding to about 1e-7
// of the range, well inside the tolerance) for the banded images.
at::Tensor reference(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias)
{
    const auto type = x.numel() * weight.size(0) > (std::int64_t{1} << 26) ? at::kFloat : at::kDouble;
    return at::conv2d(x.to(type).contiguous(), weight.to(type), bias.defined() ? bias.to(type) : at::Tensor(),
                      {1, 1}, {1, 1})
        .to(at::kDouble);
}

// The largest difference as a share of the output's range: Winograd's F(4x4, 3x3) rounds to
// a few 1e-6 of it (measured on SD 1.5's shapes), the direct method to about 1e-7.
double relative_error(const at::Tensor& actual, const at::Tensor& expected)
{
    return (actual.to(at::kDouble) - expected).abs().max().item<double>() /
           expected.abs().max().item<double>();
}

constexpr double k_tolerance = 2e-5;

struct Case {
    std::int64_t images, in, out, height, width;
    bool channels_last, bias;
};

at::Tensor run_winograd(WinogradConvolution& convolution, const Case& c, const at::Tensor& x,
                        const at::Tensor& weight, const at::Tensor& bias, bool& transformed)
{
    const WinogradConvolution::Problem problem{c.images, c.height, c.width,
                                               c.channels_last ? WinogradConvolution::Layout::ChannelsLast
                                                               : WinogradConvolution::Layout::Planar,
                                               c.bias};
    if (!convolution.supports(problem))
        return {};
    const auto format = c.channels_last ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
    const auto input = x.contiguous(format);
    auto y = at::empty({c.images, c.out, c.height, c.width}, x.options().memory_format(format));
    std::vector<char> work(convolution.working_bytes(problem));
    const auto plain = weight.contiguous();
    transformed = convolution.run(problem, input.data_ptr<float>(), y.data_ptr<float>(),
                                  c.bias ? bias.data_ptr<float>() : nullptr, work.data(),
                                  [&] { return plain.data_ptr<float>(); });
    return y;
}

} // namespace

class TestWinograd : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void matchesFormula_data()
    {
        QTest::addColumn<int>("images");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("channelsLast");
        QTest::addColumn<bool>("bias");
        QTest::addColumn<bool>("banded");
        QTest::newRow("UNet-like, planar, batch 2") << 2 << 32 << 48 << 64 << 64 << false << true << false;
        QTest::newRow("VAE-like, channels-last") << 1 << 64 << 32 << 96 << 128 << true << true << false;
        QTest::newRow("no bias") << 2 << 16 << 16 << 40 << 24 << false << false << false;
        QTest::newRow("bands alike, channels-last") << 1 << 128 << 128 << 288 << 256 << true << true << true;
        QTest::newRow("bands alike, planar, batch 2")
            << 2 << 128 << 64 << 256 << 192 << false << true << true;
        // 202 rows: no multiple of 4 divides it, so the last band is shorter than the others.
        QTest::newRow("bands unlike") << 1 << 128 << 128 << 202 << 512 << true << true << true;
    }

    void matchesFormula()
    {
        QFETCH(int, images);
        QFETCH(int, in);
        QFETCH(int, out);
        QFETCH(int, height);
        QFETCH(int, width);
        QFETCH(bool, channelsLast);
        QFETCH(bool, bias);
        QFETCH(bool, banded);
        skipWithoutWinograd();
        const c10::InferenceMode inference;
        at::manual_seed(7);
        const Case c{images, in, out, height, width, channelsLast, bias};
        const auto x = at::randn({images, in, height, width});
        const auto weight = at::randn({out, in, 3, 3}) / std::sqrt(9.0 * in);
        const auto b = bias ? at::randn({out}) : at::Tensor();
        WinogradConvolution convolution(in, out);
        const WinogradConvolution::Problem problem{images, height, width,
                                                   channelsLast ? WinogradConvolution::Layout::ChannelsLast
                                                                : WinogradConvolution::Layout::Planar,
                                                   bias};
        QVERIFY(convolution.supports(problem));
        if (banded) {
            // x and y alone exceed the budget, yet the working memory stays within it.
            const auto rows_bytes =
                static_cast<std::size_t>(images * height * width * (in + out)) * sizeof(float);
            QVERIFY(rows_bytes > WinogradConvolution::band_budget);
            QVERIFY(convolution.working_bytes(problem) <= WinogradConvolution::band_budget);
        }
        bool transformed = false;
        const auto y = run_winograd(convolution, c, x, weight, b, transformed);
        QVERIFY(transformed);
        QCOMPARE(
            y.is_contiguous(channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous),
            true);
        const auto expected = reference(x, weight, b);
        const double error = relative_error(y, expected);
        QVERIFY2(error < k_tolerance, qPrintable(QStringLiteral("relative error %1").arg(error)));
        // The second call uses the kept kernel, and gives the same result.
        const auto again = run_winograd(convolution, c, x, weight, b, transformed);
        QVERIFY(!transformed);
        QVERIFY(at::equal(again, y));
        // Freed, the kernel is made again.
        convolution.release_weights();
        run_winograd(convolution, c, x, weight, b, transformed);
        QVERIFY(transformed);
    }

    // The layer: Winograd for large fp32 images, the same answer as the formula for every
    // input it may meet (small images, 8 channels, planar and channels-last, an fp16 file's
    // weight, a replaced weight).
    void layer_data()
    {
        QTest::addColumn<int>("images");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("out");
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("channelsLast");
        QTest::addColumn<bool>("winograd");
        QTest::newRow("64x64, batch 2 (Winograd)") << 2 << 32 << 32 << 64 << false << true;
        QTest::newRow("128x128, channels-last (Winograd)") << 1 << 16 << 32 << 128 << true << true;
        QTest::newRow("32x32, batch 2 (direct)") << 2 << 32 << 32 << 32 << false << false;
        QTest::newRow("8 channels (direct)") << 2 << 8 << 32 << 64 << false << false;
    }

    void layer()
    {
        QFETCH(int, images);
        QFETCH(int, in);
        QFETCH(int, out);
        QFETCH(int, size);
        QFETCH(bool, channelsLast);
        QFETCH(bool, winograd);
        const c10::InferenceMode inference;
        at::manual_seed(11);
        models::Conv2d conv(in, out, 3, 1, 1);
        conv->weight.copy_(at::randn({out, in, 3, 3}) / std::sqrt(9.0 * in));
        conv->bias.copy_(at::randn({out}));
        auto x = at::randn({images, in, size, size});
        if (channelsLast)
            x = x.contiguous(at::MemoryFormat::ChannelsLast);
        const bool switched_off = qgetenv("EIKONA_WINOGRAD") == "0";
        QCOMPARE(conv->runs_by_winograd(x), winograd && cpu_has_winograd() && !switched_off);
        QVERIFY(!conv->runs_by_winograd(x.to(at::kBFloat16))); // oneDNN has no bf16 Winograd
        const auto y = conv(x);
        QCOMPARE(y.sizes(), (at::IntArrayRef{images, out, size, size}));
        double error = relative_error(y, reference(x, conv->weight, conv->bias));
        QVERIFY2(error < k_tolerance, qPrintable(QStringLiteral("relative error %1").arg(error)));

        // A replaced weight (a LoRA, a model switch in place) is transformed again.
        conv->weight = at::randn({out, in, 3, 3}) / std::sqrt(9.0 * in);
        error = relative_error(conv(x), reference(x, conv->weight, conv->bias));
        QVERIFY2(error < k_tolerance,
                 qPrintable(QStringLiteral("replaced weight: relative error %1").arg(error)));

        // An fp16 file's weight, computed in fp32.
        conv->weight = conv->weight.to(at::kHalf);
        conv->release_packed();
        error = relative_error(conv(x), reference(x, conv->weight.to(at::kFloat), conv->bias));
        QVERIFY2(error < k_tolerance,
                 qPrintable(QStringLiteral("fp16 weight: relative error %1").arg(error)));
    }

  private:
    // oneDNN's Winograd kernels need AVX-512; elsewhere the layer keeps the direct method, which
    // layer() still checks.
    static bool cpu_has_winograd()
    {
        if (!WinogradConvolution::available())
            return false;
        WinogradConvolution probe(16, 16);
        return probe.supports({1, 64, 64, WinogradConvolution::Layout::Planar, true});
    }

    static void skipWithoutWinograd()
    {
        if (!cpu_has_winograd())
            QSKIP("this build or CPU has no oneDNN Winograd kernel");
    }
};

QTEST_GUILESS_MAIN(TestWinograd)
#include "tst_winograd.moc"
