#include "io/weight_loader.h"

#include <algorithm>
#include <sstream>
#include <unordered_set>

namespace eikona::io {
namespace {

template <typename T, typename Name>
void describe_list(std::ostringstream& out, const char* what, const std::vector<T>& items, std::size_t shown,
                   Name name)
{
    if (items.empty())
        return;
    if (out.tellp() > 0)
        out << "; ";
    out << items.size() << ' ' << what << " (";
    for (std::size_t i = 0; i < std::min(shown, items.size()); ++i)
        out << (i ? ", " : "") << name(items[i]);
    if (items.size() > shown)
        out << ", ...";
    out << ')';
}

} // namespace

std::string WeightReport::describe(std::size_t shown) const
{
    std::ostringstream out;
    describe_list(out, "missing", missing, shown, [](const std::string& s) { return s; });
    describe_list(out, "unexpected", unexpected, shown, [](const std::string& s) { return s; });
    describe_list(out, "mis-shaped", mis_shaped, shown, [](const MisShapedTensor& m) {
        return m.name + " expected " + shape_to_string(m.expected) + " found " + shape_to_string(m.found);
    });
    return out.str();
}

WeightMismatchError::WeightMismatchError(const std::string& file, WeightReport report)
    : std::runtime_error("weights in " + file + " do not fit the network: " + report.describe()),
      m_report(std::move(report))
{
}

WeightReport compare_weights(const ShapeMap& found, const std::vector<ExpectedTensor>& expected,
                             const IgnorableKey& ignorable)
{
    WeightReport report;
    std::unordered_set<std::string_view> wanted;
    for (const auto& tensor : expected) {
        wanted.insert(tensor.name);
        const auto it = found.find(tensor.name);
        if (it == found.end())
            report.missing.push_back(tensor.name);
        else if (it->second != tensor.shape)
            report.mis_shaped.push_back({tensor.name, tensor.shape, it->second});
    }
    for (const auto& [name, shape] : found)
        if (!wanted.contains(name) && !(ignorable && ignorable(name)))
            report.unexpected.push_back(name);
    return report;
}

WeightReport compare_weights(const SafetensorsFile& file, const std::vector<ExpectedTensor>& expected,
                             const IgnorableKey& ignorable)
{
    ShapeMap found;
    for (const auto& info : file.tensors())
        found.emplace(info.name, info.shape);
    return compare_weights(found, expected, ignorable);
}

std::unordered_map<std::string, at::Tensor> load_weights(const SafetensorsFile& file,
                                                         const std::vector<ExpectedTensor>& expected,
                                                         const IgnorableKey& ignorable,
                                                         std::optional<at::ScalarType> dtype)
{
    auto report = compare_weights(file, expected, ignorable);
    if (!report.ok())
        throw WeightMismatchError(file.path().string(), std::move(report));
    std::unordered_map<std::string, at::Tensor> weights;
    weights.reserve(expected.size());
    for (const auto& tensor : expected) {
        auto stored = file.tensor(tensor.name);
        if (dtype && stored.scalar_type() != *dtype)
            stored = stored.to(*dtype);
        weights.emplace(tensor.name, std::move(stored));
    }
    return weights;
}

} // namespace eikona::io
