// The prompt boxes' helpers: syntax spans for the highlighter, A1111's Ctrl+Up/Down weights,
// and token counts that follow the engine's 75-token chunks.

#include "prompt_tools.h"

#include <QTest>

using namespace eikona::backend;
using Kind = PromptSpan::Kind;

class TestPromptTools : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void spans()
    {
        const auto text = QStringLiteral("a (red:1.3) [cat] BREAK \\(x\\) (open");
        const auto spans = promptSyntaxSpans(text);
        const QList<PromptSpan> expected{
            {2, 1, Kind::Bracket},  {6, 4, Kind::Weight},   {10, 1, Kind::Bracket},
            {12, 1, Kind::Bracket}, {16, 1, Kind::Bracket}, {18, 5, Kind::Break},
            {24, 2, Kind::Escape},  {27, 2, Kind::Escape},  {30, 1, Kind::Unbalanced},
        };
        QCOMPARE(spans, expected);
        // BREAK only as a word of its own; a stray closing bracket is flagged.
        QCOMPARE(promptSyntaxSpans(QStringLiteral("BREAKING news)")),
                 (QList<PromptSpan>{{13, 1, Kind::Unbalanced}}));
    }

    void emphasis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<double>("delta");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("selected");
        QTest::newRow("word under cursor up") << QStringLiteral("a red cat") << 3 << 3 << 0.1
                                              << QStringLiteral("a (red:1.1) cat") << QStringLiteral("red");
        QTest::newRow("selection up") << QStringLiteral("a red cat, sky") << 2 << 9 << 0.1
                                      << QStringLiteral("a (red cat:1.1), sky") << QStringLiteral("red cat");
        QTest::newRow("selection down") << QStringLiteral("a red cat") << 2 << 5 << -0.1
                                        << QStringLiteral("a (red:0.9) cat") << QStringLiteral("red");
        QTest::newRow("weighted group again") << QStringLiteral("a (red:1.1) cat") << 4 << 4 << 0.1
                                              << QStringLiteral("a (red:1.2) cat") << QStringLiteral("red");
        QTest::newRow("selected inside group") << QStringLiteral("a (red:1.1) cat") << 3 << 6 << 0.1
                                               << QStringLiteral("a (red:1.2) cat") << QStringLiteral("red");
        QTest::newRow("back to 1 drops brackets") << QStringLiteral("a (red:1.1) cat") << 5 << 5 << -0.1
                                                  << QStringLiteral("a red cat") << QStringLiteral("red");
        QTest::newRow("spaces stay outside") << QStringLiteral("a  red  cat") << 1 << 7 << 0.1
                                             << QStringLiteral("a  (red:1.1)  cat") << QStringLiteral("red");
        QTest::newRow("greek word") << QStringLiteral("ένα καράβι") << 6 << 6 << 0.1
                                    << QStringLiteral("ένα (καράβι:1.1)") << QStringLiteral("καράβι");
        QTest::newRow("two decimals kept") << QStringLiteral("(red:1.25)") << 2 << 2 << 0.1
                                           << QStringLiteral("(red:1.35)") << QStringLiteral("red");
    }

    void emphasis()
    {
        QFETCH(QString, text);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(double, delta);
        QFETCH(QString, expected);
        QFETCH(QString, selected);
        const auto edit = adjustEmphasis(text, start, end, delta);
        QVERIFY(edit);
        QCOMPARE(edit->text, expected);
        QCOMPARE(edit->text.mid(edit->selectionStart, edit->selectionEnd - edit->selectionStart), selected);
    }

    void nothingToWeigh()
    {
        QVERIFY(!adjustEmphasis(QStringLiteral("a , b"), 2, 2, 0.1));
        QVERIFY(!adjustEmphasis(QString(), 0, 0, 0.1));
    }

    void tokenCounts()
    {
        const auto counter = PromptTokenCounter::open();
        QVERIFY(counter);
        QCOMPARE(counter->count(QString()).tokens, 0);
        QCOMPARE(counter->count(QString()).limit, 75);
        QCOMPARE(counter->count(QStringLiteral("a photo of a cat")).tokens, 5);
        // Emphasis brackets and weights are not tokens.
        QCOMPARE(counter->count(QStringLiteral("a photo of a (cat:1.3)")).tokens, 5);
        QCOMPARE(counter->count(QStringLiteral("a photo of a (cat:1.3)"), false).tokens, 11);
        // BREAK starts the next chunk.
        const auto broken = counter->count(QStringLiteral("a cat BREAK a dog"));
        QCOMPARE(broken.tokens, 77);
        QCOMPARE(broken.limit, 150);
        // 80 words of one token each: two chunks.
        QStringList many;
        for (int i = 0; i < 80; ++i)
            many.append(QStringLiteral("cat"));
        const auto lots = counter->count(many.join(u' '));
        QCOMPARE(lots.tokens, 80);
        QCOMPARE(lots.limit, 150);
    }

    void unreadableTokenizerFolder()
    {
        QVERIFY(!PromptTokenCounter::open(QStringLiteral("/no/such/folder")));
    }
};

QTEST_GUILESS_MAIN(TestPromptTools)
#include "tst_prompt_tools.moc"
