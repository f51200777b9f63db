// Single-file SD 1.x checkpoints: the key table against names of the original layout known
// from the CompVis code, every network name mapped to a distinct original key, the export
// of the tiny model, and a round trip that loads back to the same weights and the same pictures.

#include "golden.h"
#include "io/checkpoint_keys.h"
#include "models/single_file.h"
#include "models/weights.h"
#include "pipeline/generation.h"
#include "pipeline/stable_diffusion.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>

#include <QTemporaryDir>

#include <fstream>
#include <set>

using namespace eikona;

namespace {

namespace fs = std::filesystem;
using io::CheckpointComponent;

const fs::path k_defaults = EIKONA_RESOURCES "/sd15";

// Every name the networks of these configs have maps to a key of its component, no two alike.
void check_bijective(const models::ClipTextConfig& text, const models::UNetConfig& unet,
                     const models::VaeConfig& vae, std::size_t expected_total)
{
    const auto layout = models::checkpoint_layout(unet, vae);
    std::set<std::string> keys;
    std::size_t names = 0;
    const auto add = [&](torch::nn::Module& module, CheckpointComponent component) {
        for (const auto& tensor : models::expected_tensors(module)) {
            const auto key = io::original_checkpoint_key(component, tensor.name, layout);
            QCOMPARE(io::checkpoint_component_of(key), std::optional(component));
            keys.insert(key);
            ++names;
        }
    };
    models::ClipTextModel text_model(text);
    add(*text_model, CheckpointComponent::TextEncoder);
    models::UNet2DConditionModel unet_model(unet);
    add(*unet_model, CheckpointComponent::Unet);
    models::AutoencoderKL vae_model(vae);
    add(*vae_model, CheckpointComponent::Vae);
    QCOMPARE(names, expected_total);
    QCOMPARE(keys.size(), names);
}

// The weights in the tiny model's three files (not the text encoder's position_ids buffer).
std::size_t tiny_tensor_count()
{
    const auto folder = io::ModelFolder::open(testing::k_tiny_model);
    std::size_t count = 0;
    for (const char* component : {"text_encoder", "unet", "vae"}) {
        const auto file = io::SafetensorsFile::open(folder.weights_file(component));
        for (const auto& info : file.tensors())
            count += models::is_clip_position_ids(info.name) ? 0 : 1;
    }
    return count;
}

std::string original_key(CheckpointComponent component, const char* name)
{
    return io::original_checkpoint_key(component, name, io::CheckpointLayout{});
}

pipeline::Txt2ImgRequest small_request()
{
    pipeline::Txt2ImgRequest request;
    request.prompts = {"a lighthouse at dusk"};
    request.width = 64;
    request.height = 64;
    request.steps = 3;
    request.seed = 42;
    request.sampler = "euler_a";
    return request;
}

void compare_parameters(torch::nn::Module& a, torch::nn::Module& b)
{
    const auto left = models::named_tensors(a);
    const auto right = models::named_tensors(b);
    QCOMPARE(left.size(), right.size());
    for (std::size_t i = 0; i < left.size(); ++i) {
        QCOMPARE(left[i].first, right[i].first);
        QVERIFY2(at::equal(left[i].second, right[i].second), left[i].first.c_str());
    }
}

} // namespace

