#include "io/safetensors_format.h"

#include "io/mapped_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <sstream>
#include <system_error>

static_assert(std::endian::native == std::endian::little,
              "safetensors data is little-endian; a big-endian host needs byte swapping");

namespace eikona::io {
namespace {

// The reference reader refuses headers above 100 MB; SD 1.5's largest has ~1,100 entries
// and ~150 KB.
constexpr std::uint64_t k_max_header_bytes = 100'000'000;
constexpr std::string_view k_metadata_key = "__metadata__";

struct DTypeRow {
    DType dtype;
    std::string_view name;
    std::size_t size;
};

constexpr std::array<DTypeRow, 10> k_dtypes{{
    {DType::F64, "F64", 8},
    {DType::F32, "F32", 4},
    {DType::F16, "F16", 2},
    {DType::BF16, "BF16", 2},
    {DType::I64, "I64", 8},
    {DType::I32, "I32", 4},
    {DType::I16, "I16", 2},
    {DType::I8, "I8", 1},
    {DType::U8, "U8", 1},
    {DType::Bool, "BOOL", 1},
}};

const DTypeRow& row(DType dtype)
{
    return k_dtypes[static_cast<std::size_t>(dtype)];
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what)
{
    throw SafetensorsError("safetensors file " + path.string() + ": " + what);
}

[[noreturn]] void fail_key(const std::filesystem::path& path, std::string_view key, const std::string& what)
{
    fail(path, "tensor '" + std::string(key) + "': " + what);
}

// Header values must be non-negative integers that fit in 64 bits; JSON doubles and
// negative numbers are refused rather than converted.
bool as_u64(const nlohmann::json& value, std::uint64_t& out)
{
    if (!value.is_number_unsigned())
        return false;
    out = value.get<std::uint64_t>();
    return true;
}

TensorInfo parse_entry(const std::filesystem::path& path, const std::string& key, const nlohmann::json& entry)
{
    if (!entry.is_object())
        fail_key(path, key, "header entry is not a JSON object");
    TensorInfo info;
    info.name = key;

    const auto dtype = entry.find("dtype");
    if (dtype == entry.end() || !dtype->is_string())
        fail_key(path, key, "missing or non-string \"dtype\"");
    const auto& dtype_text = dtype->get_ref<const std::string&>();
    const auto known = std::find_if(k_dtypes.begin(), k_dtypes.end(),
                                    [&](const DTypeRow& r) { return r.name == dtype_text; });
    if (known == k_dtypes.end())
        fail_key(path, key, "unsupported dtype \"" + dtype_text + "\"");
    info.dtype = known->dtype;

    const auto shape = entry.find("shape");
    if (shape == entry.end() || !shape->is_array())
        fail_key(path, key, "missing or non-array \"shape\"");
    // Element count with overflow checks: a hostile header may multiply to anything.
    std::uint64_t elements = 1;
    for (const auto& dim : *shape) {
        std::uint64_t d = 0;
        if (!as_u64(dim, d) || d > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail_key(path, key, "shape entries must be non-negative integers");
        if (d != 0 && elements > std::numeric_limits<std::uint64_t>::max() / d)
            fail_key(path, key, "shape " + shape->dump() + " overflows");
        elements *= d;
        info.shape.push_back(static_cast<std::int64_t>(d));
    }

    const auto offsets = entry.find("data_offsets");
    if (offsets == entry.end() || !offsets->is_array() || offsets->size() != 2 ||
        !as_u64((*offsets)[0], info.begin) || !as_u64((*offsets)[1], info.end))
        fail_key(path, key, "\"data_offsets\" must be two non-negative integers");
    if (info.end < info.begin)
        fail_key(path, key, "data_offsets end before they begin: " + offsets->dump());

    const std::uint64_t element_size = known->size;
    if (elements > std::numeric_limits<std::uint64_t>::max() / element_size ||
        elements * element_size != info.end - info.begin)
        fail_key(path, key,
                 "shape " + shape_to_string(info.shape) + " of " + dtype_text + " needs " +
                     (elements > std::numeric_limits<std::uint64_t>::max() / element_size
                          ? std::string("more than 2^64")
                          : std::to_string(elements * element_size)) +
                     " bytes but data_offsets give " + std::to_string(info.end - info.begin));
    return info;
}

} // namespace

std::string shape_to_string(const std::vector<std::int64_t>& shape)
{
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < shape.size(); ++i)
        out << (i ? ", " : "") << shape[i];
    out << ']';
    return out.str();
}

std::string_view dtype_name(DType dtype)
{
    return row(dtype).name;
}
std::size_t dtype_size(DType dtype)
{
    return row(dtype).size;
}

std::int64_t TensorInfo::numel() const
{
    std::int64_t n = 1;
    for (const auto d : shape)
        n *= d;
    return n;
}

SafetensorsIndex parse_safetensors(const std::filesystem::path& path, const std::uint8_t* bytes,
                                   std::uint64_t size)
{
    SafetensorsIndex file;
    file.file_size = size;

    if (size < 8)
        fail(path, "file is " + std::to_string(size) + " bytes, too small for a header length");
    std::uint64_t header_length = 0;
    std::memcpy(&header_length, bytes, 8);
    if (header_length > k_max_header_bytes)
        fail(path, "header length " + std::to_string(header_length) + " is absurd (the limit is " +
                       std::to_string(k_max_header_bytes) + ")");
    if (header_length > size - 8)
        fail(path, "header length " + std::to_string(header_length) + " runs past the end of the " +
                       std::to_string(size) + "-byte file (truncated?)");
    if (header_length < 2 || bytes[8] != '{')
        fail(path, "header is not a JSON object");

    const auto* header_begin = reinterpret_cast<const char*>(bytes + 8);
    const auto header = nlohmann::json::parse(header_begin, header_begin + header_length,
                                              /*cb=*/nullptr, /*allow_exceptions=*/false);
    if (header.is_discarded())
        fail(path, "header is not valid JSON");
    if (!header.is_object())
        fail(path, "header is not a JSON object");

    for (const auto& [key, value] : header.items()) {
        if (key == k_metadata_key) {
            if (!value.is_object())
                fail(path, "__metadata__ is not a JSON object");
            for (const auto& [meta_key, meta_value] : value.items()) {
                if (!meta_value.is_string())
                    fail(path, "__metadata__ value for '" + meta_key + "' is not a string");
                file.metadata.emplace(meta_key, meta_value.get<std::string>());
            }
            continue;
        }
        file.tensors.push_back(parse_entry(path, key, value));
    }

    // The data section must be exactly the tensors' byte ranges laid end to end: nothing
    // before, between or after them (the reference reader's rule), so no range overlaps
    // another or leaves the file.
    std::sort(file.tensors.begin(), file.tensors.end(), [](const auto& a, const auto& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    file.data_offset = 8 + header_length;
    const std::uint64_t data_size = size - file.data_offset;
    std::uint64_t expected_begin = 0;
    for (const auto& info : file.tensors) {
        if (info.begin != expected_begin)
            fail_key(path, info.name,
                     "data_offsets [" + std::to_string(info.begin) + ", " + std::to_string(info.end) + "] " +
                         (info.begin < expected_begin
                              ? "overlap the previous tensor"
                              : "leave a gap after byte " + std::to_string(expected_begin)));
        if (info.end > data_size)
            fail_key(path, info.name,
                     "data_offsets end at " + std::to_string(info.end) + ", past the " +
                         std::to_string(data_size) + "-byte data section (truncated?)");
        expected_begin = info.end;
    }
    if (expected_begin != data_size)
        fail(path,
             std::to_string(data_size - expected_begin) + " bytes after the last tensor belong to no tensor");

    return file;
}

SafetensorsIndex read_safetensors_index(const std::filesystem::path& path)
{
    std::shared_ptr<const MappedFile> mapping;
    try {
        mapping = MappedFile::open(path);
    } catch (const std::system_error& error) {
        fail(path, error.what());
    }
    return parse_safetensors(path, mapping->data(), mapping->size());
}

} // namespace eikona::io
