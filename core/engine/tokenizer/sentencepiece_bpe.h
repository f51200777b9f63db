#pragma once
// CLIP's byte-level BPE expressed as a SentencePiece BPE model, built in memory from
// vocab.json + merges.txt (see ../shared/notes/clip-bpe-with-sentencepiece.md): identity
// normalizer; piece 0 <unk>; then one piece per vocabulary entry in id order, with the
// end-of-word suffix "</w>" written as U+E000; byte characters score 0, word-final byte
// characters +1 (CLIP starts from `x</w>`), merge k scores -k. SentencePiece merges the
// best-scoring adjacent pair, leftmost first: CLIP's lowest-rank-first rule.

#include <string>
#include <string_view>
#include <vector>

namespace eikona::tokenizer {

/// U+E000 in UTF-8: stands for CLIP's "</w>" inside the SentencePiece model.
inline constexpr std::string_view k_end_of_word_marker = "\xEE\x80\x80";

struct BpeVocabulary {
    std::vector<std::string> tokens;                         ///< CLIP token strings, index = id
    std::vector<std::pair<std::string, std::string>> merges; ///< in rank order
    std::vector<std::string> special_tokens;                 ///< never produced by merging
};

/// The serialized sentencepiece ModelProto. Piece i + 1 is vocabulary id i.
std::string build_sentencepiece_bpe_model(const BpeVocabulary& vocabulary);

} // namespace eikona::tokenizer
