#pragma once
// The attention shapes both kernels (fp32 in tst_unet, bf16 in tst_bf16) are checked on: SD 1.5's
// levels, the cross-attention's 77 keys (an odd tile), the VAE's single 512-wide head, and odd
// sizes that leave partial tiles; with inputs as the layers pass them (heads split out of
// [B, L, heads * d], strided views).

#include <ATen/Functions.h>

#include <QTest>

namespace eikona::testing {

/// The columns heads, d, lq, lk and a row for each shape.
inline void add_attention_shapes()
{
    QTest::addColumn<int>("heads");
    QTest::addColumn<int>("d");
    QTest::addColumn<int>("lq");
    QTest::addColumn<int>("lk");
    QTest::newRow("self 64x64 level") << 2 << 40 << 4096 << 4096;
    QTest::newRow("cross 32x32 level") << 8 << 80 << 1024 << 77;
    QTest::newRow("self 8x8 level") << 8 << 160 << 64 << 64;
    QTest::newRow("vae mid block") << 1 << 512 << 256 << 256;
    QTest::newRow("odd sizes") << 3 << 13 << 71 << 300;
}

/// A random [2, heads, length, d] view of [2, length, heads * d] in `dtype`, as the layers split it.
inline at::Tensor random_heads(int heads, int d, int length, at::ScalarType dtype = at::kFloat)
{
    return at::randn({2, length, heads * d}).to(dtype).view({2, length, heads, d}).transpose(1, 2);
}

} // namespace eikona::testing
