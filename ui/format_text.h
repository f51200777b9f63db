#pragma once
// Sizes, dates and durations as people read them, in the window's locale.

#include "duration_text.h"

#include <QDateTime>
#include <QString>

namespace eikona::ui {

/// "2.1 GB", "340 MB" (decimal units, as download sizes are given).
QString formatBytes(qint64 bytes);
using backend::formatDuration;
/// A date and time, short: the locale's order with a four-digit year; Greek with the 24-hour
/// clock its readers use ("2/12/2026 17:05"), where CLDR gives a 12-hour one.
QString formatDateTime(const QDateTime& when);

} // namespace eikona::ui
