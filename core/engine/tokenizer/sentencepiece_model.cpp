#include "tokenizer/sentencepiece_model.h"

#include "build_paths.h"
#include "tokenizer/clip_tokenizer.h"
#include "tokenizer/sentencepiece_shim.h"

#include <cstdlib>
#include <mutex>

#include <dlfcn.h>

namespace eikona::tokenizer {
namespace {

// The module's own symbols first (RTLD_DEEPBIND), so its protobuf never meets libtorch's.
// AddressSanitizer refuses deep binding; its builds (the torch-free sanitizer tests, where no
// libtorch is loaded) open the module without it.
#if defined(__SANITIZE_ADDRESS__) // GCC
#define EIKONA_ADDRESS_SANITIZER 1
#elif defined(__has_feature) // clang
#if __has_feature(address_sanitizer)
#define EIKONA_ADDRESS_SANITIZER 1
#endif
#endif
#ifdef EIKONA_ADDRESS_SANITIZER
constexpr int k_module_flags = RTLD_NOW | RTLD_LOCAL;
#else
constexpr int k_module_flags = RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND;
#endif

constexpr const char* k_module_name = "libeikona_sentencepiece.so";

struct Module {
    EikonaSpmLoadFn load = nullptr;
    EikonaSpmFreeFn free = nullptr;
    EikonaSpmEncodeFn encode = nullptr;
    EikonaSpmPieceSizeFn piece_size = nullptr;
    EikonaSpmIdToPieceFn id_to_piece = nullptr;
    EikonaSpmPieceToIdFn piece_to_id = nullptr;
    EikonaSpmSpecialIdFn special_id = nullptr;
};

template <typename Fn> Fn symbol(void* handle, const char* name)
{
    void* address = ::dlsym(handle, name);
    if (!address)
        throw TokenizerError(std::string(k_module_name) + " lacks " + name);
    return reinterpret_cast<Fn>(address);
}

// Opened once for the process and never closed: the models it creates may live until exit.
const Module& module()
{
    static std::once_flag once;
    static Module loaded;
    static std::string failure;
    std::call_once(once, [] {
        std::string tried;
        void* handle = nullptr;
        for (const auto& candidate : sentencepiece_module_candidates()) {
            handle = ::dlopen(candidate.c_str(), k_module_flags);
            if (handle)
                break;
            tried += "\n  " + candidate.string() + ": " + ::dlerror();
        }
        if (!handle) {
            failure =
                std::string("cannot open ") + k_module_name + ", which runs the tokenizer's BPE:" + tried;
            return;
        }
        try {
            loaded.load = symbol<EikonaSpmLoadFn>(handle, "eikona_spm_load");
            loaded.free = symbol<EikonaSpmFreeFn>(handle, "eikona_spm_free");
            loaded.encode = symbol<EikonaSpmEncodeFn>(handle, "eikona_spm_encode");
            loaded.piece_size = symbol<EikonaSpmPieceSizeFn>(handle, "eikona_spm_piece_size");
            loaded.id_to_piece = symbol<EikonaSpmIdToPieceFn>(handle, "eikona_spm_id_to_piece");
            loaded.piece_to_id = symbol<EikonaSpmPieceToIdFn>(handle, "eikona_spm_piece_to_id");
            loaded.special_id = symbol<EikonaSpmSpecialIdFn>(handle, "eikona_spm_special_id");
        } catch (const TokenizerError& error) {
            failure = error.what();
        }
    });
    if (!failure.empty())
        throw TokenizerError(failure);
    return loaded;
}

} // namespace

std::vector<std::filesystem::path> sentencepiece_module_candidates()
{
    std::vector<std::filesystem::path> candidates;
    if (const char* configured = std::getenv("EIKONA_SENTENCEPIECE_MODULE"); configured && *configured)
        candidates.emplace_back(configured);
    std::error_code error;
    const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        candidates.push_back(executable.parent_path() / k_module_name);
        candidates.push_back(executable.parent_path().parent_path() / "lib" / "eikona" / k_module_name);
    }
    candidates.emplace_back(EIKONA_SENTENCEPIECE_BUILD_PATH);
    return candidates;
}

struct SentencePieceModel::Impl {
    const Module* module = nullptr;
    EikonaSpm* model = nullptr;
    ~Impl()
    {
        if (model)
            module->free(model);
    }
};

SentencePieceModel::SentencePieceModel(std::unique_ptr<Impl> impl) : m_impl(std::move(impl))
{
}
SentencePieceModel::SentencePieceModel(SentencePieceModel&&) noexcept = default;
SentencePieceModel& SentencePieceModel::operator=(SentencePieceModel&&) noexcept = default;
SentencePieceModel::~SentencePieceModel() = default;

SentencePieceModel SentencePieceModel::load(const std::string& data, bool is_file, const std::string& what)
{
    const auto& m = module();
    char error[512] = {};
    EikonaSpm* model = m.load(data.data(), data.size(), is_file ? 1 : 0, error, sizeof error);
    if (!model)
        throw TokenizerError(what + ": sentencepiece refused it: " + error);
    auto impl = std::make_unique<Impl>();
    impl->module = &m;
    impl->model = model;
    return SentencePieceModel(std::move(impl));
}

SentencePieceModel SentencePieceModel::from_serialized(const std::string& proto)
{
    return load(proto, false, "in-memory model");
}

SentencePieceModel SentencePieceModel::from_file(const std::filesystem::path& path)
{
    return load(path.string(), true, path.string());
}

std::vector<int> SentencePieceModel::encode(std::string_view text) const
{
    std::vector<int> ids(text.size() + 8);
    for (;;) {
        const long n =
            m_impl->module->encode(m_impl->model, text.data(), text.size(), ids.data(), ids.size());
        if (n < 0)
            throw TokenizerError("sentencepiece could not encode a word");
        if (static_cast<std::size_t>(n) <= ids.size()) {
            ids.resize(static_cast<std::size_t>(n));
            return ids;
        }
        ids.resize(static_cast<std::size_t>(n));
    }
}

int SentencePieceModel::piece_size() const
{
    return m_impl->module->piece_size(m_impl->model);
}

std::string SentencePieceModel::id_to_piece(int id) const
{
    std::string piece(64, '\0');
    long n = m_impl->module->id_to_piece(m_impl->model, id, piece.data(), piece.size());
    if (n > static_cast<long>(piece.size())) {
        piece.resize(static_cast<std::size_t>(n));
        n = m_impl->module->id_to_piece(m_impl->model, id, piece.data(), piece.size());
    }
    piece.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
    return piece;
}

int SentencePieceModel::piece_to_id(std::string_view piece) const
{
    return m_impl->module->piece_to_id(m_impl->model, piece.data(), piece.size());
}

int SentencePieceModel::bos_id() const
{
    return m_impl->module->special_id(m_impl->model, 0);
}
int SentencePieceModel::eos_id() const
{
    return m_impl->module->special_id(m_impl->model, 1);
}
int SentencePieceModel::pad_id() const
{
    return m_impl->module->special_id(m_impl->model, 2);
}

} // namespace eikona::tokenizer
