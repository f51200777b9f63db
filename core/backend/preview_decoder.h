#pragma once
// TAESD, the tiny autoencoder that turns the latents of every step into a full-size preview:
// where it comes from (the hub repository diffusers users know) and whether it is here.

#include <QString>

namespace eikona::backend {

/// "madebyollin/taesd": the published TAESD for SD 1.x, a diffusers folder of about 10 MB.
QString previewDecoderRepo();

/// Its snapshot folder in the Hugging Face cache, when it holds config.json and the weights;
/// empty otherwise.
QString cachedPreviewDecoder();

} // namespace eikona::backend
