#pragma once
// Helpers shared by the parity tests: golden files, the tiny model, the tolerance rule.

#include "io/model_folder.h"
#include "io/safetensors.h"

#include <ATen/Functions.h>

#include <QTest>

#include <cstdio>
#include <filesystem>

namespace eikona::testing {

inline const std::filesystem::path k_data = EIKONA_TEST_DATA;
inline const std::filesystem::path k_tiny_model = k_data / "tiny-sd15";

inline io::SafetensorsFile golden(const char* name)
{
    return io::SafetensorsFile::open(k_data / "golden" / (std::string(name) + ".safetensors"));
}

/// The fixture's rule |actual - expected| <= atol + rtol * |expected|, elementwise. Prints the
/// observed maximum error either way.
inline bool close_to(const at::Tensor& actual, const at::Tensor& expected, double atol, double rtol,
                     const char* what)
{
    if (actual.sizes() != expected.sizes()) {
        std::fprintf(stderr, "  %s: shape mismatch\n", what);
        return false;
    }
    const auto a = actual.to(at::kDouble), e = expected.to(at::kDouble);
    const auto error = (a - e).abs();
    const double max_error = error.max().item<double>();
    const bool ok = (error <= (e.abs() * rtol + atol)).all().item<bool>();
    std::printf("  %-40s max |error| %.3g %s\n", what, max_error, ok ? "" : "(OUT OF TOLERANCE)");
    return ok;
}

} // namespace eikona::testing

#define EIKONA_COMPARE_CLOSE(actual, expected, atol, rtol, what)                                             \
    QVERIFY2(eikona::testing::close_to((actual), (expected), (atol), (rtol), (what)), (what))
