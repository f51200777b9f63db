#include "models/embeddings.h"

#include <ATen/Functions.h>

#include <cmath>

namespace eikona::models {

at::Tensor timestep_embedding(const at::Tensor& timesteps, std::int64_t dim, bool flip_sin_to_cos,
                              double downscale_freq_shift, double max_period)
{
    const auto half = dim / 2;
    auto exponent = at::arange(0, half, at::TensorOptions().dtype(at::kFloat).device(timesteps.device()))
                        .mul_(-std::log(max_period))
                        .div_(static_cast<double>(half) - downscale_freq_shift);
    const auto args = timesteps.to(at::kFloat).unsqueeze(1) * exponent.exp_().unsqueeze(0);
    auto embedding =
        flip_sin_to_cos ? at::cat({args.cos(), args.sin()}, -1) : at::cat({args.sin(), args.cos()}, -1);
    if (dim % 2 == 1)
        embedding = at::constant_pad_nd(embedding, {0, 1, 0, 0}, 0);
    return embedding;
}

TimestepEmbeddingImpl::TimestepEmbeddingImpl(std::int64_t in_channels, std::int64_t time_embed_dim)
{
    linear_1 = register_module("linear_1", Linear(in_channels, time_embed_dim));
    linear_2 = register_module("linear_2", Linear(time_embed_dim, time_embed_dim));
}

at::Tensor TimestepEmbeddingImpl::forward(const at::Tensor& x)
{
    return linear_2(at::silu(linear_1(x)));
}

} // namespace eikona::models
