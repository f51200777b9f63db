#pragma once
// One loaded model on one device, ready to make pictures. Loading takes seconds to minutes;
// keep the session and run many jobs on it. Not thread-safe: one job at a time, on the thread
// that runs it (the GUI's worker thread, or the CLI's main thread).

#include "generation_types.h"

#include <QString>

#include <memory>

namespace eikona::backend {

struct ModelLoadOptions {
    QString device = QStringLiteral("auto"); ///< auto | cpu | cuda | mps
    QString dtype = QStringLiteral("auto");  ///< auto | fp32 | fp16 | bf16
    /// One job, then the process ends (the CLI): the last run frees the UNet's packed kernels
    /// and owned weights before its decode, out of the peak; a second job is refused. The app
    /// keeps them warm for the next job.
    bool oneShot = false;
};

class GenerationSession {
  public:
    /// Opens a diffusers-layout folder or an SD 1.x single-file .safetensors checkpoint. Throws
    /// GenerationError naming what is wrong (bad device or dtype, missing or broken files, a
    /// pickle file refused).
    static std::unique_ptr<GenerationSession> open(const QString& model,
                                                   const ModelLoadOptions& options = {});
    ~GenerationSession();

    /// "CPU, fp32" — and on the CPU it is said plainly.
    QString computeDescription() const;
    bool onCpu() const;
    /// The A1111 label of the model's own scheduler, and its CLI id.
    QString defaultSampler() const;
    /// "stable-diffusion-v1-5" for a hub snapshot, else the folder's name or the file's without
    /// its extension.
    QString modelName() const;
    /// "ORG/NAME@<commit>" for a hub snapshot: exactly which weights made a picture (written
    /// into its parameters as "Model source"); empty for local models.
    QString modelSource() const;
    /// First 10 hex digits of the UNet weights' SHA-256 (read from the hub's blob name when it
    /// is one; hashed once and remembered otherwise).
    QString modelHash() const;

    /// Loads TAESD from `folder` (a diffusers AutoencoderTiny folder, as the hub's
    /// madebyollin/taesd) for full-size live previews and draft decodes; an empty folder drops
    /// it. Returns why it could not be loaded (the session then goes on without it), else "".
    QString setPreviewDecoder(const QString& folder);
    /// The TAESD folder in use; empty: previews are the latents' colours, no drafts.
    QString previewDecoder() const;

    /// Pays the first step's extra cost ahead (weights faulted in and packed, kernels built)
    /// for jobs of this size and batch with guidance: their first step then runs at the steady
    /// rate. Takes about two steady steps; nothing when this size is warm already (a job or a
    /// warm-up ran at it). Returns whether it ran. Throws GenerationError (out of memory).
    bool warmUp(int width, int height, int batchSize);
    bool isWarm(int width, int height, int batchSize) const;

    /// Runs every batch of the request. Throws GenerationError (bad request, out of memory)
    /// or GenerationCancelled; images finished before a cancel reached onImage already.
    QList<GeneratedImage> generate(const GenerationRequest& request,
                                   const GenerationCallbacks& callbacks = {});

    /// How many sessions are open in this process (two models must never be loaded at once).
    static int openSessions();

  private:
    GenerationSession();
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// The job's float outputs in one safetensors file: `image` float32 [B, H, W, 3] in [0, 1]
/// and `latents` float32 [B, 4, H/8, W/8] (diffusers' output_type "np" and "latent").
/// Throws GenerationError when the images differ in size or the file cannot be written.
void writeFloatOutputs(const QString& path, const QList<GeneratedImage>& images);

/// Every sampler's CLI id, in the table's order.
QStringList samplerIds();
/// A1111's label of a sampler id ("dpmpp_2m_karras" -> "DPM++ 2M Karras"); the id when unknown.
QString samplerLabel(const QString& id);

} // namespace eikona::backend
