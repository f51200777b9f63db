#pragma once
// Port of transformers' CLIPTextModel as SD 1.5 uses it: token + position embeddings, pre-LN
// transformer layers with causal self-attention and quick_gelu MLPs, final LayerNorm.

#include "models/configs.h"
#include "models/layers.h"

#include <vector>

namespace eikona::models {

class ClipEncoderLayerImpl : public torch::nn::Module {
  public:
    explicit ClipEncoderLayerImpl(const ClipTextConfig& config);
    /// x: [B, L, hidden], mask: [L, L] additive causal mask -> [B, L, hidden]
    at::Tensor forward(const at::Tensor& x, const at::Tensor& mask);

    Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};
    Linear fc1{nullptr}, fc2{nullptr};
    LayerNorm layer_norm1{nullptr}, layer_norm2{nullptr};
    std::int64_t heads;
};
TORCH_MODULE(ClipEncoderLayer);

class ClipTextModelImpl : public torch::nn::Module {
  public:
    explicit ClipTextModelImpl(const ClipTextConfig& config);
    /// ids: [B, L] int64 -> last hidden state [B, L, hidden] (after the final LayerNorm). When
    /// `hidden_states` is given it receives the embeddings and each layer's output.
    at::Tensor forward(const at::Tensor& ids, std::vector<at::Tensor>* hidden_states = nullptr);

    const ClipTextConfig& config() const { return m_config; }

    Embedding token_embedding{nullptr}, position_embedding{nullptr};
    std::vector<ClipEncoderLayer> layers;
    LayerNorm final_layer_norm{nullptr};

  private:
    ClipTextConfig m_config;
};
TORCH_MODULE(ClipTextModel);

} // namespace eikona::models
