#pragma once
// Prompt text to UNet conditioning, in the reference's way (each prompt padded/truncated to 77
// tokens) or A1111's: emphasis weights applied to the token embeddings (then the mean
// restored), and prompts longer than 75 tokens (or with BREAK) encoded in 75-token chunks,
// each with its own start and end tokens, concatenated along the tokens.

#include "models/clip_text_model.h"
#include "tokenizer/clip_tokenizer.h"

#include <string>
#include <vector>

namespace eikona::pipeline {

enum class PromptSyntax { Plain, A1111 };
enum class LongPrompt { Truncate, Chunk };

struct PromptOptions {
    PromptSyntax syntax = PromptSyntax::Plain;
    LongPrompt long_prompt = LongPrompt::Truncate;
};

/// [n, 77 * chunks, hidden] for n prompts; every prompt gets as many chunks as the longest
/// (padding chunks encode the empty prompt), so conditional and unconditional batches stack.
/// `min_chunks` raises that count (for matching a negative batch to a positive one).
at::Tensor encode_prompt_batch(const tokenizer::ClipTokenizer& tokenizer, models::ClipTextModel& text_encoder,
                               const std::vector<std::string>& prompts, const PromptOptions& options,
                               std::int64_t min_chunks = 1);

} // namespace eikona::pipeline
