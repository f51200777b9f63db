// The window's side of the job runner: what it shows as jobs start, step, save pictures and
// end, and the status bar's progress and compute labels.

#include "main_window.h"
#include "main_window_menus.h"

#include "canvas_view.h"
#include "engine_status.h"
#include "generation_panel.h"
#include "job_queue.h"
#include "job_runner.h"
#include "picture_details.h"
#include "progress_status.h"
#include "render_target_field.h"
#include "servers_page.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>
#include <QThread>

namespace eikona::ui {

void MainWindow::connectRunner()
{
    connect(m_runner, &backend::JobRunner::jobStarted, this,
            [this](qint64, const backend::GenerationJob& job) {
                m_runningJob = job;
                clearError();
                m_progress->preparing();
                updateRunningState();
            });
    connect(m_runner, &backend::JobRunner::modelLoading, m_progress, &ProgressStatus::loadingModel);
    connect(m_runner, &backend::JobRunner::modelLoaded, this, [this] {
        if (m_runningJob)
            m_progress->starting();
    });
    connect(m_runner, &backend::JobRunner::warmingUp, this, [this](int width, int height) {
        if (!m_runningJob)
            m_progress->warmingUp(width, height);
    });
    connect(m_runner, &backend::JobRunner::warmedUp, this, [this] {
        if (!m_runningJob)
            m_progress->ready();
    });
    connect(m_runner, &backend::JobRunner::engineConfigured, this, [this] { updateComputeLabel(); });
    connect(m_runner, &backend::JobRunner::previewDecoderFailed, this, [this](const QString& detail) {
        statusBar()->showMessage(tr("Full-size previews are off: TAESD could not be loaded (%1)").arg(detail),
                                 15000);
    });
    connect(m_runner, &backend::JobRunner::progress, this, &MainWindow::onProgress);
    connect(m_runner, &backend::JobRunner::imageSaved, this,
            [this](qint64, const QString& path, const QImage& image,
                   const store::GenerationParameters& parameters) {
                m_results->addResult({path, image, parameters});
                m_results->selectNewest();
                m_canvas->showImage(image);
                m_panel->setLastSeed(parameters.seed);
                m_details->showPicture(path, parameters);
            });
    connect(m_runner, &backend::JobRunner::jobFinished, this,
            [this](qint64, backend::JobOutcome outcome, backend::ErrorKind kind, const QString& detail) {
                m_runningJob.reset();
                if (outcome == backend::JobOutcome::Failed)
                    showError(kind, detail);
                if (outcome == backend::JobOutcome::Cancelled && m_canvas->isPreview())
                    m_canvas->clear();
                m_progress->finished(outcome);
                updateRunningState();
            });
    connect(m_runner, &backend::JobRunner::idle, m_progress, &ProgressStatus::idle);
    connect(m_queue.get(), &backend::JobQueue::changed, this, &MainWindow::updateRunningState);
}

void MainWindow::onProgress(qint64, const backend::GenerationProgress& progress)
{
    m_progress->step(progress);
    const auto caption = tr("Step %1 / %2").arg(progress.step).arg(progress.steps);
    if (!progress.preview.isNull())
        m_canvas->showPreview(progress.preview, progress.previewScale, caption);
    else
        m_canvas->setPreviewCaption(caption);
}

QString MainWindow::progressText() const
{
    return m_progress->text();
}

void MainWindow::updateRunningState()
{
    const bool running = m_runner->runningJob().has_value();
    m_panel->setRunning(running);
    m_menus->cancel->setEnabled(running);
    const int waiting = m_queue->size() - (running ? 1 : 0);
    m_queueDock->setWindowTitle(waiting > 0 ? tr("Queue (%n waiting)", nullptr, waiting) : tr("Queue"));
}

void MainWindow::updateComputeLabel(const QString&)
{
    if (const auto server = m_panel->job().server; !server.isEmpty()) {
        const auto answer = m_serverAnswers.value(server);
        const auto name = m_panel->targetField()->targetName();
        if (!answer.error.isEmpty())
            m_computeLabel->setText(tr("On %1: no connection", "a render server").arg(name));
        else if (answer.version.isEmpty() && answer.devices.isEmpty())
            m_computeLabel->setText(tr("On %1", "a render server").arg(name));
        else
            m_computeLabel->setText(
                tr("On %1: %2", "a render server, what it runs on").arg(name, ServersPage::describe(answer)));
        m_computeLabel->setToolTip(
            answer.error.isEmpty()
                ? tr("Jobs run on the server %1; pictures are saved on this computer").arg(server)
                : answer.error);
        m_computeLabel->setAccessibleName(m_computeLabel->text());
        return;
    }
    QString error;
    const auto target = backend::describeComputeTarget(m_settings.device, m_settings.dtype, &error);
    const int threads = m_settings.threads > 0 ? m_settings.threads : QThread::idealThreadCount();
    m_computeLabel->setText(target.isEmpty()
                                ? tr("%1 is not available here", "a device").arg(m_settings.device.toUpper())
                                : tr("%1, %n thread(s)", nullptr, threads).arg(target));
    m_computeLabel->setToolTip(
        target.isEmpty() ? error : tr("Where and how pictures are computed (change it in Preferences)"));
    m_computeLabel->setAccessibleName(m_computeLabel->text());
}

} // namespace eikona::ui
