#include "progress_status.h"

#include "format_text.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace eikona::ui {

ProgressStatus::ProgressStatus(QWidget* parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_label(new QLabel(this))
{
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_bar->setMaximumWidth(260);
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_bar->hide();
    m_label->setObjectName(QStringLiteral("progressLabel"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label, 1);
    m_bar->setAccessibleName(tr("Progress"));
}

void ProgressStatus::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        m_bar->setAccessibleName(tr("Progress"));
    QWidget::changeEvent(event);
}

void ProgressStatus::preparing()
{
    m_bar->setRange(0, 0); // busy until the first step says how far
    m_bar->show();
    m_label->setText(tr("Preparing…"));
}

void ProgressStatus::loadingModel(const QString& model)
{
    m_label->setText(tr("Loading the model %1…").arg(model));
}

void ProgressStatus::starting()
{
    m_label->setText(tr("Starting…"));
}

void ProgressStatus::warmingUp(int width, int height)
{
    m_label->setText(tr("Getting the model ready for %1×%2…").arg(width).arg(height));
}

void ProgressStatus::ready()
{
    m_label->setText(tr("Ready."));
}

void ProgressStatus::step(const backend::GenerationProgress& progress)
{
    const int total = progress.runs * progress.steps;
    const int done = progress.run * progress.steps + progress.step;
    m_bar->setRange(0, std::max(1, total));
    m_bar->setValue(done);
    const double perStep = progress.step > 0 ? progress.elapsedSeconds / progress.step : 0;
    const auto rate = perStep >= 1 || perStep == 0
                          ? tr("%1 s/it").arg(QLocale().toString(perStep, 'f', 2))
                          : tr("%1 it/s").arg(QLocale().toString(1 / perStep, 'f', 2));
    const auto left = formatDuration(perStep * (total - done));
    m_label->setText(
        progress.runs > 1
            ? tr("Run %1/%2 · step %3/%4 · %5 · %6 left")
                  .arg(progress.run + 1)
                  .arg(progress.runs)
                  .arg(progress.step)
                  .arg(progress.steps)
                  .arg(rate, left)
            : tr("Step %1/%2 · %3 · %4 left").arg(progress.step).arg(progress.steps).arg(rate, left));
}

void ProgressStatus::finished(backend::JobOutcome outcome)
{
    m_label->setText(outcome == backend::JobOutcome::Done        ? tr("Done.")
                     : outcome == backend::JobOutcome::Cancelled ? tr("Cancelled.")
                                                                 : tr("Stopped by an error."));
}

void ProgressStatus::idle()
{
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_bar->hide();
}

QString ProgressStatus::text() const
{
    return m_label->text();
}

} // namespace eikona::ui
