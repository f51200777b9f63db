// Model folders in diffusers' layout, and loading weights against the set of names and shapes
// a network expects (here: CLIP's text encoder, its expected set written out below).

#include "cpu_time.h"
#include "io/model_folder.h"
#include "io/safetensors.h"
#include "io/weight_loader.h"

#include <ATen/Functions.h>
#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

namespace fs = std::filesystem;
using eikona::io::ExpectedTensor;

namespace {

const fs::path k_model = fs::path(EIKONA_TEST_DATA) / "tiny-sd15";

// What transformers' CLIPTextModel holds, from its config.
std::vector<ExpectedTensor> textEncoderExpected(const nlohmann::json& config)
{
    const auto hidden = config["hidden_size"].get<std::int64_t>();
    const auto inner = config["intermediate_size"].get<std::int64_t>();
    const auto layers = config["num_hidden_layers"].get<int>();
    std::vector<ExpectedTensor> expected{
        {"text_model.embeddings.token_embedding.weight", {config["vocab_size"].get<std::int64_t>(), hidden}},
        {"text_model.embeddings.position_embedding.weight",
         {config["max_position_embeddings"].get<std::int64_t>(), hidden}},
        {"text_model.final_layer_norm.weight", {hidden}},
        {"text_model.final_layer_norm.bias", {hidden}},
    };
    for (int i = 0; i < layers; ++i) {
        const std::string prefix = "text_model.encoder.layers." + std::to_string(i) + ".";
        for (const char* projection : {"q_proj", "k_proj", "v_proj", "out_proj"}) {
            expected.push_back({prefix + "self_attn." + projection + ".weight", {hidden, hidden}});
            expected.push_back({prefix + "self_attn." + projection + ".bias", {hidden}});
        }
        for (const char* norm : {"layer_norm1", "layer_norm2"}) {
            expected.push_back({prefix + norm + ".weight", {hidden}});
            expected.push_back({prefix + norm + ".bias", {hidden}});
        }
        expected.push_back({prefix + "mlp.fc1.weight", {inner, hidden}});
        expected.push_back({prefix + "mlp.fc1.bias", {inner}});
        expected.push_back({prefix + "mlp.fc2.weight", {hidden, inner}});
        expected.push_back({prefix + "mlp.fc2.bias", {hidden}});
    }
    return expected;
}

// Older transformers versions saved this buffer; it is not a weight.
bool isPositionIds(std::string_view name)
{
    return name == "text_model.embeddings.position_ids";
}

void copyModel(const fs::path& to)
{
    fs::copy(k_model, to, fs::copy_options::recursive);
    for (const auto& entry : fs::recursive_directory_iterator(to))
        fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
}

} // namespace

