// safetensors: a round trip of every dtype, zero-copy reads, and every malformed file ending
// in a SafetensorsError that names the file (and the tensor, where there is one).

#include "io/safetensors.h"

#include <ATen/Functions.h>

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>

using eikona::io::SafetensorsError;
using eikona::io::SafetensorsFile;

namespace {

// A file image: 8-byte length, the header text as given, then `data` bytes.
std::string fileImage(const std::string& header, std::size_t dataBytes,
                      std::uint64_t declaredLength = UINT64_MAX)
{
    const std::uint64_t length = declaredLength == UINT64_MAX ? header.size() : declaredLength;
    std::string image(8, '\0');
    std::memcpy(image.data(), &length, 8);
    image += header;
    image.append(dataBytes, '\x01');
    return image;
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_dir;

    std::filesystem::path write(const QString& name, const std::string& bytes)
    {
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / name.toStdString();
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

  private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("scalarType");
        QTest::newRow("F32") << static_cast<int>(at::kFloat);
        QTest::newRow("F16") << static_cast<int>(at::kHalf);
        QTest::newRow("BF16") << static_cast<int>(at::kBFloat16);
        QTest::newRow("F64") << static_cast<int>(at::kDouble);
        QTest::newRow("I64") << static_cast<int>(at::kLong);
        QTest::newRow("I32") << static_cast<int>(at::kInt);
        QTest::newRow("U8") << static_cast<int>(at::kByte);
        QTest::newRow("BOOL") << static_cast<int>(at::kBool);
    }

    void roundTrip()
    {
        QFETCH(int, scalarType);
        const auto type = static_cast<at::ScalarType>(scalarType);
        const auto source = at::arange(0, 24, at::kFloat).reshape({2, 3, 4}).sub(7).to(type);
        const auto scalar = at::ones({1}, at::kFloat).to(type);
        const auto empty = at::empty({0, 5}, at::TensorOptions().dtype(type));
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / "round.safetensors";
        // A transposed (non-contiguous) tensor is stored contiguous.
        eikona::io::write_safetensors(
            path, {{"weight", source}, {"t", source.transpose(0, 2)}, {"scalar", scalar}, {"empty", empty}},
            {{"format", "pt"}});

        const auto file = SafetensorsFile::open(path);
        QCOMPARE(file.tensors().size(), 4u);
        QCOMPARE(file.metadata().at("format"), std::string("pt"));
        const auto weight = file.tensor("weight");
        QCOMPARE(weight.scalar_type(), type);
        QVERIFY(weight.sizes() == source.sizes());
        QVERIFY(at::equal(weight, source));
        QVERIFY(at::equal(file.tensor("t"), source.transpose(0, 2).contiguous()));
        QVERIFY(at::equal(file.tensor("scalar"), scalar));
        QCOMPARE(file.tensor("empty").numel(), 0);
        QVERIFY(file.tensor("empty").sizes() == empty.sizes());
    }

    // Tensors are views of the mapping, and writing to one never changes the file.
    void zeroCopyAndPrivate()
    {
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / "view.safetensors";
        eikona::io::write_safetensors(
            path, {{"a", at::zeros({1024}, at::kFloat)}, {"b", at::ones({16}, at::kFloat)}});
        {
            const auto file = SafetensorsFile::open(path);
            auto a = file.tensor("a");
            const auto again = file.tensor("a");
            QCOMPARE(a.data_ptr(), again.data_ptr()); // both point into the same mapping
            a.fill_(3.0F);
            QCOMPARE(again[0].item<float>(), 3.0F);
        }
        const auto reopened = SafetensorsFile::open(path);
        QCOMPARE(reopened.tensor("a").sum().item<float>(), 0.0F);
        // A tensor outlives the file object that produced it.
        at::Tensor survivor;
        {
            survivor = SafetensorsFile::open(path).tensor("b");
        }
        QCOMPARE(survivor.sum().item<float>(), 16.0F);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("messagePart");
        const auto row = [](const char* name, const std::string& bytes, const char* part) {
            QTest::newRow(name) << QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()))
                                << QString::fromUtf8(part);
        };
        const std::string good = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
        row("empty file", "", "too small");
        row("truncated length", std::string(5, '\0'), "too small");
        row("header longer than file", fileImage(good, 8, 4096), "runs past the end");
        row("absurd header length", fileImage(good, 8, 1ull << 62), "absurd");
        row("truncated data", fileImage(good, 4), "past the");
        row("not JSON", fileImage("{\"a\": [1, 2", 0), "not valid JSON");
        row("JSON array", fileImage("[1, 2, 3]  ", 0), "not a JSON object");
        row("entry not object", fileImage(R"({"a": 3})", 0), "tensor 'a'");
        row("unknown dtype", fileImage(R"({"a":{"dtype":"F8_E9","shape":[2],"data_offsets":[0,8]}})", 8),
            "unsupported dtype");
        row("missing dtype", fileImage(R"({"a":{"shape":[2],"data_offsets":[0,8]}})", 8), "\"dtype\"");
        row("negative dimension", fileImage(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8),
            "non-negative");
        row("fractional dimension",
            fileImage(R"({"a":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}})", 8), "non-negative");
        row("shape overflows",
            fileImage(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,8]}})", 8),
            "overflows");
        row("shape size mismatch", fileImage(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8),
            "needs 12 bytes");
        row("offsets reversed", fileImage(R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8),
            "end before");
        row("offsets malformed", fileImage(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}})", 8),
            "data_offsets");
        row("out of range", fileImage(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", 8),
            "gap");
        row("overlapping",
            fileImage(
                R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                8),
            "overlap");
        row("gap between",
            fileImage(
                R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
                12),
            "gap");
        row("bytes after the last tensor", fileImage(good, 12), "belong to no tensor");
        row("metadata not strings", fileImage(R"({"__metadata__":{"n":1}})", 0), "__metadata__");
        row("metadata not object", fileImage(R"({"__metadata__":"x"})", 0), "__metadata__");
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, messagePart);
        const auto path = write(QStringLiteral("bad.safetensors"), bytes.toStdString());
        try {
            SafetensorsFile::open(path);
            QFAIL("a malformed file was accepted");
        } catch (const SafetensorsError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(QString::fromStdString(path.string())), error.what());
            QVERIFY2(message.contains(messagePart), error.what());
        }
    }

    void missingFileAndUnknownKey()
    {
        QVERIFY_THROWS_EXCEPTION(SafetensorsError, SafetensorsFile::open("/nonexistent/x.safetensors"));
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / "one.safetensors";
        eikona::io::write_safetensors(path, {{"a", at::zeros({2})}});
        const auto file = SafetensorsFile::open(path);
        try {
            file.tensor("b");
            QFAIL("unknown key accepted");
        } catch (const SafetensorsError& error) {
            QVERIFY(QString::fromUtf8(error.what()).contains(QStringLiteral("'b'")));
        }
    }

    void writerRefusesBadInput()
    {
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / "refused.safetensors";
        QVERIFY_THROWS_EXCEPTION(SafetensorsError, eikona::io::write_safetensors(
                                                       path, {{"a", at::zeros({1})}, {"a", at::zeros({1})}}));
        QVERIFY_THROWS_EXCEPTION(SafetensorsError, eikona::io::write_safetensors(
                                                       path, {{"c", at::zeros({1}, at::kComplexFloat)}}));
        QVERIFY(!std::filesystem::exists(path));
        QVERIFY_THROWS_EXCEPTION(
            SafetensorsError,
            eikona::io::write_safetensors("/nonexistent/dir/x.safetensors", {{"a", at::zeros({1})}}));
    }

    // The shared fixture model's files open and hold what the fixture README lists.
    void fixtureTextEncoder()
    {
        const auto file = SafetensorsFile::open(std::filesystem::path(EIKONA_TEST_DATA) /
                                                "tiny-sd15/text_encoder/model.safetensors");
        const auto* embedding = file.find("text_model.embeddings.token_embedding.weight");
        QVERIFY(embedding);
        QCOMPARE(embedding->dtype, eikona::io::DType::F16);
        QVERIFY(embedding->shape == (std::vector<std::int64_t>{49408, 32}));
        const auto ids = file.tensor("text_model.embeddings.position_ids");
        QCOMPARE(ids.scalar_type(), at::kLong);
        QCOMPARE(ids[0][76].item<std::int64_t>(), 76);
    }
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
