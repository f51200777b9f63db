#pragma once
// One queued piece of work: the request, the model it runs on and where its init image is.
// Jobs are written to disk as JSON (the queue survives quitting and crashes), so everything
// here is plain data; the init image is kept as a path and read by the worker, never by the
// window's thread.

#include "generation_types.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace eikona::backend {

struct GenerationJob {
    qint64 id = 0;             ///< unique within a queue, never reused
    QString model;             ///< a registry name, a diffusers folder or a single .safetensors file
    GenerationRequest request; ///< its initImage stays null: see initImagePath
    QString initImagePath;     ///< empty: txt2img
    /// A ComfyUI server's address (RenderServers::normalised); empty: this computer. On a
    /// server, `model` is one of its checkpoints.
    QString server;
    /// On a server, each picture is its own prompt: the pictures saved so far, and the prompt
    /// of the next one once it is queued there (with the client its events go to), so a
    /// restart of the app picks the job up where it was instead of making pictures twice.
    int picturesDone = 0;
    QString serverPromptId;
    QString serverClientId;

    bool isImg2Img() const;
    bool onServer() const { return !server.isEmpty(); }
};

QJsonObject toJson(const GenerationJob& job);
/// nullopt when the object is not a job this version can run (a field missing or of the wrong type).
std::optional<GenerationJob> jobFromJson(const QJsonObject& object);

} // namespace eikona::backend
