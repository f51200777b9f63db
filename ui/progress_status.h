#pragma once
// The status bar's account of the running job: a bar over all its runs and steps, and
// "Step 5/20 · 1.25 s/it · 0:18 left" (or what it is doing before the first step).

#include "generation_types.h"
#include "generation_worker.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace eikona::ui {

class ProgressStatus final : public QWidget {
    Q_OBJECT

  public:
    explicit ProgressStatus(QWidget* parent = nullptr);

    void preparing();
    void loadingModel(const QString& model);
    void starting();
    /// No job yet: the model is being readied for a picture of this size.
    void warmingUp(int width, int height);
    /// ...and is ready: the next job's first step is a quick one.
    void ready();
    void step(const backend::GenerationProgress& progress);
    void finished(backend::JobOutcome outcome);
    /// The queue ran dry: the bar goes.
    void idle();
    QString text() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    QProgressBar* m_bar;
    QLabel* m_label;
};

} // namespace eikona::ui
