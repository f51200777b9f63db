#pragma once
// The CLIP tokenizer SD 1.5 uses (transformers' CLIPTokenizer with ftfy), with the BPE merges
// run by the sentencepiece library.

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace eikona::tokenizer {

class TokenizerError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class ClipTokenizer {
  public:
    /// Loads a tokenizer folder: vocab.json + merges.txt (+ tokenizer_config.json for the pad
    /// token and length), or a native SentencePiece `*.model` when the folder ships one.
    /// Throws TokenizerError naming the file.
    static ClipTokenizer from_directory(const std::filesystem::path& directory);

    ClipTokenizer(ClipTokenizer&&) noexcept;
    ClipTokenizer& operator=(ClipTokenizer&&) noexcept;
    ~ClipTokenizer();

    /// The content ids of a prompt, without start/end tokens, untruncated.
    std::vector<int> tokenize(std::string_view prompt) const;
    /// start, content, end: untruncated and unpadded.
    std::vector<int> encode(std::string_view prompt) const;
    /// Exactly max_length() ids: content truncated to max_length() - 2, end token kept,
    /// padded with the pad token. What the text encoder receives.
    std::vector<int> encode_padded(std::string_view prompt) const;
    /// The vocabulary strings of ids (CLIP's byte-level spelling, "</w>" included).
    std::vector<std::string> token_strings(const std::vector<int>& ids) const;

    int bos_id() const;
    int eos_id() const;
    int pad_id() const;
    std::size_t max_length() const;
    std::size_t vocab_size() const;

  private:
    struct Impl;
    explicit ClipTokenizer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// CLIP's pre-tokenization of cleaned text: the regex
/// `<|startoftext|>|<|endoftext|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+`.
std::vector<std::string> split_words(std::string_view cleaned_text);

} // namespace eikona::tokenizer
