#include "tokenizer/clip_tokenizer.h"

#include "io/model_folder.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/sentencepiece_bpe.h"
#include "tokenizer/sentencepiece_model.h"
#include "tokenizer/text_cleaner.h"

#include <nlohmann/json.hpp>
#include <unicode/regex.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <unordered_map>

namespace eikona::tokenizer {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_start_token = "<|startoftext|>";
constexpr std::string_view k_end_token = "<|endoftext|>";

[[noreturn]] void fail(const fs::path& path, const std::string& what)
{
    throw TokenizerError("tokenizer " + path.string() + ": " + what);
}

nlohmann::json read_json(const fs::path& path)
{
    try {
        return io::read_json_file(path);
    } catch (const io::ModelFolderError& error) {
        throw TokenizerError(error.what());
    }
}

// tokenizer_config.json writes special tokens either as a string or as {"content": ...}.
std::optional<std::string> token_text(const nlohmann::json& config, const char* key)
{
    const auto it = config.find(key);
    if (it == config.end())
        return std::nullopt;
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_object() && it->contains("content") && (*it)["content"].is_string())
        return (*it)["content"].get<std::string>();
    return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> read_merges(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path, "cannot open");
    std::vector<std::pair<std::string, std::string>> merges;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || (number == 1 && line.starts_with("#version")))
            continue;
        const auto space = line.find(' ');
        if (space == std::string::npos || space == 0 || space + 1 == line.size() ||
            line.find(' ', space + 1) != std::string::npos)
            fail(path, "line " + std::to_string(number) + " is not \"left right\"");
        merges.emplace_back(line.substr(0, space), line.substr(space + 1));
    }
    return merges;
}

const icu::RegexPattern& word_pattern()
{
    static const std::unique_ptr<icu::RegexPattern> pattern = [] {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error{};
        std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
            icu::UnicodeString::fromUTF8(
                R"(<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+)"),
            UREGEX_CASE_INSENSITIVE, parse_error, status));
        if (U_FAILURE(status))
            throw TokenizerError(std::string("cannot compile CLIP's word pattern: ") + u_errorName(status));
        return compiled;
    }();
    return *pattern;
}

} // namespace

std::vector<std::string> split_words(std::string_view cleaned_text)
{
    const auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(cleaned_text.data(), static_cast<std::int32_t>(cleaned_text.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(word_pattern().matcher(text, status));
    std::vector<std::string> words;
    while (U_SUCCESS(status) && matcher->find(status)) {
        std::string word;
        matcher->group(status).toUTF8String(word);
        words.push_back(std::move(word));
    }
    if (U_FAILURE(status))
        throw TokenizerError(std::string("word split failed: ") + u_errorName(status));
    return words;
}

struct ClipTokenizer::Impl {
    std::optional<SentencePieceModel> processor;
    bool native = false;    // a shipped .model: its ids are the vocabulary ids
    bool lower_case = true; // for native models: tokenizer_config's do_lower_case
    std::vector<std::string> tokens;
    std::unordered_map<std::string, int> special; // "<|startoftext|>" -> 49406, ...
    int bos = 0;
    int eos = 0;
    int pad = 0;
    std::size_t max_length = 77;

    void encode_words(std::string_view piece, std::vector<int>& ids) const;
    void encode_piece(std::string_view piece, std::vector<int>& ids) const;
};

void ClipTokenizer::Impl::encode_words(std::string_view text, std::vector<int>& ids) const
{
    if (native) {
        auto cleaned = collapse_whitespace(fix_text(text));
        if (lower_case)
            cleaned = to_lower(cleaned);
        const auto piece_ids = processor->encode(cleaned);
        ids.insert(ids.end(), piece_ids.begin(), piece_ids.end());
        return;
    }
    for (const auto& word : split_words(clean_prompt_text(text))) {
        if (const auto it = special.find(word); it != special.end()) {
            ids.push_back(it->second); // e.g. "<|ENDOFTEXT|>" after lower-casing
            continue;
        }
        const auto piece_ids = processor->encode(to_byte_level(word) + std::string(k_end_of_word_marker));
        // Piece 0 is <unk>; piece i + 1 is CLIP id i. CLIP's unknown token is its end token.
        for (const int piece_id : piece_ids)
            ids.push_back(piece_id > 0 ? piece_id - 1 : eos);
    }
}

// The reference first splits the prompt on the special tokens written literally in it
// (case-sensitive); they become their ids, the text between them is tokenized alone.
void ClipTokenizer::Impl::encode_piece(std::string_view text, std::vector<int>& ids) const
{
    while (!text.empty()) {
        std::size_t best = std::string_view::npos;
        std::string_view best_token;
        for (const auto& [token, id] : special) {
            const auto at = text.find(token);
            if (at < best || (at == best && token.size() > best_token.size())) {
                best = at;
                best_token = token;
            }
        }
        if (best == std::string_view::npos) {
            encode_words(text, ids);
            return;
        }
        encode_words(text.substr(0, best), ids);
        ids.push_back(special.at(std::string(best_token)));
        text.remove_prefix(best + best_token.size());
    }
}

ClipTokenizer::ClipTokenizer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl))
{
}
ClipTokenizer::ClipTokenizer(ClipTokenizer&&) noexcept = default;
ClipTokenizer& ClipTokenizer::operator=(ClipTokenizer&&) noexcept = default;
ClipTokenizer::~ClipTokenizer() = default;

