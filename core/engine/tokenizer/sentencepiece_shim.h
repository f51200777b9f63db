#pragma once
// The C interface of libeikona_sentencepiece, a small module around the sentencepiece
// library. Debian's libsentencepiece exports its own bundled copy of protobuf-lite, which
// clashes with the libprotobuf that libtorch loads (the process crashes before main() when
// both are in the global symbol scope). The engine therefore never links sentencepiece: it
// opens this module with RTLD_LOCAL | RTLD_DEEPBIND so each library keeps its own protobuf.

#include <cstddef>

extern "C" {

struct EikonaSpm;

/// Null on failure, with a message written to `error` (always NUL-terminated).
typedef EikonaSpm* (*EikonaSpmLoadFn)(const char* data, std::size_t size, int is_file, char* error,
                                      std::size_t error_size);
typedef void (*EikonaSpmFreeFn)(EikonaSpm* model);
/// Encodes UTF-8 text; writes up to `capacity` ids and returns how many there are (call again
/// with a larger buffer when that is more than `capacity`), or -1 on failure.
typedef long (*EikonaSpmEncodeFn)(const EikonaSpm* model, const char* text, std::size_t size, int* ids,
                                  std::size_t capacity);
typedef int (*EikonaSpmPieceSizeFn)(const EikonaSpm* model);
/// Copies piece `id` (UTF-8) into `out`; returns its length, or -1 for an invalid id.
typedef long (*EikonaSpmIdToPieceFn)(const EikonaSpm* model, int id, char* out, std::size_t capacity);
typedef int (*EikonaSpmPieceToIdFn)(const EikonaSpm* model, const char* piece, std::size_t size);
/// which: 0 bos, 1 eos, 2 pad, 3 unk.
typedef int (*EikonaSpmSpecialIdFn)(const EikonaSpm* model, int which);

} // extern "C"
