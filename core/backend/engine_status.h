#pragma once
// The engine's start-up state for the UI, without exposing torch.

#include <QString>

namespace eikona::backend {

/// Configures libtorch's threads (0 = one per core, or $EIKONA_THREADS) and returns the
/// line the app logs once and shows in its status bar.
QString configureEngine(int threads = 0);

/// "CPU, fp32" for a device and dtype choice ("auto" included) without loading anything;
/// an empty string with `error` set when this build or machine cannot run it.
QString describeComputeTarget(const QString& device, const QString& dtype, QString* error = nullptr);

/// Hands the engine's cached working memory (activations kept for the next step) back to
/// the system; the loaded weights stay. For when the queue runs dry.
void releaseCachedMemory();

} // namespace eikona::backend
