#include "pipeline/prompt_encoder.h"

#include "pipeline/prompt_parser.h"

#include <ATen/Functions.h>

namespace eikona::pipeline {
namespace {

// One chunk's content: at most 75 token ids with their weights.
struct Chunk {
    std::vector<int> ids;
    std::vector<float> weights;
};

std::vector<Chunk> chunk_prompt(const tokenizer::ClipTokenizer& tokenizer, const std::string& prompt,
                                const PromptOptions& options)
{
    const auto capacity = tokenizer.max_length() - 2;
    std::vector<PromptFragment> fragments;
    if (options.syntax == PromptSyntax::A1111)
        fragments = parse_prompt_attention(prompt);
    else
        fragments.push_back({prompt, 1.0, false});

    std::vector<Chunk> chunks(1);
    for (const auto& fragment : fragments) {
        if (fragment.is_break) {
            if (options.long_prompt == LongPrompt::Chunk)
                chunks.emplace_back();
            continue;
        }
        for (const int id : tokenizer.tokenize(fragment.text)) {
            if (chunks.back().ids.size() == capacity) {
                if (options.long_prompt == LongPrompt::Truncate)
                    break;
                chunks.emplace_back();
            }
            chunks.back().ids.push_back(id);
            chunks.back().weights.push_back(static_cast<float>(fragment.weight));
        }
    }
    return chunks;
}

// [1, 77, hidden] for one chunk, weights applied and the mean restored as A1111 does.
at::Tensor encode_chunk(const tokenizer::ClipTokenizer& tokenizer, models::ClipTextModel& text_encoder,
                        const Chunk& chunk)
{
    const auto length = static_cast<std::int64_t>(tokenizer.max_length());
    std::vector<std::int64_t> ids{tokenizer.bos_id()};
    std::vector<float> weights{1.0F};
    for (std::size_t i = 0; i < chunk.ids.size(); ++i) {
        ids.push_back(chunk.ids[i]);
        weights.push_back(chunk.weights[i]);
    }
    ids.push_back(tokenizer.eos_id());
    ids.resize(static_cast<std::size_t>(length), tokenizer.pad_id());
    weights.resize(static_cast<std::size_t>(length), 1.0F);
    const auto device = text_encoder->token_embedding->weight.device();
    auto z = text_encoder(at::tensor(ids, at::kLong).view({1, length}).to(device));
    if (std::any_of(weights.begin(), weights.end(), [](float w) { return w != 1.0F; })) {
        const auto original_mean = z.mean();
        z = z * at::tensor(weights, z.options()).view({1, length, 1});
        z = z * (original_mean / z.mean());
    }
    return z;
}

} // namespace

at::Tensor encode_prompt_batch(const tokenizer::ClipTokenizer& tokenizer, models::ClipTextModel& text_encoder,
                               const std::vector<std::string>& prompts, const PromptOptions& options,
                               std::int64_t min_chunks)
{
    std::vector<std::vector<Chunk>> all;
    std::size_t chunks = static_cast<std::size_t>(std::max<std::int64_t>(1, min_chunks));
    for (const auto& prompt : prompts) {
        all.push_back(chunk_prompt(tokenizer, prompt, options));
        chunks = std::max(chunks, all.back().size());
    }
    std::vector<at::Tensor> rows;
    for (auto& prompt_chunks : all) {
        prompt_chunks.resize(chunks); // padding chunks are empty prompts
        std::vector<at::Tensor> encoded;
        for (const auto& chunk : prompt_chunks)
            encoded.push_back(encode_chunk(tokenizer, text_encoder, chunk));
        rows.push_back(at::cat(encoded, 1));
    }
    return at::cat(rows, 0);
}

} // namespace eikona::pipeline
