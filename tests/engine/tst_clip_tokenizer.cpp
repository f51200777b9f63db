// The CLIP tokenizer against the reference: every case of tokenizer_cases.json, padded and
// unpadded, plus the clean-up steps one by one.

#include "tokenizer/clip_tokenizer.h"
#include "tokenizer/sentencepiece_bpe.h"
#include "tokenizer/text_cleaner.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using eikona::tokenizer::ClipTokenizer;

namespace {

const std::filesystem::path k_data = EIKONA_TEST_DATA;

nlohmann::json loadCases()
{
    std::ifstream in(k_data / "tokenizer_cases.json");
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

QString idsText(const std::vector<int>& ids)
{
    QStringList parts;
    for (const int id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestClipTokenizer : public QObject {
    Q_OBJECT

  private:
    std::optional<ClipTokenizer> m_tokenizer;
    nlohmann::json m_cases;

  private Q_SLOTS:
    void initTestCase()
    {
        m_tokenizer = ClipTokenizer::from_directory(k_data / "tiny-sd15" / "tokenizer");
        m_cases = loadCases();
        QCOMPARE(m_cases["cases"].size(), 81u);
        QCOMPARE(m_tokenizer->bos_id(), m_cases["bos_token_id"].get<int>());
        QCOMPARE(m_tokenizer->eos_id(), m_cases["eos_token_id"].get<int>());
        QCOMPARE(m_tokenizer->pad_id(), m_cases["pad_token_id"].get<int>());
        QCOMPARE(m_tokenizer->max_length(), m_cases["model_max_length"].get<std::size_t>());
        QCOMPARE(m_tokenizer->vocab_size(), 49408u);
    }

    void fixtureCase_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < m_cases["cases"].size(); ++i) {
            const auto prompt = m_cases["cases"][i]["prompt"].get<std::string>();
            QString shown = QString::fromStdString(prompt).left(40);
            for (auto& c : shown)
                if (c.category() == QChar::Other_Control)
                    c = QLatin1Char(' ');
            const auto label = QStringLiteral("%1: %2").arg(i).arg(shown);
            QTest::newRow(label.toUtf8().constData()) << static_cast<int>(i);
        }
    }

    void fixtureCase()
    {
        QFETCH(int, index);
        const auto& c = m_cases["cases"][static_cast<std::size_t>(index)];
        const auto prompt = c["prompt"].get<std::string>();

        const auto unpadded = m_tokenizer->encode(prompt);
        const auto expectedUnpadded = c["input_ids_untruncated"].get<std::vector<int>>();
        if (unpadded != expectedUnpadded) {
            qWarning("tokens: %s",
                     QString::fromStdString(nlohmann::json(m_tokenizer->token_strings(unpadded)).dump())
                         .toUtf8()
                         .constData());
            qWarning("wanted: %s", c["tokens_untruncated"].dump().c_str());
        }
        QCOMPARE(idsText(unpadded), idsText(expectedUnpadded));

        const auto padded = m_tokenizer->encode_padded(prompt);
        QCOMPARE(idsText(padded), idsText(c["input_ids"].get<std::vector<int>>()));
    }

    void textClean_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("html entity") << QStringLiteral("fish &amp; chips") << QStringLiteral("fish & chips");
        QTest::newRow("entity repeated until fixed") << QStringLiteral("&amp;amp;") << QStringLiteral("&");
        QTest::newRow("entity kept beside <")
            << QStringLiteral("<b>&amp;</b>") << QStringLiteral("<b>&amp;</b>");
        QTest::newRow("numeric entity") << QStringLiteral("&#39;&#x41;") << QStringLiteral("'a");
        QTest::newRow("unknown entity") << QStringLiteral("&bogus;") << QStringLiteral("&bogus;");
        QTest::newRow("mojibake latin-1") << QStringLiteral("cafÃ©") << QStringLiteral("café");
        QTest::newRow("mojibake embedded") << QStringLiteral("Ελλάδα cafÃ©") << QStringLiteral("ελλάδα café");
        QTest::newRow("legit latin-1 untouched")
            << QStringLiteral("Zürich Ångström") << QStringLiteral("zürich ångström");
        QTest::newRow("curly quotes") << QStringLiteral("“a” ‘b’") << QStringLiteral("\"a\" 'b'");
        QTest::newRow("ligature") << QStringLiteral("ﬁne") << QStringLiteral("fine");
        QTest::newRow("fullwidth") << QStringLiteral("ＡＢ１") << QStringLiteral("ab1");
        QTest::newRow("ansi escape") << QStringLiteral("\x1b[31mred\x1b[0m") << QStringLiteral("red");
        QTest::newRow("whitespace") << QStringLiteral(" \t a \u00a0\u3000 b \n") << QStringLiteral("a b");
        QTest::newRow("final sigma") << QStringLiteral("ΟΔΟΣ ΣΑΣ") << QStringLiteral("οδος σας");
        QTest::newRow("dotted capital I") << QStringLiteral("İ") << QStringLiteral("i\u0307");
        QTest::newRow("NFC") << QStringLiteral("cafe\u0301") << QStringLiteral("café");
        QTest::newRow("empty") << QString() << QString();
    }

    void textClean()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto cleaned = eikona::tokenizer::clean_prompt_text(input.toStdString());
        QCOMPARE(QString::fromStdString(cleaned), expected);
    }

