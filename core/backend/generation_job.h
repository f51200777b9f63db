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

    bool isImg2Img() const;
};

QJsonObject toJson(const GenerationJob& job);
/// nullopt when the object is not a job this version can run (a field missing or of the wrong type).
std::optional<GenerationJob> jobFromJson(const QJsonObject& object);

} // namespace eikona::backend
