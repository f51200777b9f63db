#pragma once
// A SentencePiece model, run by the sentencepiece library inside libeikona_sentencepiece
// (opened on first use; see sentencepiece_shim.h for why it is kept apart).

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eikona::tokenizer {

class SentencePieceModel {
  public:
    /// From a serialized ModelProto. Throws TokenizerError.
    static SentencePieceModel from_serialized(const std::string& proto);
    /// From a `.model` file. Throws TokenizerError.
    static SentencePieceModel from_file(const std::filesystem::path& path);

    SentencePieceModel(SentencePieceModel&&) noexcept;
    SentencePieceModel& operator=(SentencePieceModel&&) noexcept;
    ~SentencePieceModel();

    std::vector<int> encode(std::string_view text) const;
    int piece_size() const;
    std::string id_to_piece(int id) const;
    /// The unknown id when there is no such piece.
    int piece_to_id(std::string_view piece) const;
    int bos_id() const;
    int eos_id() const;
    int pad_id() const;

  private:
    struct Impl;
    explicit SentencePieceModel(std::unique_ptr<Impl> impl);
    static SentencePieceModel load(const std::string& data, bool is_file, const std::string& what);
    std::unique_ptr<Impl> m_impl;
};

/// Where libeikona_sentencepiece is looked for: $EIKONA_SENTENCEPIECE_MODULE, next to the
/// executable, in ../lib/eikona, then the build tree.
std::vector<std::filesystem::path> sentencepiece_module_candidates();

} // namespace eikona::tokenizer
