// `eikona-cli generate` end to end on the tiny model, run as a user runs it: the reference's
// pictures for the same seed and parameters (txt2img and img2img), PNGs whose parameters
// read back, batches whose every image can be remade alone, and bad input refused clearly.

#include "generation_parameters.h"
#include "cli_process.h"
#include "golden.h"
#include "picture_file.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace eikona;

namespace {

using Run = testing::CliRun;

Run generate(const QStringList& arguments)
{
    return testing::runCli(QStringList{QStringLiteral("generate")} + arguments);
}

const QString k_model = QString::fromStdString(testing::k_tiny_model.string());

QString goldenFile(const char* name)
{
    return QString::fromStdString((testing::k_data / "golden" / name).string());
}

// The picture as [H, W, 3] uint8.
at::Tensor pixels(const QImage& picture)
{
    const auto rgb = picture.convertToFormat(QImage::Format_RGB888);
    auto out = at::empty({rgb.height(), rgb.width(), 3}, at::kByte);
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(out[y].data_ptr<std::uint8_t>(), rgb.constScanLine(y),
                    static_cast<std::size_t>(rgb.width()) * 3);
    return out;
}

} // namespace

class TestCliGenerate : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

  private Q_SLOTS:
    // t2i_euler_a_0: prompt, empty negative, cfg 7.5, 10 steps, 64x64, seed 42, Euler a.
    void txt2imgEqualsTheReference()
    {
        const auto run = generate(
            {QStringLiteral("--model"),         k_model,
             QStringLiteral("--prompt"),        QStringLiteral("a photograph of an astronaut riding a horse"),
             QStringLiteral("--steps"),         QStringLiteral("10"),
             QStringLiteral("--cfg"),           QStringLiteral("7.5"),
             QStringLiteral("--seed"),          QStringLiteral("42"),
             QStringLiteral("--width"),         QStringLiteral("64"),
             QStringLiteral("--height"),        QStringLiteral("64"),
             QStringLiteral("--sampler"),       QStringLiteral("euler_a"),
             QStringLiteral("--prompt-syntax"), QStringLiteral("plain"),
             QStringLiteral("--long-prompt"),   QStringLiteral("truncate"),
             QStringLiteral("--out"),           path(QStringLiteral("t2i.png")),
             QStringLiteral("--save-float"),    path(QStringLiteral("t2i.safetensors"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), path(QStringLiteral("t2i.png")));
        QVERIFY2(run.err.contains(QStringLiteral("CPU, fp32")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("step 10/10")), qPrintable(run.err));
        // tqdm's rate reads "it/s" or, on a loaded machine, "s/it": either shows the bar's rate.
        QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral("\\d (it/s|s/it)"))),
                 qPrintable(run.err));

        const auto golden = testing::golden("t2i_euler_a_0");
        const auto saved = io::SafetensorsFile::open(path(QStringLiteral("t2i.safetensors")).toStdString());
        EIKONA_COMPARE_CLOSE(saved.tensor("latents"), golden.tensor("latents_final"), 5e-3, 1e-3, "latents");
        EIKONA_COMPARE_CLOSE(saved.tensor("image"), golden.tensor("image_np"), 5e-4, 0, "image");
        const auto png = pixels(QImage(path(QStringLiteral("t2i.png"))));
        const auto expected = golden.tensor("image_uint8")[0];
        const auto worst = (png.to(at::kInt) - expected.to(at::kInt)).abs().max().item<int>();
        std::printf("  PNG pixels: max |difference| %d\n", worst);
        QVERIFY(worst <= 1);

        const auto text = store::readParametersText(path(QStringLiteral("t2i.png")));
        QVERIFY(text);
        const auto parameters = store::parseParameters(*text);
        QVERIFY2(parameters, qPrintable(*text));
        QCOMPARE(parameters->prompt, QStringLiteral("a photograph of an astronaut riding a horse"));
        QCOMPARE(parameters->negativePrompt, QString());
        QCOMPARE(parameters->steps, 10);
        QCOMPARE(parameters->sampler, QStringLiteral("Euler a"));
        QCOMPARE(parameters->cfgScale, 7.5);
        QCOMPARE(parameters->seed, 42ULL);
        QCOMPARE(parameters->width, 64);
        QCOMPARE(parameters->height, 64);
        QCOMPARE(parameters->model, QStringLiteral("tiny-sd15"));
        QCOMPARE(parameters->modelHash.size(), 10);
    }

    // img2img_euler_a_7: the fixture's PNG as init image, strength 0.75, seed 270.
    void img2imgEqualsTheReference()
    {
        const auto run =
            generate({QStringLiteral("--model"),
                      k_model,
                      QStringLiteral("--prompt"),
                      QStringLiteral("a sunflower field under a stormy sky, impressionist painting"),
                      QStringLiteral("--init-image"),
                      goldenFile("init_image0_64x64.png"),
                      QStringLiteral("--strength"),
                      QStringLiteral("0.75"),
                      QStringLiteral("--steps"),
                      QStringLiteral("10"),
                      QStringLiteral("--seed"),
                      QStringLiteral("270"),
                      QStringLiteral("--width"),
                      QStringLiteral("64"),
                      QStringLiteral("--height"),
                      QStringLiteral("64"),
                      QStringLiteral("--sampler"),
                      QStringLiteral("euler_a"),
                      QStringLiteral("--prompt-syntax"),
                      QStringLiteral("plain"),
                      QStringLiteral("--long-prompt"),
                      QStringLiteral("truncate"),
                      QStringLiteral("--out"),
                      path(QStringLiteral("i2i.png")),
                      QStringLiteral("--save-float"),
                      path(QStringLiteral("i2i.safetensors"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto golden = testing::golden("img2img_euler_a_7");
        const auto saved = io::SafetensorsFile::open(path(QStringLiteral("i2i.safetensors")).toStdString());
        EIKONA_COMPARE_CLOSE(saved.tensor("latents"), golden.tensor("latents_final"), 5e-3, 1e-3, "latents");
        EIKONA_COMPARE_CLOSE(saved.tensor("image"), golden.tensor("image_np"), 5e-4, 0, "image");
        const auto parameters =
            store::parseParameters(*store::readParametersText(path(QStringLiteral("i2i.png"))));
        QVERIFY(parameters);
        QCOMPARE(parameters->denoisingStrength, std::optional<double>(0.75));
    }

    // Two runs of two: four files named by date, seed and prompt, each image the one its seed makes
    // alone; a Greek prompt survives in the PNG.
    void batchesGiveEveryImageItsOwnSeed()
    {
        const QString folder = path(QStringLiteral("batch"));
        const QString prompt = QStringLiteral("ένας φάρος στο σούρουπο, (ελαιογραφία:1.2)");
        const QStringList common{QStringLiteral("--model"),    k_model,
                                 QStringLiteral("--prompt"),   prompt,
                                 QStringLiteral("--negative"), QStringLiteral("θολό"),
                                 QStringLiteral("--steps"),    QStringLiteral("4"),
                                 QStringLiteral("--width"),    QStringLiteral("64"),
                                 QStringLiteral("--height"),   QStringLiteral("48"),
                                 QStringLiteral("--sampler"),  QStringLiteral("dpmpp_2m")};
        const auto batch =
            generate(common + QStringList{QStringLiteral("--seed"), QStringLiteral("1000"),
                                          QStringLiteral("--batch-size"), QStringLiteral("2"),
                                          QStringLiteral("--batch-count"), QStringLiteral("2"),
                                          QStringLiteral("--out"), folder, QStringLiteral("--save-float"),
                                          path(QStringLiteral("batch.safetensors"))});
        QVERIFY2(batch.exitCode == 0, qPrintable(batch.err));
        // Named as the app names them: date and time, seed, the prompt's words (Greek too).
        const auto names = QDir(folder).entryList(QDir::Files, QDir::Name);
        QCOMPARE(names.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const QRegularExpression name(
                QStringLiteral("^\\d{8}-\\d{6}-%1-ένας-φάρος-στο-σούρουπο-ελαιογραφία\\.png$").arg(1000 + i));
            QVERIFY2(name.match(names[i]).hasMatch(), qPrintable(names[i]));
        }
        const auto floats =
            io::SafetensorsFile::open(path(QStringLiteral("batch.safetensors")).toStdString());
        QVERIFY(floats.tensor("image").sizes() == (std::vector<std::int64_t>{4, 48, 64, 3}));
        QVERIFY(floats.tensor("latents").sizes() == (std::vector<std::int64_t>{4, 4, 6, 8}));

        const auto alone =
            generate(common + QStringList{QStringLiteral("--seed"), QStringLiteral("1003"),
                                          QStringLiteral("--out"), path(QStringLiteral("alone.png"))});
        QVERIFY2(alone.exitCode == 0, qPrintable(alone.err));
        const auto difference = (pixels(QImage(QDir(folder).filePath(names[3]))).to(at::kInt) -
                                 pixels(QImage(path(QStringLiteral("alone.png")))).to(at::kInt))
                                    .abs()
                                    .max()
                                    .item<int>();
        std::printf("  image 3 of the batch vs seed 1003 alone: max |difference| %d\n", difference);
        QVERIFY(difference <= 1);

        const auto parameters =
            store::parseParameters(*store::readParametersText(QDir(folder).filePath(names[2])));
        QVERIFY(parameters);
        QCOMPARE(parameters->prompt, prompt);
        QCOMPARE(parameters->negativePrompt, QStringLiteral("θολό"));
        QCOMPARE(parameters->seed, 1002ULL);
        QCOMPARE(parameters->sampler, QStringLiteral("DPM++ 2M"));
        // A second job into the same folder, same seed and prompt, never overwrites.
        const auto again = generate(common + QStringList{QStringLiteral("--seed"), QStringLiteral("1000"),
                                                         QStringLiteral("--out"), folder});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const auto written = again.out.trimmed();
        QVERIFY2(QFileInfo::exists(written) && !names.contains(QFileInfo(written).fileName()),
                 qPrintable(written));
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 5);
    }

    void defaultsAndRandomSeed()
    {
        const auto run =
            generate({QStringLiteral("--model"), k_model, QStringLiteral("--prompt"), QStringLiteral("a cat"),
                      QStringLiteral("--width"), QStringLiteral("64"), QStringLiteral("--height"),
                      QStringLiteral("64"), QStringLiteral("--out"), path(QStringLiteral("defaults.png"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("sampler pndm, 25 steps, cfg 7.5")), qPrintable(run.err));
        const auto parameters =
            store::parseParameters(*store::readParametersText(path(QStringLiteral("defaults.png"))));
        QVERIFY(parameters);
        QCOMPARE(parameters->steps, 25);
        QVERIFY2(run.err.contains(QStringLiteral("seed %1").arg(parameters->seed)), qPrintable(run.err));
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QStringList base{QStringLiteral("--model"), k_model, QStringLiteral("--prompt"),
                               QStringLiteral("a cat")};
        QTest::newRow("no model") << QStringList{QStringLiteral("--prompt"), QStringLiteral("x")} << 2
                                  << QStringLiteral("--model is required");
        QTest::newRow("no prompt") << QStringList{QStringLiteral("--model"), k_model} << 2
                                   << QStringLiteral("--prompt is required");
        QTest::newRow("size not multiple of 8")
            << base + QStringList{QStringLiteral("--width"), QStringLiteral("100")} << 2
            << QStringLiteral("multiples of 8");
        QTest::newRow("zero steps") << base + QStringList{QStringLiteral("--steps"), QStringLiteral("0")} << 2
                                    << QStringLiteral("--steps must be an integer from 1 to 10000");
        QTest::newRow("bad cfg") << base + QStringList{QStringLiteral("--cfg"), QStringLiteral("lots")} << 2
                                 << QStringLiteral("--cfg");
        QTest::newRow("bad seed") << base + QStringList{QStringLiteral("--seed"), QStringLiteral("-4")} << 2
                                  << QStringLiteral("--seed");
        QTest::newRow("unknown sampler")
            << base + QStringList{QStringLiteral("--sampler"), QStringLiteral("k_euler")} << 2
            << QStringLiteral("unknown --sampler");
        QTest::newRow("strength without image")
            << base + QStringList{QStringLiteral("--strength"), QStringLiteral("0.5")} << 2
            << QStringLiteral("needs --init-image");
        QTest::newRow("strength out of range")
            << base + QStringList{QStringLiteral("--init-image"), goldenFile("init_image0_64x64.png"),
                                  QStringLiteral("--strength"), QStringLiteral("1.5")}
            << 2 << QStringLiteral("(0, 1]");
        QTest::newRow("strength too small for the steps")
            << base + QStringList{QStringLiteral("--init-image"), goldenFile("init_image0_64x64.png"),
                                  QStringLiteral("--strength"),   QStringLiteral("0.01"),
                                  QStringLiteral("--steps"),      QStringLiteral("5"),
                                  QStringLiteral("--width"),      QStringLiteral("64"),
                                  QStringLiteral("--height"),     QStringLiteral("64")}
            << 1 << QStringLiteral("leaves no step to run");
        QTest::newRow("unreadable init image")
            << base +
                   QStringList{QStringLiteral("--init-image"), k_model + QStringLiteral("/model_index.json")}
            << 1 << QStringLiteral("cannot read the init image");
        QTest::newRow("prompt syntax")
            << base + QStringList{QStringLiteral("--prompt-syntax"), QStringLiteral("comfy")} << 2
            << QStringLiteral("a1111 or plain");
        QTest::newRow("long prompt") << base + QStringList{QStringLiteral("--long-prompt"),
                                                           QStringLiteral("wrap")}
                                     << 2 << QStringLiteral("chunk or truncate");
        QTest::newRow("missing folder")
            << QStringList{QStringLiteral("--model"), QStringLiteral("/no/such/model"),
                           QStringLiteral("--prompt"), QStringLiteral("x")}
            << 1 << QStringLiteral("no model at /no/such/model");
        QTest::newRow("repository not cached")
            << QStringList{QStringLiteral("--model"), QStringLiteral("someone/not-cached"),
                           QStringLiteral("--prompt"), QStringLiteral("x")}
            << 1 << QStringLiteral("not in the cache");
        QTest::newRow("fp16 on the CPU")
            << base + QStringList{QStringLiteral("--device"), QStringLiteral("cpu"),
                                  QStringLiteral("--dtype"), QStringLiteral("fp16")}
            << 1 << QStringLiteral("needs a GPU");
        QTest::newRow("unknown device")
            << base + QStringList{QStringLiteral("--device"), QStringLiteral("tpu")} << 1
            << QStringLiteral("unknown device");
        QTest::newRow("batch overflow")
            << base + QStringList{QStringLiteral("--batch-size"), QStringLiteral("2147483647"),
                                  QStringLiteral("--batch-count"), QStringLiteral("2")}
            << 2 << QStringLiteral("--batch-size must be an integer from 1 to 64");
        QTest::newRow("batch count past its limit")
            << base + QStringList{QStringLiteral("--batch-count"), QStringLiteral("100000")} << 2
            << QStringLiteral("from 1 to 10000");
        QTest::newRow("a side past its limit")
            << base + QStringList{QStringLiteral("--width"), QStringLiteral("30000")} << 2
            << QStringLiteral("from 8 to 4096");
        QTest::newRow("a prompt past its limit")
            << QStringList{QStringLiteral("--model"), k_model, QStringLiteral("--prompt"),
                           QString(20001, QLatin1Char('a'))}
            << 2 << QStringLiteral("at most 20000 characters");
        QTest::newRow("more steps than noise levels")
            << base + QStringList{QStringLiteral("--steps"),  QStringLiteral("1001"),
                                  QStringLiteral("--width"),  QStringLiteral("64"),
                                  QStringLiteral("--height"), QStringLiteral("64")}
            << 1 << QStringLiteral("num_train_timesteps");
        QTest::newRow("save-float not safetensors")
            << base + QStringList{QStringLiteral("--save-float"), QStringLiteral("out.npy")} << 2
            << QStringLiteral("FILE.safetensors");
    }

    // A picture that cannot be written stops the job at once (the next ones would fail the
    // same way) and says why; nothing half-written is left under a picture's name.
    void aPictureThatCannotBeSavedStopsTheJob()
    {
        const QString out = path(QStringLiteral("no-room"));
        // dash's ulimit -f counts 512-byte blocks: 2 KB, less than any PNG of the tiny model.
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("no-room-data")));
        const auto run = testing::runCli(
            {QStringLiteral("generate"), QStringLiteral("--model"), k_model, QStringLiteral("--prompt"),
             QStringLiteral("a lighthouse"), QStringLiteral("--steps"), QStringLiteral("2"),
             QStringLiteral("--width"), QStringLiteral("64"), QStringLiteral("--height"),
             QStringLiteral("64"), QStringLiteral("--batch-count"), QStringLiteral("3"),
             QStringLiteral("--out"), out},
            environment,
            {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
             QStringLiteral("ulimit -f 4; exec \"$0\" \"$@\"")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("stopped after 0 picture(s) were saved")),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("run 2/3")),
                 qPrintable(run.err)); // the second run never started
        QCOMPARE(QDir(out).entryList({QStringLiteral("*.png")}, QDir::Files), QStringList());
        // The gallery index could not be made either: said so, and not mistaken for a damaged
        // one (which would be set aside and rebuilt).
        QVERIFY2(run.err.contains(QStringLiteral("the gallery cannot be opened")), qPrintable(run.err));
        QDirIterator files(path(QStringLiteral("no-room-data")), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext())
            QVERIFY2(!files.next().contains(QStringLiteral(".damaged-")), qPrintable(files.filePath()));
    }

    void refusesBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QTemporaryDir empty; // an empty cache: nothing is found there
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HF_HUB_CACHE"), empty.path());
        environment.insert(QStringLiteral("HF_HUB_OFFLINE"), QStringLiteral("1"));
        const auto run =
            testing::runCli(QStringList{QStringLiteral("generate")} + arguments +
                                QStringList{QStringLiteral("--out"), path(QStringLiteral("refused"))},
                            environment);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("refused"))) ||
                QDir(path(QStringLiteral("refused"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cli_generate.moc"
