#include "cli/progress_bar.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace eikona::cli {

QString formatRate(double perSecond)
{
    if (perSecond <= 0)
        return QStringLiteral("? it/s");
    if (perSecond >= 1)
        return QString::number(perSecond, 'f', 2) + QStringLiteral(" it/s");
    return QString::number(1 / perSecond, 'f', 2) + QStringLiteral(" s/it");
}

ProgressBar::ProgressBar(QString label)
    : m_label(std::move(label)), m_terminal(::isatty(STDERR_FILENO) == 1),
      m_start(std::chrono::steady_clock::now())
{
}

void ProgressBar::update(double done, double total, const QString& note)
{
    update(done, total, std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(),
           note);
}

void ProgressBar::update(double done, double total, double elapsed, const QString& note)
{
    constexpr int width = 30;
    const double fraction = total > 0 ? std::min(1.0, done / total) : 0;
    const auto filled = static_cast<int>(fraction * width);
    const double rate = elapsed > 0 ? done / elapsed : 0;
    const QString eta = rate > 0 ? formatDuration((total - done) / rate) : QStringLiteral("?");
    const QString line =
        QStringLiteral("%1 %2/%3 [%4%5] %6, elapsed %7, ETA %8%9")
            .arg(m_label)
            .arg(done)
            .arg(total)
            .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('.')))
            .arg(formatRate(rate), formatDuration(elapsed), eta,
                 note.isEmpty() ? QString() : QStringLiteral("  ") + note);
    if (m_terminal) {
        std::fprintf(stderr, "\r\033[K%s", qUtf8Printable(line));
        m_open = true;
    } else {
        std::fprintf(stderr, "%s\n", qUtf8Printable(line));
    }
    std::fflush(stderr);
}

void ProgressBar::finish()
{
    if (m_open)
        std::fputc('\n', stderr);
    m_open = false;
}

void StepBars::show(const backend::GenerationProgress& progress)
{
    if (progress.step == 1 || !m_bar)
        m_bar.emplace(
            progress.runs > 1
                ? QStringLiteral("%1 %2/%3 step").arg(m_runWord).arg(progress.run + 1).arg(progress.runs)
                : QStringLiteral("step"));
    m_bar->update(progress.step, progress.steps, progress.elapsedSeconds, {});
    if (progress.step == progress.steps)
        finish();
}

void StepBars::finish()
{
    if (m_bar)
        m_bar->finish();
}

} // namespace eikona::cli