class TestModelFolder : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void opensTinyModel()
    {
        const auto folder = eikona::io::ModelFolder::open(k_model);
        QStringList names;
        for (const auto& c : folder.components())
            names << QString::fromStdString(c.name);
        names.sort();
        QCOMPARE(names,
                 QStringList({QStringLiteral("scheduler"), QStringLiteral("text_encoder"),
                              QStringLiteral("tokenizer"), QStringLiteral("unet"), QStringLiteral("vae")}));
        QCOMPARE(folder.component("unet").class_name, std::string("UNet2DConditionModel"));
        QCOMPARE(folder.config("unet")["cross_attention_dim"].get<int>(), 32);
        QCOMPARE(folder.config("scheduler")["_class_name"].get<std::string>(), std::string("PNDMScheduler"));
        QCOMPARE(folder.weights_file("unet").filename().string(),
                 std::string("diffusion_pytorch_model.safetensors"));
        QCOMPARE(folder.weights_file("text_encoder", "fp16").filename().string(),
                 std::string("model.safetensors"));
        QVERIFY_THROWS_EXCEPTION(eikona::io::ModelFolderError, folder.component("safety_checker"));
    }

    void loadsTextEncoderWeights()
    {
        const auto folder = eikona::io::ModelFolder::open(k_model);
        const auto file = eikona::io::SafetensorsFile::open(folder.weights_file("text_encoder"));
        const auto expected = textEncoderExpected(folder.config("text_encoder"));
        QCOMPARE(expected.size(), 52u);
        // The file's one extra key is refused unless it is allowed for.
        const auto strict = eikona::io::compare_weights(file, expected);
        QCOMPARE(strict.unexpected, std::vector<std::string>{"text_model.embeddings.position_ids"});
        const auto weights = eikona::io::load_weights(file, expected, isPositionIds, at::kFloat);
        QCOMPARE(weights.size(), expected.size());
        const auto& embedding = weights.at("text_model.embeddings.token_embedding.weight");
        QCOMPARE(embedding.scalar_type(), at::kFloat);
        QVERIFY(
            at::equal(embedding, file.tensor("text_model.embeddings.token_embedding.weight").to(at::kFloat)));
        // Without a conversion the tensor is the mapping itself.
        const auto stored = eikona::io::load_weights(file, expected, isPositionIds);
        QCOMPARE(stored.at("text_model.final_layer_norm.bias").data_ptr(),
                 file.tensor("text_model.final_layer_norm.bias").data_ptr());
    }

    void mismatchedCopies_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QStringList>("messageParts");
        QTest::newRow("missing tensor")
            << QStringLiteral("missing")
            << QStringList{QStringLiteral("1 missing"), QStringLiteral("layers.1.mlp.fc1.bias")};
        QTest::newRow("extra tensor")
            << QStringLiteral("extra")
            << QStringList{QStringLiteral("1 unexpected"), QStringLiteral("text_model.extra.weight")};
        QTest::newRow("mis-shaped tensor")
            << QStringLiteral("misshaped")
            << QStringList{QStringLiteral("1 mis-shaped"),
                           QStringLiteral("final_layer_norm.weight expected [32] found [16, 2]")};
        QTest::newRow("many missing")
            << QStringLiteral("many") << QStringList{QStringLiteral("10 missing"), QStringLiteral(", ...")};
    }

    void mismatchedCopies()
    {
        QFETCH(QString, change);
        QFETCH(QStringList, messageParts);
        QTemporaryDir dir;
        const fs::path root = fs::path(dir.path().toStdString()) / "model";
        copyModel(root);
        const auto weightsPath = root / "text_encoder" / "model.safetensors";
        eikona::io::NamedTensors tensors;
        {
            const auto original = eikona::io::SafetensorsFile::open(weightsPath);
            int dropped = 0;
            for (const auto& info : original.tensors()) {
                auto tensor = original.tensor(info.name).clone();
                if (change == QLatin1String("missing") &&
                    info.name == "text_model.encoder.layers.1.mlp.fc1.bias")
                    continue;
                if (change == QLatin1String("many") && info.name.find("layers.2.") != std::string::npos &&
                    dropped < 10) {
                    ++dropped;
                    continue;
                }
                if (change == QLatin1String("misshaped") && info.name == "text_model.final_layer_norm.weight")
                    tensor = tensor.reshape({16, 2});
                tensors.emplace_back(info.name, tensor);
            }
        }
        if (change == QLatin1String("extra"))
            tensors.emplace_back("text_model.extra.weight", at::zeros({3}));
        eikona::io::write_safetensors(weightsPath, tensors);

        const auto folder = eikona::io::ModelFolder::open(root);
        const auto file = eikona::io::SafetensorsFile::open(folder.weights_file("text_encoder"));
        try {
            eikona::io::load_weights(file, textEncoderExpected(folder.config("text_encoder")), isPositionIds);
            QFAIL("mismatched weights were loaded");
        } catch (const eikona::io::WeightMismatchError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(QString::fromStdString(weightsPath.string())), error.what());
            for (const auto& part : messageParts)
                QVERIFY2(message.contains(part), error.what());
        }
    }

    void variantFiles()
    {
        QTemporaryDir dir;
        const fs::path root = fs::path(dir.path().toStdString()) / "model";
        copyModel(root);
        fs::copy_file(root / "unet/diffusion_pytorch_model.safetensors",
                      root / "unet/diffusion_pytorch_model.fp16.safetensors");
        auto folder = eikona::io::ModelFolder::open(root);
        QCOMPARE(folder.weights_file("unet", "fp16").filename().string(),
                 std::string("diffusion_pytorch_model.fp16.safetensors"));
        QCOMPARE(folder.weights_file("unet").filename().string(),
                 std::string("diffusion_pytorch_model.safetensors"));
        // Only the variant present: it is taken without asking.
        fs::remove(root / "unet/diffusion_pytorch_model.safetensors");
        QCOMPARE(folder.weights_file("unet").filename().string(),
                 std::string("diffusion_pytorch_model.fp16.safetensors"));
        // Pickle-only weights are named as the reason.
        fs::remove(root / "unet/diffusion_pytorch_model.fp16.safetensors");
        std::ofstream(root / "unet/diffusion_pytorch_model.bin") << "pickle";
        try {
            folder.weights_file("unet");
            QFAIL("a folder without safetensors weights was accepted");
        } catch (const eikona::io::ModelFolderError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(QStringLiteral("pickle")), error.what());
        }
    }

    void badFolders_data()
    {
        QTest::addColumn<QString>("modelIndex");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no model_index.json") << QString() << QStringLiteral("no model_index.json");
        QTest::newRow("model_index not JSON")
            << QStringLiteral("{\"unet\": [") << QStringLiteral("not valid JSON");
        QTest::newRow("model_index an array") << QStringLiteral("[]") << QStringLiteral("not a JSON object");
        QTest::newRow("entry malformed")
            << QStringLiteral(R"({"unet": ["diffusers"]})") << QStringLiteral("[library, class]");
        QTest::newRow("nested 100,000 deep")
            << QString(100000, QLatin1Char('[')) + QString(100000, QLatin1Char(']'))
            << QStringLiteral("nests deeper than 64 levels");
        QTest::newRow("component folder missing")
            << QStringLiteral(R"({"unet": ["diffusers", "UNet2DConditionModel"]})")
            << QStringLiteral("no folder unet/");
    }

    void badFolders()
    {
        QFETCH(QString, modelIndex);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        if (!modelIndex.isEmpty())
            std::ofstream(root / "model_index.json") << modelIndex.toStdString();
        try {
            eikona::io::ModelFolder::open(root);
            QFAIL("a broken model folder was accepted");
        } catch (const eikona::io::ModelFolderError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(messagePart), error.what());
        }
    }

    // The bounds on a JSON file: refused in well under a second, before it is parsed.
    void hostileJsonIsRefusedFast()
    {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const auto message = [&] {
            try {
                eikona::io::ModelFolder::open(root);
            } catch (const eikona::io::ModelFolderError& error) {
                return std::string(error.what());
            }
            return std::string();
        };
        const auto start = eikona::testing::threadCpuMs();
        std::ofstream(root / "model_index.json") << std::string(100000, '{') + std::string(100000, '}');
        QVERIFY2(message().find("nests deeper than 64 levels") != std::string::npos, message().c_str());
        // 200 MB, sparse: refused from its size, never read.
        {
            std::ofstream(root / "model_index.json");
        }
        fs::resize_file(root / "model_index.json", 200u << 20);
        QVERIFY2(message().find("is 200 MB") != std::string::npos, message().c_str());
        QVERIFY(eikona::testing::threadCpuMs() - start < 1000);
        // Brackets inside strings are text, not nesting.
        std::ofstream(root / "model_index.json", std::ios::trunc)
            << "{\"note\": \"" + std::string(1000, '[') + "\"}";
        QVERIFY2(message().empty() || message().find("nests") == std::string::npos, message().c_str());
    }
};

QTEST_APPLESS_MAIN(TestModelFolder)
#include "tst_model_folder.moc"
