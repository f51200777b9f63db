// eikona-cli as a user runs it: output, exit codes and error messages.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cpu_time.h"
#include "cli_process.h"

namespace {

const QString k_data = QStringLiteral(EIKONA_TEST_DATA);

using Run = eikona::testing::CliRun;

Run runCli(const QStringList& arguments)
{
    return eikona::testing::runCli(arguments);
}

QJsonArray tokenizerCases()
{
    QFile file(k_data + QStringLiteral("/tokenizer_cases.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("cases")).toArray();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void versionAndHelp()
    {
        const auto version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.contains(QStringLiteral(EIKONA_VERSION)), qPrintable(version.out));

        const auto help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("tokenize")));
        QVERIFY(help.out.contains(QStringLiteral("inspect")));

        for (const auto& command : {QStringLiteral("tokenize"), QStringLiteral("inspect")}) {
            const auto commandHelp = runCli({command, QStringLiteral("--help")});
            QCOMPARE(commandHelp.exitCode, 0);
            QVERIFY2(commandHelp.out.contains(QStringLiteral("eikona-cli ") + command),
                     qPrintable(commandHelp.out));
        }
    }

    void usageErrors()
    {
        QCOMPARE(runCli({QStringLiteral("paint")}).exitCode, 2);
        QCOMPARE(runCli({}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("tokenize"), QStringLiteral("--model"), k_data}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("tokenize"), QStringLiteral("--bogus")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("inspect")}).exitCode, 2);
    }

    void tokenize_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QJsonArray>("unpadded");
        QTest::addColumn<QJsonArray>("padded");
        const auto cases = tokenizerCases();
        QVERIFY(!cases.isEmpty());
        // English, Greek, emoji, a prompt longer than 77 tokens, and the empty prompt.
        for (const int index : {1, 39, 53, 72, 74}) {
            const auto c = cases.at(index).toObject();
            QTest::newRow(qPrintable(QString::number(index)))
                << c.value(QStringLiteral("prompt")).toString()
                << c.value(QStringLiteral("input_ids_untruncated")).toArray()
                << c.value(QStringLiteral("input_ids")).toArray();
        }
    }

    void tokenize()
    {
        QFETCH(QString, prompt);
        QFETCH(QJsonArray, unpadded);
        QFETCH(QJsonArray, padded);
        const QStringList base{QStringLiteral("tokenize"), QStringLiteral("--model"),
                               k_data + QStringLiteral("/tiny-sd15"), QStringLiteral("--prompt"), prompt};
        const auto plain = runCli(base);
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(plain.out.count(QLatin1Char('\n')), 1); // one line: one JSON array
        QCOMPARE(QJsonDocument::fromJson(plain.out.toUtf8()).array(), unpadded);
        const auto full = runCli(base + QStringList{QStringLiteral("--padded")});
        QCOMPARE(full.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(full.out.toUtf8()).array(), padded);
    }

    void tokenizeBadModel()
    {
        const auto run =
            runCli({QStringLiteral("tokenize"), QStringLiteral("--model"), QStringLiteral("/nonexistent"),
                    QStringLiteral("--prompt"), QStringLiteral("x")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("/nonexistent")), qPrintable(run.err));
    }

    void inspectFileAndFolder()
    {
        const auto file = runCli({QStringLiteral("inspect"),
                                  k_data + QStringLiteral("/tiny-sd15/text_encoder/model.safetensors")});
        QCOMPARE(file.exitCode, 0);
        QVERIFY(file.out.contains(
            QStringLiteral("text_model.embeddings.token_embedding.weight\tF16\t[49408, 32]")));
        QVERIFY2(file.out.contains(QStringLiteral("total: 53 tensors (52 F16, 1 I64)")),
                 qPrintable(file.out));

        const auto folder = runCli({QStringLiteral("inspect"), k_data + QStringLiteral("/tiny-sd15")});
        QCOMPARE(folder.exitCode, 0);
        QVERIFY2(folder.out.contains(
                     QStringLiteral("unet\tUNet2DConditionModel\tdiffusion_pytorch_model.safetensors")),
                 qPrintable(folder.out));
        QVERIFY(folder.out.contains(QStringLiteral("scheduler\tPNDMScheduler\n")));
    }

    void makeRandomModel()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("tiny"));
        const auto made =
            runCli({QStringLiteral("make-random-model"), QStringLiteral("--preset"), QStringLiteral("tiny"),
                    QStringLiteral("--out"), out, QStringLiteral("--seed"), QStringLiteral("3")});
        QCOMPARE(made.exitCode, 0);
        const auto listed = runCli({QStringLiteral("inspect"), out});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QStringLiteral(
                     "unet\tUNet2DConditionModel\tdiffusion_pytorch_model.safetensors\t684 tensors")),
                 qPrintable(listed.out));
        const auto tokens = runCli({QStringLiteral("tokenize"), QStringLiteral("--model"), out,
                                    QStringLiteral("--prompt"), QStringLiteral("a")});
        QCOMPARE(tokens.out.trimmed(), QStringLiteral("[49406, 320, 49407]"));

        QCOMPARE(runCli({QStringLiteral("make-random-model"), QStringLiteral("--preset"),
                         QStringLiteral("sd3"), QStringLiteral("--out"), out})
                     .exitCode,
                 2);
        QCOMPARE(
            runCli({QStringLiteral("make-random-model"), QStringLiteral("--preset"), QStringLiteral("tiny")})
                .exitCode,
            2);
    }

    void inspectMalformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QByteArray absurd(8, '\0');
        absurd[7] = 0x40; // a header "length" of 2^62
        absurd.append(QByteArray(64 << 20, 'x'));
        QTest::newRow("garbage") << QByteArray("this is not a safetensors file at all");
        QTest::newRow("absurd header length, 64 MB") << absurd;
        QTest::newRow("tiny") << QByteArray("abc");
    }

    void inspectMalformed()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.safetensors"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        const auto before = eikona::testing::childrenCpuMs();
        const auto run = runCli({QStringLiteral("inspect"), path});
        const auto used = eikona::testing::childrenCpuMs() - before;
        QVERIFY2(
            used < 5000,
            qPrintable(
                QStringLiteral("inspect must fail fast, whatever the file holds: %1 ms of CPU").arg(used)));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path), qPrintable(run.err));
        QVERIFY(run.err.startsWith(QStringLiteral("eikona-cli: error:")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
