#include "models/autoencoder_tiny.h"

#include "io/model_folder.h"
#include "models/weights.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>
#include <torch/nn/modules/container/modulelist.h>

namespace eikona::models {

TinyBlockImpl::TinyBlockImpl(std::int64_t channels)
{
    conv_0 = Conv2d(channels, channels, 3, 1, 1);
    conv_2 = Conv2d(channels, channels, 3, 1, 1);
    conv_4 = Conv2d(channels, channels, 3, 1, 1);
    register_module("conv", torch::nn::ModuleList(conv_0, Placeholder(), conv_2, Placeholder(), conv_4));
}

at::Tensor TinyBlockImpl::forward(const at::Tensor& x)
{
    auto h = conv_0(x);
    h.relu_();
    h = conv_2(h);
    h.relu_();
    h = conv_4(h);
    return h.add_(x).relu_();
}

TinyStackImpl::TinyStackImpl(Kind kind, const TaesdConfig& config)
    : m_upsampling(config.upsampling_scaling_factor)
{
    const auto channels = config.channels;
    const auto block = [&] { return Step{Step::Op::Block, nullptr, TinyBlock(channels)}; };
    const auto conv = [](std::int64_t in, std::int64_t out, std::int64_t stride, bool bias) {
        return Step{Step::Op::Convolution, Conv2d(in, out, 3, stride, 1, bias), nullptr};
    };
    if (kind == Kind::Encoder) {
        for (std::size_t i = 0; i < config.encoder_blocks.size(); ++i) {
            add(i == 0 ? conv(config.in_channels, channels, 1, true) : conv(channels, channels, 2, false));
            for (std::int64_t n = 0; n < config.encoder_blocks[i]; ++n)
                add(block());
        }
        add(conv(channels, config.latent_channels, 1, true));
    } else {
        add(conv(config.latent_channels, channels, 1, true));
        add({Step::Op::Relu});
        for (std::size_t i = 0; i < config.decoder_blocks.size(); ++i) {
            const bool last = i + 1 == config.decoder_blocks.size();
            for (std::int64_t n = 0; n < config.decoder_blocks[i]; ++n)
                add(block());
            if (!last)
                add({Step::Op::Upsample});
            add(conv(channels, last ? config.out_channels : channels, 1, last));
        }
    }
    register_module("layers", m_layers);
}

void TinyStackImpl::add(Step step)
{
    if (step.conv)
        m_layers->push_back(step.conv);
    else if (step.block)
        m_layers->push_back(step.block);
    else
        m_layers->push_back(Placeholder()); // ReLU and Upsample have no weights but hold an index
    m_steps.push_back(std::move(step));
}

at::Tensor TinyStackImpl::forward(at::Tensor x)
{
    for (auto& step : m_steps) {
        switch (step.op) {
        case Step::Op::Convolution:
            x = step.conv(x);
            break;
        case Step::Op::Relu:
            x = at::relu_(x);
            break;
        case Step::Op::Upsample:
            x = at::upsample_nearest2d(x, {x.size(2) * m_upsampling, x.size(3) * m_upsampling});
            break;
        case Step::Op::Block:
            x = step.block(x);
            break;
        }
    }
    return x;
}

AutoencoderTinyImpl::AutoencoderTinyImpl(const TaesdConfig& config)
{
    encoder = register_module("encoder", TinyStack(TinyStackImpl::Kind::Encoder, config));
    decoder = register_module("decoder", TinyStack(TinyStackImpl::Kind::Decoder, config));
}

at::Tensor AutoencoderTinyImpl::encode(const at::Tensor& image)
{
    // TAESD's convention is pixels in [0, 1].
    return encoder(image.add(1).div_(2));
}

at::Tensor AutoencoderTinyImpl::decode_unit(const at::Tensor& latents)
{
    // The reference's soft clamp of the latents to (-3, 3).
    return decoder(at::tanh(latents / 3).mul_(3));
}

at::Tensor AutoencoderTinyImpl::decode(const at::Tensor& latents)
{
    return decode_unit(latents).mul_(2).sub_(1);
}

at::Tensor AutoencoderTinyImpl::preview_rgb(const at::Tensor& latents)
{
    const c10::InferenceMode inference;
    const auto bias = decoder->parameters().front(); // the compute device and dtype
    const auto unit = decode_unit(latents.to(bias.device(), bias.scalar_type())).to(at::kFloat);
    // decode / 2 + 0.5 undoes the final * 2 - 1; done in float as the reference does.
    const auto image = unit.mul(2).sub_(1).div_(2).add_(0.5).clamp_(0, 1);
    return image.mul_(255).round_().to(at::kByte).permute({0, 2, 3, 1}).contiguous().cpu();
}

AutoencoderTiny load_taesd(const std::filesystem::path& folder)
{
    AutoencoderTiny model(TaesdConfig::from_json(io::read_json_file(folder / "config.json")));
    WeightLoadOptions options;
    options.dtype = at::kFloat;
    load_weights(*model, io::SafetensorsFile::open(folder / "diffusion_pytorch_model.safetensors"), options);
    model->eval();
    return model;
}

} // namespace eikona::models
