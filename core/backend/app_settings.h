#pragma once
// The app's preferences (the Settings dialog's values), kept with QSettings.

#include "generation_worker.h"

#include <QString>

namespace eikona::backend {

struct AppSettings {
    QString device = QStringLiteral("auto");
    QString dtype = QStringLiteral("auto");
    int threads = 0;              ///< 0: one per core
    QString outputFolder;         ///< default: ~/Pictures/Eikona
    QString modelCache;           ///< the Hugging Face cache; default: what diffusers uses
    int previewEvery = 1;         ///< 0: no previews
    bool fullSizePreviews = true; ///< with TAESD, when it is in the model cache
    QString language;             ///< "el", "en"; empty: the system's

    static AppSettings load();
    void save() const;

    static QString defaultOutputFolder();
    /// Makes the model cache the one every hub call uses (HF_HUB_CACHE), as diffusers reads it.
    void applyModelCache() const;
    WorkerSettings workerSettings() const;

    bool operator==(const AppSettings&) const = default;
};

} // namespace eikona::backend
