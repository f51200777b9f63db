#include "models/clip_text_model.h"

#include <ATen/Functions.h>
#include <torch/nn/modules/container/modulelist.h>

#include <cmath>
#include <limits>

namespace eikona::models {

ClipEncoderLayerImpl::ClipEncoderLayerImpl(const ClipTextConfig& config) : heads(config.num_attention_heads)
{
    const auto hidden = config.hidden_size;
    auto self_attn = register_module("self_attn", std::make_shared<torch::nn::Module>());
    q_proj = self_attn->register_module("q_proj", Linear(hidden, hidden));
    k_proj = self_attn->register_module("k_proj", Linear(hidden, hidden));
    v_proj = self_attn->register_module("v_proj", Linear(hidden, hidden));
    out_proj = self_attn->register_module("out_proj", Linear(hidden, hidden));
    layer_norm1 = register_module("layer_norm1", LayerNorm(hidden, config.layer_norm_eps));
    auto mlp = register_module("mlp", std::make_shared<torch::nn::Module>());
    fc1 = mlp->register_module("fc1", Linear(hidden, config.intermediate_size));
    fc2 = mlp->register_module("fc2", Linear(config.intermediate_size, hidden));
    layer_norm2 = register_module("layer_norm2", LayerNorm(hidden, config.layer_norm_eps));
}

at::Tensor ClipEncoderLayerImpl::forward(const at::Tensor& x, const at::Tensor& mask)
{
    const auto batch = x.size(0), length = x.size(1), hidden = x.size(2);
    const auto head_dim = hidden / heads;
    // [B, L, hidden] -> [B * heads, L, d]
    const auto split = [&](const at::Tensor& t) {
        return t.view({batch, length, heads, head_dim})
            .transpose(1, 2)
            .reshape({batch * heads, length, head_dim});
    };
    const auto h = layer_norm1(x);
    const auto q = split(q_proj(h).mul_(1.0 / std::sqrt(static_cast<double>(head_dim))));
    const auto k = split(k_proj(h));
    const auto v = split(v_proj(h));
    const auto weights = at::bmm(q, k.transpose(1, 2)).add_(mask).softmax(-1);
    auto attended = at::bmm(weights, v)
                        .view({batch, heads, length, head_dim})
                        .transpose(1, 2)
                        .reshape({batch, length, hidden});
    auto residual = out_proj(attended).add_(x);

    // quick_gelu(x) = x * sigmoid(1.702 x)
    auto inner = fc1(layer_norm2(residual));
    inner = inner * at::sigmoid(inner * 1.702);
    return fc2(inner).add_(residual);
}

ClipTextModelImpl::ClipTextModelImpl(const ClipTextConfig& config) : m_config(config)
{
    auto text_model = register_module("text_model", std::make_shared<torch::nn::Module>());
    auto embeddings = text_model->register_module("embeddings", std::make_shared<torch::nn::Module>());
    token_embedding =
        embeddings->register_module("token_embedding", Embedding(config.vocab_size, config.hidden_size));
    position_embedding = embeddings->register_module(
        "position_embedding", Embedding(config.max_position_embeddings, config.hidden_size));
    auto encoder = text_model->register_module("encoder", std::make_shared<torch::nn::Module>());
    torch::nn::ModuleList layer_list;
    for (std::int64_t i = 0; i < config.num_hidden_layers; ++i) {
        layers.emplace_back(config);
        layer_list->push_back(layers.back());
    }
    encoder->register_module("layers", layer_list);
    final_layer_norm =
        text_model->register_module("final_layer_norm", LayerNorm(config.hidden_size, config.layer_norm_eps));
}

at::Tensor ClipTextModelImpl::forward(const at::Tensor& ids, std::vector<at::Tensor>* hidden_states)
{
    const auto length = ids.size(1);
    const auto positions = at::arange(length, at::TensorOptions().dtype(at::kLong).device(ids.device()));
    auto x = token_embedding(ids).add_(position_embedding(positions).unsqueeze(0));
    // Causal mask: a token sees itself and those before it. transformers fills with the
    // dtype's lowest value rather than -inf.
    const double fill = x.scalar_type() == at::kFloat ? std::numeric_limits<float>::lowest()
                                                      : -std::numeric_limits<double>::infinity();
    const auto mask = at::full({length, length}, fill, x.options()).triu_(1);
    if (hidden_states)
        hidden_states->push_back(x);
    for (auto& layer : layers) {
        x = layer(x, mask);
        if (hidden_states)
            hidden_states->push_back(x);
    }
    return final_layer_norm(x);
}

} // namespace eikona::models
