#pragma once
// Loading a component's weights against the exact set of names and shapes its network
// expects: every expected tensor present with its shape, nothing unexpected left over.

#include "io/safetensors.h"

#include <ATen/core/Tensor.h>

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace eikona::io {

struct ExpectedTensor {
    std::string name;
    std::vector<std::int64_t> shape;
};

struct MisShapedTensor {
    std::string name;
    std::vector<std::int64_t> expected;
    std::vector<std::int64_t> found;
};

struct WeightReport {
    std::vector<std::string> missing;
    std::vector<std::string> unexpected;
    std::vector<MisShapedTensor> mis_shaped;

    bool ok() const { return missing.empty() && unexpected.empty() && mis_shaped.empty(); }
    /// "3 missing (a, b, c), 1 unexpected (d), ..." with at most `shown` names per list.
    std::string describe(std::size_t shown = 5) const;
};

class WeightMismatchError : public std::runtime_error {
  public:
    WeightMismatchError(const std::string& file, WeightReport report);
    const WeightReport& report() const { return m_report; }

  private:
    WeightReport m_report;
};

/// Keys a file may hold that are not weights of the network (e.g. buffers older library
/// versions saved); each caller lists its own, with the reason.
using IgnorableKey = std::function<bool(std::string_view name)>;

using ShapeMap = std::map<std::string, std::vector<std::int64_t>, std::less<>>;

WeightReport compare_weights(const ShapeMap& found, const std::vector<ExpectedTensor>& expected,
                             const IgnorableKey& ignorable = {});
WeightReport compare_weights(const SafetensorsFile& file, const std::vector<ExpectedTensor>& expected,
                             const IgnorableKey& ignorable = {});

/// The expected tensors, as stored (backed by the mapping) when `dtype` matches the stored
/// type or is undefined, else converted. Throws WeightMismatchError when the report is not ok.
std::unordered_map<std::string, at::Tensor> load_weights(const SafetensorsFile& file,
                                                         const std::vector<ExpectedTensor>& expected,
                                                         const IgnorableKey& ignorable = {},
                                                         std::optional<at::ScalarType> dtype = std::nullopt);

} // namespace eikona::io
