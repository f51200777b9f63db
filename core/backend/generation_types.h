#pragma once
// What the UI and the CLI ask of the engine and get back: plain Qt value types, no torch.

#include "generation_parameters.h"

#include <QImage>
#include <QString>

#include <functional>
#include <optional>
#include <stdexcept>
#include <vector>

namespace eikona::backend {

/// What one job may ask for; beyond it a request is refused before anything runs (the counts
/// multiplied would overflow an int, the sizes need more memory than a desktop has).
struct RequestLimits {
    static constexpr int maxBatchSize = 64;
    static constexpr int maxBatchCount = 10000;
    static constexpr int maxSide = 4096; ///< width or height in pixels
    /// Each of the prompt and the negative prompt: ~5,000 CLIP tokens, 65 chunks of 77, far
    /// past any real prompt; a pasted book would otherwise be encoded chunk by chunk for hours.
    static constexpr int maxPromptCharacters = 20000;
};

struct GenerationRequest {
    QString prompt;
    QString negativePrompt;
    int steps = 25;
    double cfgScale = 7.5;
    quint64 seed = 0; ///< image k of the whole job uses seed + k
    int width = 512;
    int height = 512;
    QString sampler;  ///< CLI id ("euler_a"); empty: the model's own scheduler
    QImage initImage; ///< null: txt2img
    double strength = 0.75;
    int batchSize = 1;            ///< images per engine run
    int batchCount = 1;           ///< runs
    bool a1111Syntax = true;      ///< false: the reference's plain prompts
    bool chunkLongPrompts = true; ///< false: truncate at 77 tokens like the reference
    /// The final pictures decoded by TAESD instead of the VAE: much faster, a draft's quality
    /// (the parameters say "Draft: TAESD"). Needs the session's preview decoder.
    bool draft = false;
};

struct GeneratedImage {
    QImage image; ///< RGB888
    quint64 seed = 0;
    int index = 0; ///< within the whole job
    store::GenerationParameters parameters;
    std::vector<float> pixels;  ///< [H, W, 3] in [0, 1], as the engine made them (before 8-bit rounding)
    std::vector<float> latents; ///< [4, H/8, W/8]
};

struct GenerationProgress {
    int run = 0; ///< 0-based batch run
    int runs = 0;
    int step = 0; ///< 1-based within the run
    int steps = 0;
    double elapsedSeconds = 0; ///< within the run
    /// The run's first image as it forms; null on steps without one. From TAESD when the
    /// session has it (the picture's size), else the latents' colours (1/8 of it).
    QImage preview;
    int previewScale = 8; ///< the picture's size over the preview's: 1 or 8
};

struct GenerationCallbacks {
    std::function<void(const GenerationProgress&)> onProgress;
    std::function<bool()> shouldStop;
    std::function<void(const QString&)> onLog;
    std::function<void(const GeneratedImage&)> onImage; ///< each image as soon as its run ends
    int previewEvery = 1; ///< a preview every Nth step (and on the last); 0: none
    /// Fill GeneratedImage::pixels and ::latents (the float outputs; 3 MB a 512x512 picture).
    bool floatOutputs = true;
    /// Return every picture from generate() as well as handing it to onImage; a long job that
    /// saves each picture as it comes needs neither kept.
    bool returnImages = true;
};

/// What went wrong, so the window can say it in the user's language; the exception's what() is
/// the engine's English detail.
enum class ErrorKind {
    Failed,            ///< anything else the engine reports
    BadRequest,        ///< a request field the engine refuses (size, strength, steps, sampler)
    DeviceUnavailable, ///< the device or dtype asked for is not in this build or machine
    ModelMissing,      ///< no model at the path or name
    ModelBroken,       ///< files there, but not a model Eikona can open
    OutOfMemory,
    ImageUnreadable,   ///< the init image cannot be read
    SaveFailed,        ///< a finished picture could not be written
    ServerUnreachable, ///< the render server did not answer: the job can wait and go again
    ServerRefused,     ///< the render server answered no (a token, a checkpoint, a field)
};

class GenerationError : public std::runtime_error {
  public:
    explicit GenerationError(const std::string& detail, ErrorKind kind = ErrorKind::Failed);
    ErrorKind kind() const;

  private:
    ErrorKind m_kind;
};

/// The words of any error for a person: libtorch's C++ backtrace left out.
std::string errorText(const std::exception& error);

class GenerationCancelled : public std::runtime_error {
  public:
    GenerationCancelled() : std::runtime_error("generation cancelled") {}
};

} // namespace eikona::backend
