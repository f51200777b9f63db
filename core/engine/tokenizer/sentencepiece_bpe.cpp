#include "tokenizer/sentencepiece_bpe.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace eikona::tokenizer {
namespace {

// Just enough of the protobuf wire format for sentencepiece_model.proto; the field numbers
// are those of that file.
class ProtoWriter {
  public:
    void varint(std::uint32_t field, std::uint64_t value)
    {
        key(field, 0);
        raw_varint(value);
    }
    void int32(std::uint32_t field, std::int32_t value)
    {
        // Negative int32 values are sign-extended to ten bytes, as protobuf does.
        varint(field, static_cast<std::uint64_t>(static_cast<std::int64_t>(value)));
    }
    void float32(std::uint32_t field, float value)
    {
        key(field, 5);
        char bytes[4];
        std::memcpy(bytes, &value, 4);
        m_out.append(bytes, 4);
    }
    void bytes(std::uint32_t field, std::string_view value)
    {
        key(field, 2);
        raw_varint(value.size());
        m_out.append(value);
    }
    const std::string& str() const { return m_out; }

  private:
    void key(std::uint32_t field, std::uint32_t wire_type) { raw_varint((field << 3) | wire_type); }
    void raw_varint(std::uint64_t value)
    {
        while (value >= 0x80) {
            m_out.push_back(static_cast<char>((value & 0x7F) | 0x80));
            value >>= 7;
        }
        m_out.push_back(static_cast<char>(value));
    }

    std::string m_out;
};

enum PieceType : std::uint32_t { k_normal = 1, k_unknown = 2, k_control = 3 };

std::string with_marker(const std::string& token)
{
    constexpr std::string_view suffix = "</w>";
    if (token.size() >= suffix.size() &&
        token.compare(token.size() - suffix.size(), suffix.size(), suffix) == 0)
        return token.substr(0, token.size() - suffix.size()) + std::string(k_end_of_word_marker);
    return token;
}

std::string piece(std::string_view text, float score, PieceType type)
{
    ProtoWriter p;
    p.bytes(1, text);    // SentencePiece.piece
    p.float32(2, score); // SentencePiece.score
    p.varint(3, type);   // SentencePiece.type
    return p.str();
}

} // namespace

std::string build_sentencepiece_bpe_model(const BpeVocabulary& vocabulary)
{
    std::unordered_map<std::string, float> scores;
    scores.reserve(vocabulary.merges.size());
    for (std::size_t rank = 0; rank < vocabulary.merges.size(); ++rank) {
        const auto& [left, right] = vocabulary.merges[rank];
        scores.try_emplace(with_marker(left + right), -static_cast<float>(rank));
    }

    ProtoWriter model;
    model.bytes(1, piece("<unk>", 0.0F, k_unknown));
    for (const auto& token : vocabulary.tokens) {
        const bool special = std::find(vocabulary.special_tokens.begin(), vocabulary.special_tokens.end(),
                                       token) != vocabulary.special_tokens.end();
        const auto text = with_marker(token);
        float score = 0.0F;
        if (const auto it = scores.find(text); it != scores.end())
            score = it->second;
        else if (text.size() > k_end_of_word_marker.size() && text.ends_with(k_end_of_word_marker))
            score = 1.0F; // a single byte character with "</w>"
        model.bytes(1, piece(text, score, special ? k_control : k_normal));
    }

    ProtoWriter trainer;
    trainer.varint(3, 2);  // model_type = BPE
    trainer.int32(40, 0);  // unk_id
    trainer.int32(41, -1); // bos_id: none; CLIP's are added by the tokenizer
    trainer.int32(42, -1); // eos_id
    trainer.int32(43, -1); // pad_id
    model.bytes(2, trainer.str());

    ProtoWriter normalizer;
    normalizer.bytes(1, "identity");
    normalizer.varint(3, 0); // add_dummy_prefix
    normalizer.varint(4, 0); // remove_extra_whitespaces
    normalizer.varint(5, 0); // escape_whitespaces
    model.bytes(3, normalizer.str());
    return model.str();
}

} // namespace eikona::tokenizer
