#pragma once
// A job run on a ComfyUI server instead of this computer, seen by the CLI and the window as a
// local job is: the same request, progress with previews, pictures with their parameters
// (saying which server and checkpoint made them), the same errors and cancel. Each picture is
// its own prompt there, under the seed it would have here (seed + k), so any one can be made
// again alone; with a deterministic sampler it is the picture this computer would make.

#include "generation_types.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace eikona::backend {

struct ServerTarget {
    QUrl url;           ///< http(s)://HOST:PORT[/prefix]
    QString token;      ///< a bearer token for an authenticating proxy; empty: none
    QString checkpoint; ///< one of the server's checkpoints (its CheckpointLoaderSimple names)
};

/// ComfyUI's own default (euler on the normal schedule): deterministic, so the same seed gives
/// the same picture there and here.
QString defaultServerSampler();

/// Whether `samplerId` gives the same picture on a server as here for the same seed (it draws
/// no noise after the start); the others draw their noise the server's way.
bool sameOnServer(const QString& samplerId);

/// The picture as the server is sent it for img2img: scaled to cover the size and
/// centre-cropped, as this computer's img2img does.
QImage fitInitPicture(const QImage& picture, int width, int height);

struct ServerJobOptions {
    /// Picture `index` of the job was queued on the server as `promptId`, its events sent to
    /// the client `clientId` (the app records both, so a restart finds the job again).
    std::function<void(int index, const QString& promptId, const QString& clientId)> submitted;
    /// The connection's state in words ("the connection to ... was lost; reconnecting in 2 s").
    std::function<void(const QString& message)> status;
    /// Where the job starts: the pictures before it are saved already (a job picked up after a
    /// restart of the app), and the prompt of this one, when it was queued on the server
    /// before, is followed instead of sent again (under its client id). A prompt the server
    /// has forgotten (it restarted) is sent again.
    int startAt = 0;
    QString resumePromptId;
    QString resumeClientId;
    /// Polled: true stops waiting and leaves the picture being made on the server (the app
    /// quits; the queue has its prompt id for the next start). Throws GenerationCancelled.
    std::function<bool()> leave;
    /// ComfyRunOptions' bounds, shortened by the tests.
    int requestTimeoutMs = 15000;
    int firstRetryMs = 1000;
    int lastRetryMs = 30000;
    int giveUpAfterMs = 5 * 60 * 1000;
};

/// Runs `request` on the server: checks first that the server has the checkpoint and the
/// sampler (GenerationError BadRequest in words, nothing sent), then each picture in turn.
/// Throws GenerationError (ServerUnreachable: the server did not answer, the job can wait;
/// ServerRefused: it answered no, in its words) or GenerationCancelled; pictures finished
/// before reached onImage already.
QList<GeneratedImage> generateOnServer(const ServerTarget& target, const GenerationRequest& request,
                                       const GenerationCallbacks& callbacks,
                                       const ServerJobOptions& options = {});

} // namespace eikona::backend
