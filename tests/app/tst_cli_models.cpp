// Local models through eikona-cli: export-single-file and a single file making the same
// picture as its folder, pickle and other non-model files refused with the reason, and the
// registry of added models (list with size and last use, add, remove).

#include "cli_process.h"
#include "generation_parameters.h"
#include "model_hash.h"
#include "picture_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace eikona::store;

namespace {

const QString k_model = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");

using Run = eikona::testing::CliRun;

// The registry and the hub cache in `home`; offline, so nothing reaches for a network.
Run cli(const QStringList& arguments, const QString& home)
{
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("HF_HUB_CACHE"), home + QStringLiteral("/hub"));
    environment.insert(QStringLiteral("HF_HUB_OFFLINE"), QStringLiteral("1"));
    return eikona::testing::runCli(arguments, environment);
}

QStringList generateArguments(const QString& model, const QString& out)
{
    return {QStringLiteral("generate"),
            QStringLiteral("--model"),
            model,
            QStringLiteral("--prompt"),
            QStringLiteral("a quiet harbour"),
            QStringLiteral("--steps"),
            QStringLiteral("3"),
            QStringLiteral("--width"),
            QStringLiteral("64"),
            QStringLiteral("--height"),
            QStringLiteral("64"),
            QStringLiteral("--seed"),
            QStringLiteral("11"),
            QStringLiteral("--sampler"),
            QStringLiteral("euler_a"),
            QStringLiteral("--out"),
            out};
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QString rowOf(const QString& listing, const QString& name)
{
    for (const auto& line : listing.split(u'\n'))
        if (line.startsWith(name + u' '))
            return line;
    return {};
}

} // namespace

