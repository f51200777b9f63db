// A1111's emphasis syntax: nesting, escapes, weights, BREAK, unbalanced brackets, bad weights.

#include "pipeline/prompt_parser.h"

#include <QTest>

using eikona::pipeline::parse_prompt_attention;

namespace {

// "text@weight|text@weight|..." with weights to three decimals; BREAK as "BREAK".
QString render(std::string_view prompt)
{
    QStringList parts;
    for (const auto& fragment : parse_prompt_attention(prompt))
        parts << (fragment.is_break ? QStringLiteral("BREAK")
                                    : QStringLiteral("%1@%2")
                                          .arg(QString::fromStdString(fragment.text))
                                          .arg(fragment.weight, 0, 'f', 3));
    return parts.join(QLatin1Char('|'));
}

} // namespace

class TestPromptParser : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("a photo of a cat")
                               << QStringLiteral("a photo of a cat@1.000");
        QTest::newRow("empty") << QString() << QStringLiteral("@1.000");
        QTest::newRow("round") << QStringLiteral("an (important) word")
                               << QStringLiteral("an @1.000|important@1.100| word@1.000");
        QTest::newRow("nested") << QStringLiteral("(((a)))") << QStringLiteral("a@1.331");
        QTest::newRow("square") << QStringLiteral("[a]") << QStringLiteral("a@0.909");
        QTest::newRow("nested square") << QStringLiteral("[[a]]") << QStringLiteral("a@0.826");
        QTest::newRow("explicit weight") << QStringLiteral("(a:1.5)") << QStringLiteral("a@1.500");
        QTest::newRow("weight with spaces") << QStringLiteral("(a : 0.5 )") << QStringLiteral("a @0.500");
        QTest::newRow("weight inside round") << QStringLiteral("((a:1.5))") << QStringLiteral("a@1.650");
        QTest::newRow("mixed") << QStringLiteral("(masterpiece:1.2), (best quality), [blurry]")
                               << QStringLiteral(
                                      "masterpiece@1.200|, @1.000|best quality@1.100|, @1.000|blurry@0.909");
        QTest::newRow("escapes") << QStringLiteral("\\(literal\\) \\[x\\] a\\\\b")
                                 << QStringLiteral("(literal) [x] a\\b@1.000");
        QTest::newRow("escape inside weight")
            << QStringLiteral("(a \\(b\\):1.3)") << QStringLiteral("a (b)@1.300");
        QTest::newRow("unclosed round is literal")
            << QStringLiteral("a (b c") << QStringLiteral("a (b c@1.000");
        QTest::newRow("unclosed inside closed")
            << QStringLiteral("((a) b") << QStringLiteral("(@1.000|a@1.100| b@1.000");
        QTest::newRow("unmatched close is literal")
            << QStringLiteral("a) b]") << QStringLiteral("a) b]@1.000");
        QTest::newRow("colon without weight")
            << QStringLiteral("style: oil") << QStringLiteral("style: oil@1.000");
        QTest::newRow("weight without bracket") << QStringLiteral("a:1.2)") << QStringLiteral("a:1.2)@1.000");
        QTest::newRow("weight too large") << QStringLiteral("(a:100)") << QStringLiteral("a@10.000");
        QTest::newRow("negative weight") << QStringLiteral("(a:-2)") << QStringLiteral("a@0.000");
        QTest::newRow("malformed weight") << QStringLiteral("(a:1.2.3)") << QStringLiteral("a:1.2.3@1.100");
        QTest::newRow("break") << QStringLiteral("a cat BREAK a dog")
                               << QStringLiteral("a cat@1.000|BREAK|a dog@1.000");
        QTest::newRow("BREAK inside a word")
            << QStringLiteral("BREAKFAST") << QStringLiteral("BREAKFAST@1.000");
        QTest::newRow("nesting past the bound")
            << QStringLiteral("((((((((((((((((((((((((((((a))))))))))))))))))))))))))))")
            << QStringLiteral("a@10.000"); // 1.1^28 = 14.4, clamped
        QTest::newRow("nesting to infinity (found by fuzzing)")
            << QString(3000, QLatin1Char('(')) + QStringLiteral("x") + QString(3000, QLatin1Char(')'))
            << QStringLiteral("x@10.000"); // was inf: a NaN picture
        QTest::newRow("Greek") << QStringLiteral("(σπίτι:1.3) στη θάλασσα")
                               << QStringLiteral("σπίτι@1.300| στη θάλασσα@1.000");
    }

    void parse()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, expected);
        QCOMPARE(render(prompt.toStdString()), expected);
    }
};

QTEST_APPLESS_MAIN(TestPromptParser)
#include "tst_prompt_parser.moc"
