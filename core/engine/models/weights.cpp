#include "models/weights.h"

#include "models/layers.h"

#include <ATen/Functions.h>
#include <c10/core/GradMode.h>

#include <array>
#include <cstdint>
#include <set>

#include <sys/mman.h>
#include <unistd.h>

namespace eikona::models {
namespace {

} // namespace

void release_file_pages(const at::Tensor& tensor, PageRelease how)
{
    if (!tensor.defined() || !tensor.is_cpu() || !tensor.has_storage())
        return;
    const auto& data = tensor.storage().data_ptr();
    if (data.get_context() == data.get())
        return; // owned memory, not a view of a weight file
    // Whole pages inside the tensor only: a neighbour sharing an edge page keeps it.
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(tensor.data_ptr());
    const auto first = (begin + page - 1) / page * page;
    const auto last = (begin + tensor.nbytes()) / page * page;
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif
    if (last > first)
        ::madvise(reinterpret_cast<void*>(first), last - first,
                  how == PageRelease::PageOut ? MADV_PAGEOUT : MADV_DONTNEED);
}

std::vector<io::ExpectedTensor> expected_tensors(torch::nn::Module& module)
{
    std::vector<io::ExpectedTensor> expected;
    for (const auto& item : module.named_parameters(/*recurse=*/true))
        expected.push_back({item.key(), item.value().sizes().vec()});
    for (const auto& item : module.named_buffers(/*recurse=*/true))
        expected.push_back({item.key(), item.value().sizes().vec()});
    return expected;
}

void load_weights(torch::nn::Module& module, const io::SafetensorsFile& file,
                  const WeightLoadOptions& options)
{
    const auto expected = expected_tensors(module);
    std::map<std::string_view, const std::vector<std::int64_t>*, std::less<>> expected_shape;
    for (const auto& tensor : expected)
        expected_shape.emplace(tensor.name, &tensor.shape);
    // Module name -> stored key, and the shapes as the module will see them.
    std::map<std::string, std::string, std::less<>> stored_key;
    io::ShapeMap found;
    std::vector<std::string> duplicates;
    for (const auto& info : file.tensors()) {
        auto shape = info.shape;
        std::string name = info.name;
        if (options.rename) {
            if (auto renamed = options.rename(info.name)) {
                name = std::move(*renamed);
                // A 1x1 convolution kernel stored for what the network has as a linear layer.
                const auto wanted = expected_shape.find(name);
                if (shape.size() == 4 && shape[2] == 1 && shape[3] == 1 && wanted != expected_shape.end() &&
                    wanted->second->size() == 2)
                    shape.resize(2);
            }
        }
        if (!stored_key.emplace(name, info.name).second) {
            duplicates.push_back(info.name); // both the legacy and the current name are present
            continue;
        }
        found.emplace(name, std::move(shape));
    }
    auto report = io::compare_weights(found, expected, options.ignorable);
    report.unexpected.insert(report.unexpected.end(), duplicates.begin(), duplicates.end());
    if (!report.ok())
        throw io::WeightMismatchError(file.path().string(), std::move(report));

    std::set<std::string, std::less<>> packable;
    if (options.keep_stored != KeepStored::Nothing)
        for (const auto& item : module.named_modules()) {
            const auto* layer = item.value().get();
            if (dynamic_cast<const LinearImpl*>(layer) || dynamic_cast<const Conv2dImpl*>(layer))
                packable.insert(item.key().empty() ? std::string("weight") : item.key() + ".weight");
        }

    const c10::NoGradGuard no_grad;
    auto assign = [&](const std::string& name, at::Tensor& target) {
        auto tensor = file.tensor(stored_key.at(name));
        if (tensor.dim() != target.dim())
            tensor = tensor.view(target.sizes());
        if (options.dtype && tensor.scalar_type() != *options.dtype && !packable.contains(name)) {
            const auto stored = tensor;
            tensor = tensor.to(*options.dtype);
            // The file's copy is not needed again: its pages must not stay resident beside the
            // converted one (bf16 from an fp16 file peaked at the two together).
            release_file_pages(stored);
        }
        target.set_data(tensor);
    };
    for (auto& item : module.named_parameters(true))
        assign(item.key(), item.value());
    for (auto& item : module.named_buffers(true))
        assign(item.key(), item.value());
}

void release_mapped_pages(torch::nn::Module& module)
{
    for (const auto& item : module.named_parameters(true))
        release_file_pages(item.value());
    for (const auto& item : module.named_buffers(true))
        release_file_pages(item.value());
}

void release_owned_weights(torch::nn::Module& module)
{
    const c10::NoGradGuard no_grad;
    const auto release = [](at::Tensor& tensor) {
        if (!tensor.defined() || !tensor.has_storage())
            return;
        const auto& data = tensor.storage().data_ptr();
        if (data.get_context() != data.get())
            return; // a view of a weight file: its pages go back with release_mapped_pages
        tensor.set_data(at::empty({0}, tensor.options()));
    };
    for (auto& item : module.named_parameters(true))
        release(item.value());
    for (auto& item : module.named_buffers(true))
        release(item.value());
}

io::NamedTensors named_tensors(torch::nn::Module& module)
{
    io::NamedTensors tensors;
    for (const auto& item : module.named_parameters(true))
        tensors.emplace_back(item.key(), item.value());
    for (const auto& item : module.named_buffers(true))
        tensors.emplace_back(item.key(), item.value());
    return tensors;
}

std::optional<std::string> legacy_vae_attention_name(std::string_view key)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> renames{
        {{"query", "to_q"}, {"key", "to_k"}, {"value", "to_v"}, {"proj_attn", "to_out.0"}}};
    constexpr std::string_view marker = ".attentions.0.";
    const auto at = key.find(marker);
    if (at == std::string_view::npos || !key.substr(0, at).ends_with("mid_block"))
        return std::nullopt;
    const auto rest = key.substr(at + marker.size()); // "query.weight"
    for (const auto& [legacy, current] : renames) {
        if (rest.starts_with(legacy) && rest.size() > legacy.size() && rest[legacy.size()] == '.')
            return std::string(key.substr(0, at + marker.size())) + std::string(current) +
                   std::string(rest.substr(legacy.size()));
    }
    return std::nullopt;
}

bool is_clip_position_ids(std::string_view key)
{
    return key == "text_model.embeddings.position_ids";
}

} // namespace eikona::models