class TestSingleFile : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void keyTableMatchesTheOriginalLayout_data()
    {
        QTest::addColumn<int>("component");
        QTest::addColumn<QString>("diffusers");
        QTest::addColumn<QString>("original");
        const auto row = [](CheckpointComponent component, const char* diffusers, const char* original) {
            QTest::addRow("%s", diffusers) << static_cast<int>(component) << QString::fromLatin1(diffusers)
                                           << QString::fromLatin1(original);
        };
        using C = CheckpointComponent;
        row(C::Unet, "time_embedding.linear_1.weight", "model.diffusion_model.time_embed.0.weight");
        row(C::Unet, "time_embedding.linear_2.bias", "model.diffusion_model.time_embed.2.bias");
        row(C::Unet, "conv_in.weight", "model.diffusion_model.input_blocks.0.0.weight");
        row(C::Unet, "down_blocks.0.resnets.0.norm1.weight",
            "model.diffusion_model.input_blocks.1.0.in_layers.0.weight");
        row(C::Unet, "down_blocks.0.resnets.1.time_emb_proj.bias",
            "model.diffusion_model.input_blocks.2.0.emb_layers.1.bias");
        row(C::Unet, "down_blocks.1.resnets.0.conv_shortcut.weight",
            "model.diffusion_model.input_blocks.4.0.skip_connection.weight");
        row(C::Unet, "down_blocks.0.attentions.1.transformer_blocks.0.attn1.to_q.weight",
            "model.diffusion_model.input_blocks.2.1.transformer_blocks.0.attn1.to_q.weight");
        row(C::Unet, "down_blocks.2.downsamplers.0.conv.weight",
            "model.diffusion_model.input_blocks.9.0.op.weight");
        row(C::Unet, "down_blocks.3.resnets.1.conv2.weight",
            "model.diffusion_model.input_blocks.11.0.out_layers.3.weight");
        row(C::Unet, "mid_block.resnets.0.conv1.weight",
            "model.diffusion_model.middle_block.0.in_layers.2.weight");
        row(C::Unet, "mid_block.attentions.0.proj_in.weight",
            "model.diffusion_model.middle_block.1.proj_in.weight");
        row(C::Unet, "mid_block.resnets.1.norm2.bias",
            "model.diffusion_model.middle_block.2.out_layers.0.bias");
        row(C::Unet, "up_blocks.0.resnets.2.conv1.weight",
            "model.diffusion_model.output_blocks.2.0.in_layers.2.weight");
        row(C::Unet, "up_blocks.0.upsamplers.0.conv.weight",
            "model.diffusion_model.output_blocks.2.1.conv.weight");
        row(C::Unet, "up_blocks.1.attentions.2.transformer_blocks.0.ff.net.0.proj.weight",
            "model.diffusion_model.output_blocks.5.1.transformer_blocks.0.ff.net.0.proj.weight");
        row(C::Unet, "up_blocks.2.upsamplers.0.conv.bias",
            "model.diffusion_model.output_blocks.8.2.conv.bias");
        row(C::Unet, "up_blocks.3.attentions.2.proj_out.weight",
            "model.diffusion_model.output_blocks.11.1.proj_out.weight");
        row(C::Unet, "conv_norm_out.weight", "model.diffusion_model.out.0.weight");
        row(C::Unet, "conv_out.bias", "model.diffusion_model.out.2.bias");
        row(C::Vae, "encoder.conv_in.weight", "first_stage_model.encoder.conv_in.weight");
        row(C::Vae, "encoder.down_blocks.1.resnets.0.conv_shortcut.weight",
            "first_stage_model.encoder.down.1.block.0.nin_shortcut.weight");
        row(C::Vae, "encoder.down_blocks.2.downsamplers.0.conv.weight",
            "first_stage_model.encoder.down.2.downsample.conv.weight");
        row(C::Vae, "encoder.mid_block.resnets.1.norm2.weight",
            "first_stage_model.encoder.mid.block_2.norm2.weight");
        row(C::Vae, "encoder.mid_block.attentions.0.group_norm.bias",
            "first_stage_model.encoder.mid.attn_1.norm.bias");
        row(C::Vae, "encoder.mid_block.attentions.0.to_out.0.weight",
            "first_stage_model.encoder.mid.attn_1.proj_out.weight");
        row(C::Vae, "decoder.mid_block.attentions.0.to_k.bias",
            "first_stage_model.decoder.mid.attn_1.k.bias");
        row(C::Vae, "encoder.conv_norm_out.weight", "first_stage_model.encoder.norm_out.weight");
        row(C::Vae, "decoder.up_blocks.0.resnets.2.conv1.weight",
            "first_stage_model.decoder.up.3.block.2.conv1.weight");
        row(C::Vae, "decoder.up_blocks.1.upsamplers.0.conv.weight",
            "first_stage_model.decoder.up.2.upsample.conv.weight");
        row(C::Vae, "decoder.up_blocks.3.resnets.0.conv_shortcut.bias",
            "first_stage_model.decoder.up.0.block.0.nin_shortcut.bias");
        row(C::Vae, "quant_conv.weight", "first_stage_model.quant_conv.weight");
        row(C::Vae, "post_quant_conv.bias", "first_stage_model.post_quant_conv.bias");
        row(C::TextEncoder, "text_model.encoder.layers.11.mlp.fc2.weight",
            "cond_stage_model.transformer.text_model.encoder.layers.11.mlp.fc2.weight");
        row(C::TextEncoder, "text_model.final_layer_norm.bias",
            "cond_stage_model.transformer.text_model.final_layer_norm.bias");
    }

    void keyTableMatchesTheOriginalLayout()
    {
        QFETCH(int, component);
        QFETCH(QString, diffusers);
        QFETCH(QString, original);
        QCOMPARE(QString::fromStdString(
                     original_key(static_cast<CheckpointComponent>(component), qPrintable(diffusers))),
                 original);
    }

    void everyNameHasItsOwnKey()
    {
        // SD 1.5: 196 + 686 + 248 tensors (the counts of the real files), and the tiny model.
        check_bijective(models::ClipTextConfig::sd15(), models::UNetConfig::sd15(), models::VaeConfig::sd15(),
                        196 + 686 + 248);
        check_bijective(models::ClipTextConfig::tiny(), models::UNetConfig::tiny(), models::VaeConfig::tiny(),
                        tiny_tensor_count());
        QVERIFY(io::is_conv_stored_vae_projection("first_stage_model.decoder.mid.attn_1.proj_out.weight"));
        QVERIFY(!io::is_conv_stored_vae_projection("first_stage_model.decoder.mid.attn_1.proj_out.bias"));
        QVERIFY(!io::is_conv_stored_vae_projection("model.diffusion_model.middle_block.1.proj_out.weight"));
        QVERIFY(!io::checkpoint_component_of("model_ema.decay"));
        QVERIFY(!io::checkpoint_component_of("alphas_cumprod"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 original_key(CheckpointComponent::Unet, "down_blocks.0.mystery.weight"));
    }

    void exportWritesTheOriginalLayout()
    {
        QTemporaryDir dir;
        const fs::path out = dir.filePath(QStringLiteral("tiny.safetensors")).toStdString();
        models::export_single_file(io::ModelFolder::open(testing::k_tiny_model), out);
        const auto file = io::SafetensorsFile::open(out);
        QCOMPARE(file.tensors().size(), tiny_tensor_count());
        for (const auto& info : file.tensors())
            QVERIFY2(io::checkpoint_component_of(info.name).has_value(), info.name.c_str());
        const auto* projection = file.find("first_stage_model.decoder.mid.attn_1.q.weight");
        QVERIFY(projection);
        QCOMPARE(projection->shape.size(), std::size_t{4}); // a 1x1 convolution, as the original
        // Stored dtypes are kept: the tiny text encoder ships in fp16.
        QCOMPARE(file.find("cond_stage_model.transformer.text_model.final_layer_norm.weight")->dtype,
                 io::DType::F16);
        QVERIFY(file.metadata().contains("eikona.unet.config"));
    }

    void roundTripGivesTheSameWeightsAndPictures()
    {
        QTemporaryDir dir;
        const fs::path out = dir.filePath(QStringLiteral("tiny.safetensors")).toStdString();
        models::export_single_file(io::ModelFolder::open(testing::k_tiny_model), out);
        auto folder = pipeline::load_stable_diffusion(testing::k_tiny_model);
        auto single = pipeline::load_stable_diffusion(out, {}, k_defaults);
        compare_parameters(*folder.text_encoder, *single.text_encoder);
        compare_parameters(*folder.unet, *single.unet);
        compare_parameters(*folder.vae, *single.vae);
        QCOMPARE(single.scheduler_class, folder.scheduler_class);

        const c10::InferenceMode inference;
        const auto expected = pipeline::txt2img(folder, small_request());
        const auto actual = pipeline::txt2img(single, small_request());
        QVERIFY(at::equal(actual.latents_final, expected.latents_final));
        QVERIFY(at::equal(actual.image, expected.image));
    }

    void fileWithoutConfigsUsesTheDefaults()
    {
        // A shared checkpoint carries no configs: the defaults folder gives them. Tried with the
        // tiny model's configs as the defaults (the file strips its metadata), then with SD 1.5's,
        // which do not fit the tiny weights and say so.
        QTemporaryDir dir;
        const fs::path exported = dir.filePath(QStringLiteral("with.safetensors")).toStdString();
        models::export_single_file(io::ModelFolder::open(testing::k_tiny_model), exported);
        const auto with = io::SafetensorsFile::open(exported);
        io::NamedTensors tensors;
        // Older files name the text encoder's tensors without the "text_model." level.
        const std::string text_model = "cond_stage_model.transformer.text_model.";
        for (const auto& info : with.tensors()) {
            auto name = info.name;
            if (name.starts_with(text_model))
                name = "cond_stage_model.transformer." + name.substr(text_model.size());
            tensors.emplace_back(name, with.tensor(info.name));
        }
        // Shared files also carry things that are not these networks' weights.
        tensors.emplace_back("model_ema.decay", at::ones({1}));
        tensors.emplace_back("alphas_cumprod", at::ones({1000}));
        tensors.emplace_back("cond_stage_model.transformer.embeddings.position_ids",
                             at::arange(77, at::kLong).unsqueeze(0));
        const fs::path bare = dir.filePath(QStringLiteral("bare.safetensors")).toStdString();
        io::write_safetensors(bare, tensors, {{"format", "pt"}});

        const fs::path tiny_defaults = dir.filePath(QStringLiteral("tiny-defaults")).toStdString();
        fs::create_directories(tiny_defaults);
        fs::copy_file(testing::k_tiny_model / "model_index.json", tiny_defaults / "model_index.json");
        for (const char* part : {"scheduler", "text_encoder", "unet", "vae", "tokenizer"}) {
            fs::create_directories(tiny_defaults / part);
            for (const auto& entry : fs::directory_iterator(testing::k_tiny_model / part))
                if (entry.path().extension() == ".json" || entry.path().extension() == ".txt")
                    fs::copy_file(entry.path(), tiny_defaults / part / entry.path().filename());
        }
        auto folder = pipeline::load_stable_diffusion(testing::k_tiny_model);
        auto single = pipeline::load_stable_diffusion(bare, {}, tiny_defaults);
        compare_parameters(*folder.text_encoder, *single.text_encoder);
        compare_parameters(*folder.unet, *single.unet);
        compare_parameters(*folder.vae, *single.vae);

        try {
            pipeline::load_stable_diffusion(bare, {}, k_defaults);
            QFAIL("SD 1.5 configs accepted the tiny weights");
        } catch (const io::WeightMismatchError& error) {
            const std::string message = error.what();
            QVERIFY2(message.find("mis-shaped") != std::string::npos, error.what());
            QVERIFY2(message.find("bare.safetensors") != std::string::npos, error.what());
        }
    }

    void refusesWhatIsNotAnSd1Checkpoint()
    {
        // A diffusers UNet file alone: no original-layout keys at all.
        try {
            pipeline::load_stable_diffusion(
                testing::k_tiny_model / "unet" / "diffusion_pytorch_model.safetensors", {}, k_defaults);
            QFAIL("a lone UNet file loaded as a checkpoint");
        } catch (const io::ModelFolderError& error) {
            QVERIFY2(std::string(error.what()).find("not an SD 1.x checkpoint") != std::string::npos,
                     error.what());
        }
        QTemporaryDir dir;
        const auto pickle = dir.filePath(QStringLiteral("model.ckpt")).toStdString();
        {
            std::ofstream(pickle) << "PK\x03\x04";
        }
        QVERIFY_THROWS_EXCEPTION(io::ModelFolderError,
                                 pipeline::load_stable_diffusion(pickle, {}, k_defaults));
    }
};

QTEST_GUILESS_MAIN(TestSingleFile)
#include "tst_single_file.moc"
