#pragma once
// What `generate` read from its flags, shared by the local run and the run on a server.

#include "generation_session.h"

#include <QString>

namespace eikona::cli {

struct GenerateOptions {
    QString model; ///< on a server: one of its checkpoints
    backend::GenerationRequest request;
    backend::ModelLoadOptions load;
    int threads = 0;
    QString initImage;
    QString out;
    QString saveFloat;
    bool gallery = true;
    QString server; ///< empty: this computer
    QString serverToken;
};

/// `generate --server URL`: the job on a ComfyUI server, saved here as a local job's pictures.
int generateOnServer(const GenerateOptions& options);

} // namespace eikona::cli
