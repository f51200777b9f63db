#pragma once
// A duration as a clock reads it, shared by the CLI's progress bar and the window's ETA.

#include <QString>

namespace eikona::backend {

/// "0:42", "12:05", "1:02:03" (rounded to the second; negative counts as 0).
QString formatDuration(double seconds);

} // namespace eikona::backend