class TestCliModels : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void singleFileMakesTheSamePictureAsItsFolder()
    {
        QTemporaryDir home;
        const auto single = home.filePath(QStringLiteral("tiny.safetensors"));
        const auto exported = cli({QStringLiteral("export-single-file"), QStringLiteral("--model"), k_model,
                                   QStringLiteral("--out"), single},
                                  home.path());
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(QFileInfo(single).size() > 1'000'000);

        const auto fromFolder =
            cli(generateArguments(k_model, home.filePath(QStringLiteral("folder.png"))), home.path());
        QVERIFY2(fromFolder.exitCode == 0, qPrintable(fromFolder.err));
        const auto fromFile =
            cli(generateArguments(single, home.filePath(QStringLiteral("file.png"))), home.path());
        QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.err));
        const QImage expected(home.filePath(QStringLiteral("folder.png")));
        const QImage actual(home.filePath(QStringLiteral("file.png")));
        QVERIFY(!expected.isNull());
        QCOMPARE(actual, expected);

        // A1111 names a single file's model by its file name and hashes the whole file.
        const auto parameters =
            parseParameters(*readParametersText(home.filePath(QStringLiteral("file.png"))));
        QVERIFY(parameters);
        QCOMPARE(parameters->model, QStringLiteral("tiny"));
        QCOMPARE(parameters->modelHash, sha256OfFile(single).left(10));

        const auto again = cli({QStringLiteral("export-single-file"), QStringLiteral("--model"), k_model,
                                QStringLiteral("--out"), single},
                               home.path());
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("not overwritten")), qPrintable(again.err));
        const auto wrongName = cli({QStringLiteral("export-single-file"), QStringLiteral("--model"), k_model,
                                    QStringLiteral("--out"), home.filePath(QStringLiteral("tiny.ckpt"))},
                                   home.path());
        QCOMPARE(wrongName.exitCode, 2);
        QVERIFY2(wrongName.err.contains(QStringLiteral(".safetensors")), qPrintable(wrongName.err));
        const auto noModel = cli({QStringLiteral("export-single-file"), QStringLiteral("--model"),
                                  home.filePath(QStringLiteral("nothing")), QStringLiteral("--out"),
                                  home.filePath(QStringLiteral("x.safetensors"))},
                                 home.path());
        QCOMPARE(noModel.exitCode, 1);
        QVERIFY(!QFileInfo::exists(home.filePath(QStringLiteral("x.safetensors"))));
    }

    void refusesWhatIsNotASafeModel_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        // A pickle zip as torch.save writes it: never opened, whatever its content.
        const QByteArray zip("PK\x03\x04\x14\x00\x00\x00archive/data.pkl", 26);
        QTest::newRow("ckpt") << QStringLiteral("model.ckpt") << zip << QStringLiteral("arbitrary code");
        QTest::newRow("bin") << QStringLiteral("diffusion_pytorch_model.bin") << zip
                             << QStringLiteral("arbitrary code");
        QTest::newRow("pt") << QStringLiteral("model.PT") << zip << QStringLiteral("arbitrary code");
        QTest::newRow("pickle named safetensors")
            << QStringLiteral("model.safetensors") << zip << QStringLiteral("not a safetensors file");
        QTest::newRow("text") << QStringLiteral("notes.txt") << QByteArray("hello")
                              << QStringLiteral("neither a diffusers folder");
    }

    void refusesWhatIsNotASafeModel()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir home;
        const auto path = home.filePath(fileName);
        writeBytes(path, bytes);
        const auto generate =
            cli(generateArguments(path, home.filePath(QStringLiteral("out.png"))), home.path());
        QCOMPARE(generate.exitCode, 1);
        QVERIFY2(generate.err.contains(expected), qPrintable(generate.err));
        QVERIFY(!QFileInfo::exists(home.filePath(QStringLiteral("out.png"))));
        const auto add = cli({QStringLiteral("models"), QStringLiteral("add"), path}, home.path());
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains(expected), qPrintable(add.err));
        if (expected == QStringLiteral("arbitrary code"))
            QVERIFY2(add.err.contains(QStringLiteral("safetensors")),
                     qPrintable(add.err)); // and how to convert
    }

    void refusesSafetensorsThatAreNotAWholeModel()
    {
        QTemporaryDir home;
        // The UNet file of a diffusers folder alone: safetensors, but not an SD 1.x checkpoint.
        const QString lone = k_model + QStringLiteral("/unet/diffusion_pytorch_model.safetensors");
        const auto run = cli(generateArguments(lone, home.filePath(QStringLiteral("out.png"))), home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("not an SD 1.x checkpoint")), qPrintable(run.err));
        const auto folder = cli({QStringLiteral("models"), QStringLiteral("add"), home.path()}, home.path());
        QCOMPARE(folder.exitCode, 1);
        QVERIFY2(folder.err.contains(QStringLiteral("without model_index.json")), qPrintable(folder.err));
    }

    // A damaged models.json is never written over with an empty list: changes are refused with
    // its path, the file stays byte for byte, listing says why the local models are missing,
    // and a picture is still made from a model given by path.
    void aDamagedRegistryIsKept_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("cut short") << QByteArray(R"({"local": [{"name": "harbour", "path": "/x"})");
        QTest::newRow("not an object") << QByteArray("[1, 2, 3]");
        QTest::newRow("not JSON") << QByteArray("\x89PNG\r\n\x1a\n");
    }

    void aDamagedRegistryIsKept()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir home;
        const auto registry = home.filePath(QStringLiteral("data/eikona/models.json"));
        QVERIFY(QDir().mkpath(QFileInfo(registry).absolutePath()));
        writeBytes(registry, content);
        const auto added = cli({QStringLiteral("models"), QStringLiteral("add"), k_model}, home.path());
        QCOMPARE(added.exitCode, 1);
        QVERIFY2(added.err.contains(registry) && added.err.contains(QStringLiteral("left as it is")),
                 qPrintable(added.err));
        QFile file(registry);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
        const auto listed = cli({QStringLiteral("models"), QStringLiteral("list")}, home.path());
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.err.contains(QStringLiteral("warning")) && listed.err.contains(registry),
                 qPrintable(listed.err));
        const auto made =
            cli(generateArguments(k_model, home.filePath(QStringLiteral("out.png"))), home.path());
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
    }

    void registryOfLocalModels()
    {
        QTemporaryDir home;
        const auto added = cli({QStringLiteral("models"), QStringLiteral("add"), k_model}, home.path());
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.out.contains(QStringLiteral("added tiny-sd15")), qPrintable(added.out));
        const auto twice = cli({QStringLiteral("models"), QStringLiteral("add"), k_model}, home.path());
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains(QStringLiteral("already known")), qPrintable(twice.err));
        QCOMPARE(cli({QStringLiteral("models"), QStringLiteral("add"), k_model, QStringLiteral("--name"),
                      QStringLiteral("harbour")},
                     home.path())
                     .exitCode,
                 0);

        auto listing = cli({QStringLiteral("models"), QStringLiteral("list")}, home.path()).out;
        auto row = rowOf(listing, QStringLiteral("tiny-sd15"));
        QVERIFY2(row.contains(QStringLiteral("never")) &&
                     row.contains(QStringLiteral("local ") + QFileInfo(k_model).absoluteFilePath()),
                 qPrintable(listing));
        // Its size on disk: the folder's files.
        QVERIFY2(row.contains(QStringLiteral(" MB")), qPrintable(row));

        // Used by name: the last use shows.
        const auto made =
            cli(generateArguments(QStringLiteral("harbour"), home.filePath(QStringLiteral("out.png"))),
                home.path());
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        listing = cli({QStringLiteral("models"), QStringLiteral("list")}, home.path()).out;
        row = rowOf(listing, QStringLiteral("harbour"));
        QVERIFY2(!row.isEmpty() && !row.contains(QStringLiteral("never")), qPrintable(listing));
        QVERIFY2(rowOf(listing, QStringLiteral("tiny-sd15")).contains(QStringLiteral("never")),
                 qPrintable(listing));

        const auto verified =
            cli({QStringLiteral("models"), QStringLiteral("verify"), QStringLiteral("harbour")}, home.path());
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
        QVERIFY2(verified.out.contains(QStringLiteral("unet/diffusion_pytorch_model.safetensors")),
                 qPrintable(verified.out));

        // A truncated local file fails verification.
        const auto single = home.filePath(QStringLiteral("short.safetensors"));
        QVERIFY(cli({QStringLiteral("export-single-file"), QStringLiteral("--model"), k_model,
                     QStringLiteral("--out"), single},
                    home.path())
                    .exitCode == 0);
        QVERIFY(cli({QStringLiteral("models"), QStringLiteral("add"), single}, home.path()).exitCode == 0);
        QVERIFY(QFile::resize(single, QFileInfo(single).size() - 1000));
        const auto damaged =
            cli({QStringLiteral("models"), QStringLiteral("verify"), QStringLiteral("short")}, home.path());
        QCOMPARE(damaged.exitCode, 1);
        QVERIFY2(damaged.out.contains(QStringLiteral("truncated")), qPrintable(damaged.out));

        const auto removed =
            cli({QStringLiteral("models"), QStringLiteral("remove"), QStringLiteral("harbour")}, home.path());
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY2(removed.out.contains(QStringLiteral("stay where they are")), qPrintable(removed.out));
        QVERIFY(QFileInfo::exists(k_model + QStringLiteral("/model_index.json")));
        listing = cli({QStringLiteral("models"), QStringLiteral("list")}, home.path()).out;
        QVERIFY2(rowOf(listing, QStringLiteral("harbour")).isEmpty(), qPrintable(listing));
        QVERIFY2(!rowOf(listing, QStringLiteral("tiny-sd15")).isEmpty(), qPrintable(listing));
        QCOMPARE(
            cli({QStringLiteral("models"), QStringLiteral("remove"), QStringLiteral("harbour")}, home.path())
                .exitCode,
            1);
        const auto usage =
            cli({QStringLiteral("models"), QStringLiteral("frobnicate"), QStringLiteral("x")}, home.path());
        QCOMPARE(usage.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliModels)
#include "tst_cli_models.moc"
