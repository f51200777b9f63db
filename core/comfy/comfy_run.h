#pragma once
// One job run on a ComfyUI server, start to finish: connected to its WebSocket first (so no
// event is missed), the init picture uploaded, the graph submitted under our client id, steps
// and previews passed on as they come, and the pictures fetched when the prompt is done. A
// WebSocket that drops (proxies and tunnels do) reconnects with back-off, and on reconnecting
// the prompt's record is read from /history, so a job that finished meanwhile is not lost.
// Blocks, running its own event loop (for the CLI and a worker thread).

#include "comfy_graph.h"
#include "comfy_http.h"
#include "comfy_messages.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>

namespace eikona::comfy {

class ComfyCancelled : public ComfyError {
  public:
    using ComfyError::ComfyError;
};

/// The server no longer knows the prompt (it restarted: its queue and history went with it).
class ComfyForgotten : public ComfyError {
  public:
    using ComfyError::ComfyError;
};

/// The run stopped waiting at ComfyRunCallbacks::leave; the prompt runs on, on the server.
class ComfyLeft : public ComfyError {
  public:
    using ComfyError::ComfyError;
};

struct ComfyRunCallbacks {
    std::function<void(const QString& promptId)> submitted;
    std::function<void(int step, int steps)> progress;
    std::function<void(const ComfyPreview& preview)> preview;
    /// The connection's state in words ("connection lost; reconnecting in 2 s").
    std::function<void(const QString& message)> status;
    /// Polled: true stops the job (interrupted when running, deleted when waiting).
    std::function<bool()> cancelled;
    /// Polled before `cancelled`: true stops waiting and leaves the job on the server, untouched
    /// (the app quits; resumeComfyJob picks it up on the next start). Throws ComfyLeft.
    std::function<bool()> leave;
};

struct ComfyRunOptions {
    int requestTimeoutMs = 15000;
    /// Back-off between reconnection attempts: doubles from the first to the last.
    int firstRetryMs = 1000;
    int lastRetryMs = 30000;
    /// The WebSocket's client id; ComfyUI sends a prompt's events and previews only to the client
    /// that submitted it, so a job picked up again after a restart connects under the id it was
    /// submitted with. Empty: a fresh one.
    QString clientId;
    /// Between looks at the prompt's record while it runs: a safety net for events that never
    /// came (a proxy that loses messages, a job resumed under another client id).
    int historyPollMs = 10000;
    /// Without the WebSocket for this long, the run ends with ComfyError (the prompt stays on
    /// the server; its id is in the message).
    int giveUpAfterMs = 5 * 60 * 1000;
};

struct ComfyRunResult {
    QString promptId;
    QList<QByteArray> images; ///< as the server saved them (PNG from SaveImage), in node order
};

/// Runs `job` on the server at `server`; `initPng` (for img2img) is uploaded first. Throws
/// ComfyError in words, ComfyCancelled when `callbacks.cancelled` said so.
ComfyRunResult runComfyJob(const QUrl& server, const QString& token, ComfyJob job, const QByteArray& initPng,
                           const ComfyRunCallbacks& callbacks, const ComfyRunOptions& options = {});

/// Picks up a prompt submitted earlier (by this process or one before a restart) and waits for
/// it as runComfyJob does: its pictures when it finished meanwhile or finishes now. Throws
/// ComfyForgotten when the server no longer knows it.
ComfyRunResult resumeComfyJob(const QUrl& server, const QString& token, const QString& promptId,
                              const ComfyRunCallbacks& callbacks, const ComfyRunOptions& options = {});

/// A new client id for ComfyRunOptions::clientId (32 hex digits).
QString newComfyClientId();

} // namespace eikona::comfy
