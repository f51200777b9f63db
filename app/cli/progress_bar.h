#pragma once
// A one-line progress bar on stderr: redrawn in place on a terminal, one line per update
// when stderr is a file or a pipe (logs stay readable).

#include "duration_text.h"
#include "generation_types.h"

#include <QString>

#include <chrono>
#include <optional>

namespace eikona::cli {

class ProgressBar {
  public:
    explicit ProgressBar(QString label);
    /// `done` of `total` units, timed from the bar's creation; `note` follows the bar.
    void update(double done, double total, const QString& note = {});
    /// The same with the elapsed time the work measured itself.
    void update(double done, double total, double elapsedSeconds, const QString& note);
    /// Ends the line (on a terminal).
    void finish();

  private:
    QString m_label;
    bool m_terminal = false;
    bool m_open = false;
    std::chrono::steady_clock::time_point m_start;
};

/// A job's steps as bars: a new bar for each run ("run 2/4 step", or `runWord` for what a run
/// is), ended on its last step.
class StepBars {
  public:
    explicit StepBars(QString runWord) : m_runWord(std::move(runWord)) {}
    void show(const backend::GenerationProgress& progress);
    /// Ends the open bar's line, before a message or at the end of the job.
    void finish();

  private:
    QString m_runWord;
    std::optional<ProgressBar> m_bar;
};

using backend::formatDuration;

/// tqdm's rate: "2.31 it/s" at one or more per second, else "4.20 s/it".
QString formatRate(double perSecond);

} // namespace eikona::cli
