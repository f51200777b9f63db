// A model's tokenizer folder, as a stranger's download might hold it: vocab.json and
// merges.txt (split at the input's first NUL) are loaded and used, or refused with an error,
// never a crash.

#include "tokenizer/clip_tokenizer.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace fs = std::filesystem;
    static const fs::path folder = [] {
        auto path = fs::temp_directory_path() / ("eikona-fuzz-tokenizer-" + std::to_string(::getpid()));
        fs::create_directories(path);
        return path;
    }();
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto split = input.find('\0');
    const auto vocab = input.substr(0, split);
    const auto merges = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
    std::ofstream(folder / "vocab.json", std::ios::binary | std::ios::trunc)
        .write(vocab.data(), static_cast<std::streamsize>(vocab.size()));
    std::ofstream(folder / "merges.txt", std::ios::binary | std::ios::trunc)
        .write(merges.data(), static_cast<std::streamsize>(merges.size()));
    try {
        const auto tokenizer = eikona::tokenizer::ClipTokenizer::from_directory(folder);
        const auto ids =
            tokenizer.encode_padded("a photo of an astronaut riding a horse, (oil painting), ünïcödé 🐴");
        if (ids.size() != tokenizer.max_length())
            std::abort();
        for (const auto id : ids)
            if (id < 0 || static_cast<std::size_t>(id) >= tokenizer.vocab_size())
                std::abort();
        tokenizer.token_strings(ids);
    } catch (const std::exception&) {
    }
    return 0;
}
