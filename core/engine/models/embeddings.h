#pragma once
// Ports of diffusers' models/embeddings.py: get_timestep_embedding and TimestepEmbedding.

#include "models/layers.h"

namespace eikona::models {

/// Sinusoidal embedding of timesteps: [B] (int or float) -> [B, dim] float32; sin half first,
/// or cos half first when flip_sin_to_cos (SD 1.5).
at::Tensor timestep_embedding(const at::Tensor& timesteps, std::int64_t dim, bool flip_sin_to_cos,
                              double downscale_freq_shift, double max_period = 10000.0);

/// linear_1 -> SiLU -> linear_2.
class TimestepEmbeddingImpl : public torch::nn::Module {
  public:
    TimestepEmbeddingImpl(std::int64_t in_channels, std::int64_t time_embed_dim);
    at::Tensor forward(const at::Tensor& x);

    Linear linear_1{nullptr}, linear_2{nullptr};
};
TORCH_MODULE(TimestepEmbedding);

} // namespace eikona::models
