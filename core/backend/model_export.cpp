#include "model_export.h"

#include "generation_types.h"
#include "io/model_folder.h"
#include "models/single_file.h"
#include "exception_text.h"

namespace eikona::backend {

void exportSingleFile(const QString& model, const QString& out)
{
    try {
        models::export_single_file(io::ModelFolder::open(model.toStdString()), out.toStdString());
    } catch (const std::exception& error) {
        throw GenerationError(exception_text(error));
    }
}

} // namespace eikona::backend
