// CLIP text encoder against the reference's hidden states (golden/text_encoder).

#include "golden.h"
#include "models/clip_text_model.h"
#include "models/weights.h"
#include "tokenizer/clip_tokenizer.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>

using namespace eikona;

class TestClipTextModel : public QObject {
    Q_OBJECT

  private:
    models::ClipTextModel load(std::optional<at::ScalarType> dtype = at::kFloat)
    {
        const auto folder = io::ModelFolder::open(testing::k_tiny_model);
        models::ClipTextModel model(models::ClipTextConfig::from_json(folder.config("text_encoder")));
        models::load_weights(*model, io::SafetensorsFile::open(folder.weights_file("text_encoder")),
                             {dtype, models::is_clip_position_ids, {}});
        return model;
    }

  private Q_SLOTS:
    void matchesReference()
    {
        const auto golden = testing::golden("text_encoder");
        auto model = load();
        const c10::InferenceMode inference;
        std::vector<at::Tensor> hidden;
        const auto ids = golden.tensor("input_ids");
        const auto last = model(ids, &hidden);
        EIKONA_COMPARE_CLOSE(last, golden.tensor("last_hidden_state"), 1e-4, 1e-4, "last_hidden_state");
        QCOMPARE(hidden.size(), 4u);
        for (std::size_t i = 0; i < hidden.size(); ++i) {
            const auto name = "hidden_states." + std::to_string(i);
            EIKONA_COMPARE_CLOSE(hidden[i], golden.tensor(name), 1e-4, 1e-4, name.c_str());
        }
    }

    // The tokenizer gives the golden input ids for the golden prompts.
    void tokenizerFeedsIt()
    {
        const auto golden = testing::golden("text_encoder");
        const auto tokenizer = tokenizer::ClipTokenizer::from_directory(testing::k_tiny_model / "tokenizer");
        const std::vector<std::string> prompts{"a photo of a cat", "", "Ένα κόκκινο σπίτι στη θάλασσα"};
        const auto ids = golden.tensor("input_ids");
        for (std::size_t i = 0; i < prompts.size(); ++i) {
            const auto encoded = tokenizer.encode_padded(prompts[i]);
            const auto row = ids[static_cast<std::int64_t>(i)].contiguous();
            QVERIFY(std::equal(encoded.begin(), encoded.end(), row.data_ptr<std::int64_t>()));
        }
    }

    // Weights stored in float16 are computed in float32 by default; bf16 compute stays close.
    void reducedPrecisionIsSane()
    {
        const auto golden = testing::golden("text_encoder");
        auto model = load(at::kBFloat16);
        const c10::InferenceMode inference;
        const auto last = model(golden.tensor("input_ids")).to(at::kFloat);
        QVERIFY(last.isfinite().all().item<bool>());
        // bf16 keeps 8 bits of mantissa: a stated bound of 0.1 on values of order 1.
        EIKONA_COMPARE_CLOSE(last, golden.tensor("last_hidden_state"), 0.1, 0.05, "bf16 last_hidden_state");
    }
};

QTEST_APPLESS_MAIN(TestClipTextModel)
#include "tst_clip_text_model.moc"
