#include "io/safetensors.h"

#include "io/mapped_file.h"

#include <ATen/Functions.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>

namespace eikona::io {
namespace {

constexpr std::string_view k_metadata_key = "__metadata__";

constexpr std::array<std::pair<DType, at::ScalarType>, 10> k_scalar_types{{
    {DType::F64, at::kDouble},
    {DType::F32, at::kFloat},
    {DType::F16, at::kHalf},
    {DType::BF16, at::kBFloat16},
    {DType::I64, at::kLong},
    {DType::I32, at::kInt},
    {DType::I16, at::kShort},
    {DType::I8, at::kChar},
    {DType::U8, at::kByte},
    {DType::Bool, at::kBool},
}};

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what)
{
    throw SafetensorsError("safetensors file " + path.string() + ": " + what);
}

[[noreturn]] void fail_key(const std::filesystem::path& path, std::string_view key, const std::string& what)
{
    fail(path, "tensor '" + std::string(key) + "': " + what);
}

} // namespace

at::ScalarType to_scalar_type(DType dtype)
{
    return k_scalar_types[static_cast<std::size_t>(dtype)].second;
}

DType from_scalar_type(at::ScalarType type)
{
    for (const auto& [dtype, scalar] : k_scalar_types)
        if (scalar == type)
            return dtype;
    throw SafetensorsError(std::string("safetensors cannot store tensors of type ") + c10::toString(type));
}

SafetensorsFile SafetensorsFile::open(const std::filesystem::path& path)
{
    SafetensorsFile file;
    file.m_path = path;
    try {
        file.m_mapping = MappedFile::open(path);
    } catch (const std::system_error& error) {
        fail(path, error.what());
    }
    file.m_header = parse_safetensors(path, file.m_mapping->data(), file.m_mapping->size());
    for (std::size_t i = 0; i < file.m_header.tensors.size(); ++i)
        file.m_index.emplace(file.m_header.tensors[i].name, i);
    return file;
}

const TensorInfo* SafetensorsFile::find(std::string_view name) const
{
    const auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &m_header.tensors[it->second];
}

at::Tensor SafetensorsFile::tensor(std::string_view name) const
{
    const TensorInfo* info = find(name);
    if (!info)
        fail_key(m_path, name, "no such tensor");
    const auto options = at::TensorOptions().dtype(to_scalar_type(info->dtype));
    if (info->begin == info->end)
        return at::empty(info->shape, options);
    auto* data = const_cast<std::uint8_t*>(m_mapping->data() + m_header.data_offset + info->begin);
    // Data offsets need not be aligned to the element size; kernels may assume they are.
    if (reinterpret_cast<std::uintptr_t>(data) % dtype_size(info->dtype) != 0) {
        auto copy = at::empty(info->shape, options);
        std::memcpy(copy.data_ptr(), data, info->end - info->begin);
        return copy;
    }
    auto keep_alive = m_mapping;
    return at::from_blob(
        data, info->shape, [keep_alive](void*) mutable { keep_alive.reset(); }, options);
}

void write_safetensors(const std::filesystem::path& path, const NamedTensors& tensors,
                       const std::map<std::string, std::string>& metadata)
{
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty())
        header[std::string(k_metadata_key)] = metadata;

    std::vector<at::Tensor> contiguous;
    contiguous.reserve(tensors.size());
    std::uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        if (name == k_metadata_key)
            fail(path, "a tensor cannot be called __metadata__");
        if (header.contains(name))
            fail_key(path, name, "appears twice");
        if (!tensor.defined())
            fail_key(path, name, "is undefined");
        DType dtype{};
        try {
            dtype = from_scalar_type(tensor.scalar_type());
        } catch (const SafetensorsError& error) {
            fail_key(path, name, error.what());
        }
        auto data = tensor.to(at::kCPU).contiguous();
        const std::uint64_t bytes = data.numel() * dtype_size(dtype);
        header[name] = {{"dtype", dtype_name(dtype)},
                        {"shape", tensor.sizes().vec()},
                        {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
        contiguous.push_back(std::move(data));
    }

    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    const std::uint64_t header_length = text.size();

    auto temporary = path;
    temporary += ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out)
            fail(path, "cannot create " + temporary.string() + ": " + std::strerror(errno));
        out.write(reinterpret_cast<const char*>(&header_length), 8);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        for (const auto& data : contiguous)
            out.write(static_cast<const char*>(data.data_ptr()),
                      static_cast<std::streamsize>(data.numel() * data.element_size()));
        out.flush();
        if (!out) {
            const std::string reason = std::strerror(errno);
            out.close();
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            fail(path, "write failed: " + reason);
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        fail(path, "cannot move the written file into place: " + error.message());
    }
}

} // namespace eikona::io
