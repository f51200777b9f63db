// libeikona_sentencepiece: see sentencepiece_shim.h for why this module exists.

#include "tokenizer/sentencepiece_shim.h"

#include <sentencepiece_processor.h>

#include <cstring>
#include <string>
#include <vector>

struct EikonaSpm {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

void copy_message(const std::string& message, char* out, std::size_t capacity)
{
    if (capacity == 0)
        return;
    const std::size_t n = std::min(message.size(), capacity - 1);
    std::memcpy(out, message.data(), n);
    out[n] = '\0';
}

} // namespace

#define EIKONA_SPM_EXPORT extern "C" __attribute__((visibility("default")))

EIKONA_SPM_EXPORT EikonaSpm* eikona_spm_load(const char* data, std::size_t size, int is_file, char* error,
                                             std::size_t error_size)
{
    try {
        auto model = new EikonaSpm;
        const std::string input(data, size);
        const auto status =
            is_file ? model->processor.Load(input) : model->processor.LoadFromSerializedProto(input);
        if (!status.ok()) {
            copy_message(status.ToString(), error, error_size);
            delete model;
            return nullptr;
        }
        return model;
    } catch (const std::exception& e) {
        copy_message(e.what(), error, error_size);
        return nullptr;
    }
}

EIKONA_SPM_EXPORT void eikona_spm_free(EikonaSpm* model)
{
    delete model;
}

EIKONA_SPM_EXPORT long eikona_spm_encode(const EikonaSpm* model, const char* text, std::size_t size, int* ids,
                                         std::size_t capacity)
{
    try {
        std::vector<int> result;
        if (!model->processor.Encode(std::string_view(text, size), &result).ok())
            return -1;
        std::memcpy(ids, result.data(), std::min(result.size(), capacity) * sizeof(int));
        return static_cast<long>(result.size());
    } catch (...) {
        return -1;
    }
}

EIKONA_SPM_EXPORT int eikona_spm_piece_size(const EikonaSpm* model)
{
    return model->processor.GetPieceSize();
}

EIKONA_SPM_EXPORT long eikona_spm_id_to_piece(const EikonaSpm* model, int id, char* out, std::size_t capacity)
{
    if (id < 0 || id >= model->processor.GetPieceSize())
        return -1;
    const std::string& piece = model->processor.IdToPiece(id);
    std::memcpy(out, piece.data(), std::min(piece.size(), capacity));
    return static_cast<long>(piece.size());
}

EIKONA_SPM_EXPORT int eikona_spm_piece_to_id(const EikonaSpm* model, const char* piece, std::size_t size)
{
    return model->processor.PieceToId(std::string_view(piece, size));
}

EIKONA_SPM_EXPORT int eikona_spm_special_id(const EikonaSpm* model, int which)
{
    switch (which) {
    case 0:
        return model->processor.bos_id();
    case 1:
        return model->processor.eos_id();
    case 2:
        return model->processor.pad_id();
    default:
        return model->processor.unk_id();
    }
}
