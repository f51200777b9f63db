// The window's side of render servers: the Render on field's servers, the model list that
// becomes the chosen server's checkpoints (asked for off this thread, remembered per server),
// what a job on a server says while it runs, and the held jobs tried again.

#include "main_window.h"

#include "generation_panel.h"
#include "job_queue.h"
#include "job_runner.h"
#include "model_registry.h"
#include "queue_panel.h"
#include "render_servers.h"
#include "render_target_field.h"
#include "server_probe.h"

#include <QStatusBar>

namespace eikona::ui {

void MainWindow::connectServers()
{
    m_probe = new backend::ServerProbe(this);
    connect(m_probe, &backend::ServerProbe::answered, this, [this](const backend::ServerProbeResult& result) {
        m_serverAnswers.insert(result.url, result);
        if (result.error.isEmpty())
            backend::RenderServers().rememberCheckpoints(result.url, result.checkpoints);
        if (result.url == m_panel->job().server) {
            showModelsForTarget();
            updateComputeLabel();
        }
    });
    connect(m_panel, &GenerationPanel::targetChanged, this, [this](const QString&) {
        showModelsForTarget();
        updateComputeLabel();
    });
    connect(m_runner, &backend::JobRunner::serverStatus, this,
            [this](qint64, const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(m_queuePanel, &QueuePanel::retryRequested, m_runner, &backend::JobRunner::retryHeld);
    refreshServers();
}

void MainWindow::refreshServers()
{
    const auto servers = backend::RenderServers().list();
    QHash<QString, QString> names;
    for (const auto& server : servers)
        names.insert(server.url.toString(), server.name);
    m_queue->setServerNames(names);
    bool onServers = !servers.isEmpty();
    for (int row = 0; row < m_queue->size(); ++row)
        onServers = onServers || m_queue->job(row).onServer();
    m_queuePanel->setTargetColumnVisible(onServers);
    m_serverAnswers.clear(); // an address or token may have changed: ask again
    m_panel->setServers(servers);
    showModelsForTarget();
    updateComputeLabel();
}

void MainWindow::showModelsForTarget()
{
    const auto target = m_panel->job().server;
    if (target.isEmpty()) {
        reloadModels();
        return;
    }
    // Until it answers, or when it does not, the checkpoints it had when it last answered: a job
    // for it can still be queued, and waits (held) until the server is back.
    const backend::RenderServers servers;
    const auto answer = m_serverAnswers.constFind(target);
    if (answer == m_serverAnswers.constEnd()) {
        m_panel->setModels(servers.checkpoints(target));
        m_probe->probe(target, servers.token(target));
        return;
    }
    m_panel->setModels(answer->error.isEmpty() ? answer->checkpoints : servers.checkpoints(target));
}

QString MainWindow::serverProblem(const QString& target) const
{
    const auto answer = m_serverAnswers.constFind(target);
    if (answer == m_serverAnswers.constEnd())
        return QStringLiteral("the server's checkpoints are still being read");
    if (!answer->error.isEmpty())
        return answer->error;
    return answer->checkpoints.isEmpty() ? QStringLiteral("the server has no checkpoints") : QString();
}

} // namespace eikona::ui
