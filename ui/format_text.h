#pragma once
// Sizes and durations as people read them, in the window's locale.

#include "duration_text.h"

#include <QString>

namespace eikona::ui {

/// "2.1 GB", "340 MB" (decimal units, as download sizes are given).
QString formatBytes(qint64 bytes);
using backend::formatDuration;

} // namespace eikona::ui
