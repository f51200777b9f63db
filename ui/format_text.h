#pragma once
// Sizes and durations as people read them, in the window's locale.

#include <QString>

namespace eikona::ui {

/// "2.1 GB", "340 MB" (decimal units, as download sizes are given).
QString formatBytes(qint64 bytes);
/// "0:42", "12:05", "1:02:03".
QString formatDuration(double seconds);

} // namespace eikona::ui