ClipTokenizer ClipTokenizer::from_directory(const fs::path& directory)
{
    auto impl = std::make_unique<Impl>();
    std::error_code error;
    if (!fs::is_directory(directory, error))
        fail(directory, "is not a directory");

    nlohmann::json config = nlohmann::json::object();
    if (fs::is_regular_file(directory / "tokenizer_config.json", error)) {
        config = read_json(directory / "tokenizer_config.json");
        if (!config.is_object())
            fail(directory / "tokenizer_config.json", "is not a JSON object");
    }
    if (const auto it = config.find("model_max_length"); it != config.end() && it->is_number_unsigned()) {
        const auto length = it->get<std::uint64_t>();
        if (length < 2 || length > 4096)
            fail(directory / "tokenizer_config.json",
                 "model_max_length " + std::to_string(length) + " is out of range");
        impl->max_length = static_cast<std::size_t>(length);
    }

    const auto vocab_path = directory / "vocab.json";
    const auto merges_path = directory / "merges.txt";
    if (!fs::exists(vocab_path, error)) {
        // No CLIP vocabulary: a model that ships its own SentencePiece model.
        std::optional<fs::path> model_path;
        for (const auto& entry : fs::directory_iterator(directory, error))
            if (entry.path().extension() == ".model")
                model_path = entry.path();
        if (!model_path)
            fail(directory, "has neither vocab.json + merges.txt nor a SentencePiece .model");
        impl->processor = SentencePieceModel::from_file(*model_path);
        impl->native = true;
        if (const auto it = config.find("do_lower_case"); it != config.end() && it->is_boolean())
            impl->lower_case = it->get<bool>();
        else
            impl->lower_case = false;
        for (int id = 0; id < impl->processor->piece_size(); ++id)
            impl->tokens.push_back(impl->processor->id_to_piece(id));
        const auto id_of = [&](const char* key, int fallback) {
            const auto text = token_text(config, key);
            return text ? impl->processor->piece_to_id(*text) : fallback;
        };
        impl->bos = id_of("bos_token", impl->processor->bos_id());
        impl->eos = id_of("eos_token", impl->processor->eos_id());
        impl->pad =
            id_of("pad_token", impl->processor->pad_id() >= 0 ? impl->processor->pad_id() : impl->eos);
        for (const int id : {impl->bos, impl->eos})
            if (id >= 0)
                impl->special.emplace(impl->tokens[static_cast<std::size_t>(id)], id);
        return ClipTokenizer(std::move(impl));
    }

    const auto vocab = read_json(vocab_path);
    if (!vocab.is_object() || vocab.empty())
        fail(vocab_path, "is not a JSON object of token -> id");
    impl->tokens.resize(vocab.size());
    for (const auto& [token, id] : vocab.items()) {
        if (!id.is_number_unsigned() || id.get<std::uint64_t>() >= vocab.size())
            fail(vocab_path,
                 "token \"" + token + "\" has an id outside 0.." + std::to_string(vocab.size() - 1));
        auto& slot = impl->tokens[id.get<std::size_t>()];
        if (!slot.empty())
            fail(vocab_path, "id " + id.dump() + " is used twice");
        slot = token;
    }
    const auto id_of = [&](std::string_view token) -> int {
        const auto it = vocab.find(std::string(token));
        if (it == vocab.end())
            fail(vocab_path, "has no \"" + std::string(token) + "\"");
        return it->get<int>();
    };
    impl->bos = id_of(token_text(config, "bos_token").value_or(std::string(k_start_token)));
    impl->eos = id_of(token_text(config, "eos_token").value_or(std::string(k_end_token)));
    impl->pad = id_of(token_text(config, "pad_token").value_or(std::string(k_end_token)));
    for (const int id : {impl->bos, impl->eos, impl->pad})
        impl->special.emplace(impl->tokens[static_cast<std::size_t>(id)], id);

    BpeVocabulary bpe;
    bpe.tokens = impl->tokens;
    bpe.merges = read_merges(merges_path);
    for (const auto& [token, id] : impl->special)
        bpe.special_tokens.push_back(token);
    try {
        impl->processor = SentencePieceModel::from_serialized(build_sentencepiece_bpe_model(bpe));
    } catch (const TokenizerError& refused) {
        fail(directory, std::string("the BPE model built from vocab.json + merges.txt: ") + refused.what());
    }
    return ClipTokenizer(std::move(impl));
}

std::vector<int> ClipTokenizer::tokenize(std::string_view prompt) const
{
    std::vector<int> ids;
    m_impl->encode_piece(prompt, ids);
    return ids;
}

std::vector<int> ClipTokenizer::encode(std::string_view prompt) const
{
    std::vector<int> ids{m_impl->bos};
    m_impl->encode_piece(prompt, ids);
    ids.push_back(m_impl->eos);
    return ids;
}

std::vector<int> ClipTokenizer::encode_padded(std::string_view prompt) const
{
    auto ids = encode(prompt);
    if (ids.size() > m_impl->max_length) {
        ids.resize(m_impl->max_length);
        ids.back() = m_impl->eos;
    }
    ids.resize(m_impl->max_length, m_impl->pad);
    return ids;
}

std::vector<std::string> ClipTokenizer::token_strings(const std::vector<int>& ids) const
{
    std::vector<std::string> strings;
    strings.reserve(ids.size());
    for (const int id : ids)
        strings.push_back(id >= 0 && static_cast<std::size_t>(id) < m_impl->tokens.size()
                              ? m_impl->tokens[static_cast<std::size_t>(id)]
                              : std::string("<invalid>"));
    return strings;
}

int ClipTokenizer::bos_id() const
{
    return m_impl->bos;
}
int ClipTokenizer::eos_id() const
{
    return m_impl->eos;
}
int ClipTokenizer::pad_id() const
{
    return m_impl->pad;
}
std::size_t ClipTokenizer::max_length() const
{
    return m_impl->max_length;
}
std::size_t ClipTokenizer::vocab_size() const
{
    return m_impl->tokens.size();
}

} // namespace eikona::tokenizer