    void splitWords()
    {
        const auto words = eikona::tokenizer::split_words("it's 12 cats!! ᾅ\u0301x");
        const std::vector<std::string> expected{"it", "'s", "1", "2", "cats", "!!", "ᾅ", "\u0301", "x"};
        QCOMPARE(words.size(), expected.size());
        QVERIFY(words == expected);
    }

    // The tokenizer of a model that ships its own SentencePiece .model is loaded directly.
    void nativeSentencePieceModel()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        eikona::tokenizer::BpeVocabulary vocabulary;
        vocabulary.tokens = {"<s>", "</s>", "a", "b", "c", "ab", "abc"};
        vocabulary.merges = {{"a", "b"}, {"ab", "c"}};
        vocabulary.special_tokens = {"<s>", "</s>"};
        const auto proto = eikona::tokenizer::build_sentencepiece_bpe_model(vocabulary);
        const std::filesystem::path folder = dir.path().toStdString();
        std::ofstream(folder / "spiece.model", std::ios::binary) << proto;
        std::ofstream(folder / "tokenizer_config.json")
            << R"({"bos_token": "<s>", "eos_token": "</s>", "model_max_length": 6})";

        const auto tokenizer = ClipTokenizer::from_directory(folder);
        // Piece ids of the native model: 0 <unk>, 1 <s>, 2 </s>, 3 a, 4 b, 5 c, 6 ab, 7 abc.
        QCOMPARE(idsText(tokenizer.encode("abcab")), QStringLiteral("1 7 6 2"));
        QCOMPARE(idsText(tokenizer.encode_padded("abc")), QStringLiteral("1 7 2 2 2 2"));
    }

    void badFolders_data()
    {
        QTest::addColumn<QString>("vocab");
        QTest::addColumn<QString>("merges");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("vocab not JSON")
            << QStringLiteral("{nope") << QStringLiteral("#version: 0.2\n") << QStringLiteral("vocab.json");
        QTest::newRow("vocab id out of range")
            << QStringLiteral(R"({"a": 5, "<|startoftext|>": 1, "<|endoftext|>": 2})")
            << QStringLiteral("#version: 0.2\n") << QStringLiteral("outside");
        QTest::newRow("no end token") << QStringLiteral(R"({"a": 0, "<|startoftext|>": 1})")
                                      << QStringLiteral("#version: 0.2\n") << QStringLiteral("<|endoftext|>");
        QTest::newRow("bad merge line")
            << QStringLiteral(R"({"a": 0, "<|startoftext|>": 1, "<|endoftext|>": 2})")
            << QStringLiteral("#version: 0.2\na b c\n") << QStringLiteral("merges.txt");
    }

    void badFolders()
    {
        QFETCH(QString, vocab);
        QFETCH(QString, merges);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const std::filesystem::path folder = dir.path().toStdString();
        std::ofstream(folder / "vocab.json") << vocab.toStdString();
        std::ofstream(folder / "merges.txt") << merges.toStdString();
        try {
            ClipTokenizer::from_directory(folder);
            QFAIL("a broken tokenizer folder was accepted");
        } catch (const eikona::tokenizer::TokenizerError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(messagePart), error.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestClipTokenizer)
#include "tst_clip_tokenizer.moc"
