#include "error_text.h"

namespace eikona::ui {

QString ErrorText::describe(backend::ErrorKind kind)
{
    switch (kind) {
    case backend::ErrorKind::BadRequest:
        return tr("These settings cannot be used: check the size, the steps and the strength.");
    case backend::ErrorKind::DeviceUnavailable:
        return tr("The device or precision chosen in Preferences is not available on this computer: choose "
                  "Automatic.");
    case backend::ErrorKind::ModelMissing:
        return tr("The model was not found. Choose another one, or add it with File ▸ Add a model folder….");
    case backend::ErrorKind::ModelBroken:
        return tr("The model could not be opened: its files are damaged, or it is not a Stable Diffusion 1.5 "
                  "model.");
    case backend::ErrorKind::OutOfMemory:
        return tr("Not enough memory for this picture: try a smaller size or batch.");
    case backend::ErrorKind::ImageUnreadable:
        return tr("The init image cannot be read: choose another picture.");
    case backend::ErrorKind::SaveFailed:
        return tr("The picture could not be saved: check that the pictures folder (Preferences) exists and "
                  "can be written to.");
    case backend::ErrorKind::ServerUnreachable:
        return tr("The render server cannot be reached: the job stays in the queue; start it again when the "
                  "server is back.");
    case backend::ErrorKind::ServerRefused:
        return tr("The render server refused the job: check its address and token in Preferences ▸ Servers.");
    case backend::ErrorKind::Failed:
        return tr("Something went wrong; the window is still usable.");
    }
    return tr("Something went wrong; the window is still usable.");
}

} // namespace eikona::ui
