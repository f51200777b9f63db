// The gallery from the command line: generate adds its pictures (unless --no-gallery), search
// in English and Greek, add-folder reading other tools' pictures, rebuild after the index is
// lost, two processes writing at once, and bad usage refused.

#include "cli_process.h"
#include "png_text.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString k_model = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");
using Run = eikona::testing::CliRun;

QProcessEnvironment environmentFor(const QString& home)
{
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("HF_HUB_CACHE"), home + QStringLiteral("/hub"));
    environment.insert(QStringLiteral("HF_HUB_OFFLINE"), QStringLiteral("1"));
    return environment;
}

Run cli(const QStringList& arguments, const QString& home)
{
    return eikona::testing::runCli(arguments, environmentFor(home));
}

QStringList generate(const QString& prompt, const QString& out, const QString& seed)
{
    return {QStringLiteral("generate"),
            QStringLiteral("--model"),
            k_model,
            QStringLiteral("--prompt"),
            prompt,
            QStringLiteral("--steps"),
            QStringLiteral("2"),
            QStringLiteral("--width"),
            QStringLiteral("64"),
            QStringLiteral("--height"),
            QStringLiteral("64"),
            QStringLiteral("--seed"),
            seed,
            QStringLiteral("--out"),
            out};
}

QStringList lines(const QString& text)
{
    auto list = text.split(u'\n', Qt::SkipEmptyParts);
    list.sort();
    return list;
}

} // namespace

class TestCliGallery : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void generateAddsItsPicturesAndSearchFindsThem()
    {
        QTemporaryDir home;
        const auto out = home.filePath(QStringLiteral("pictures"));
        auto run =
            cli(generate(QStringLiteral("ένα ΚΑΡΆΒΙ στο λιμάνι"), out, QStringLiteral("1")), home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto first = run.out.trimmed();
        run = cli(generate(QStringLiteral("a lighthouse at dusk"), out, QStringLiteral("2")), home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto second = run.out.trimmed();
        auto withoutGallery = generate(QStringLiteral("a lighthouse, not kept"), out, QStringLiteral("3"));
        withoutGallery.append(QStringLiteral("--no-gallery"));
        QCOMPARE(cli(withoutGallery, home.path()).exitCode, 0);

        const auto search = [&](const QString& text) {
            const auto result = cli({QStringLiteral("gallery"), QStringLiteral("search"), text}, home.path());
            return result.exitCode == 0 ? lines(result.out)
                                        : QStringList{QStringLiteral("failed: ") + result.err};
        };
        QCOMPARE(search(QStringLiteral("καραβι")), QStringList{QFileInfo(first).absoluteFilePath()});
        QCOMPARE(search(QStringLiteral("Καράβι λιμ")), QStringList{QFileInfo(first).absoluteFilePath()});
        QCOMPARE(search(QStringLiteral("lighthouse")), QStringList{QFileInfo(second).absoluteFilePath()});
        QCOMPARE(search(QString()).size(), 2);
        const auto favourites = cli(
            {QStringLiteral("gallery"), QStringLiteral("search"), QString(), QStringLiteral("--favourites")},
            home.path());
        QCOMPARE(favourites.exitCode, 0);
        QVERIFY(favourites.out.trimmed().isEmpty());
        const auto byModel = cli({QStringLiteral("gallery"), QStringLiteral("search"), QString(),
                                  QStringLiteral("--model"), QStringLiteral("tiny-sd15")},
                                 home.path());
        QCOMPARE(lines(byModel.out).size(), 2);

        // The index lost: rebuild makes it again from the pictures' folder (the third one joins: it is
        // there).
        QVERIFY(QFile::remove(home.filePath(QStringLiteral("data/eikona/gallery.sqlite"))));
        QFile::remove(home.filePath(QStringLiteral("data/eikona/gallery.sqlite-wal")));
        QFile::remove(home.filePath(QStringLiteral("data/eikona/gallery.sqlite-shm")));
        QCOMPARE(search(QString()).size(), 0);
        QCOMPARE(cli({QStringLiteral("gallery"), QStringLiteral("add-folder"), out}, home.path()).exitCode,
                 0);
        QCOMPARE(search(QString()).size(), 3);
        const auto rebuilt = cli({QStringLiteral("gallery"), QStringLiteral("rebuild")}, home.path());
        QCOMPARE(rebuilt.exitCode, 0);
        QVERIFY2(rebuilt.err.contains(QStringLiteral("3 pictures indexed")), qPrintable(rebuilt.err));
    }

    void otherToolsFolder()
    {
        QTemporaryDir home;
        const auto folder = home.filePath(QStringLiteral("comfy/output"));
        QDir().mkpath(folder);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QImage image(8, 8, QImage::Format_RGB888);
        image.fill(Qt::red);
        QImageWriter(&buffer, "png").write(image);
        const auto graph = QStringLiteral(
            R"({"3": {"class_type": "KSampler", "inputs": {"seed": 5, "steps": 20, "cfg": 8, "sampler_name": "euler",
            "scheduler": "normal", "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0], "model": ["4", 0]}},
            "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "purple galaxy bottle"}},
            "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "watermark"}}})");
        QFile file(folder + QStringLiteral("/ComfyUI_00001_.png"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(eikona::store::withPngText(png, {{QStringLiteral("prompt"), graph}}));
        file.close();
        const auto added =
            cli({QStringLiteral("gallery"), QStringLiteral("add-folder"), folder}, home.path());
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(added.err.contains(QStringLiteral("1 picture indexed")));
        const auto found =
            cli({QStringLiteral("gallery"), QStringLiteral("search"), QStringLiteral("galaxy")}, home.path());
        QCOMPARE(found.out.trimmed(), QFileInfo(file.fileName()).absoluteFilePath());
    }

    void twoProcessesAtOnce()
    {
        QTemporaryDir home;
        const auto out = home.filePath(QStringLiteral("pictures"));
        QList<QProcess*> processes;
        for (int i = 0; i < 2; ++i) {
            auto* process = new QProcess(this);
            process->setProcessEnvironment(environmentFor(home.path()));
            auto arguments =
                generate(QStringLiteral("together %1").arg(i), out + QString::number(i), QString::number(i));
            arguments << QStringLiteral("--batch-count") << QStringLiteral("3");
            process->start(QStringLiteral(EIKONA_CLI), arguments);
            processes.append(process);
        }
        for (auto* process : processes) {
            QVERIFY(process->waitForFinished(120000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }
        const auto all = cli(
            {QStringLiteral("gallery"), QStringLiteral("search"), QStringLiteral("together")}, home.path());
        QCOMPARE(lines(all.out).size(), 6);
    }

    void exportFromTheCommandLine()
    {
        QTemporaryDir home;
        const auto out = home.filePath(QStringLiteral("pictures"));
        QCOMPARE(cli(generate(QStringLiteral("a red apple"), out, QStringLiteral("1")), home.path()).exitCode,
                 0);
        QCOMPARE(
            cli(generate(QStringLiteral("a green pear"), out, QStringLiteral("2")), home.path()).exitCode, 0);
        const auto zip = cli({QStringLiteral("gallery"), QStringLiteral("export"), QStringLiteral("--all"),
                              QStringLiteral("--format"), QStringLiteral("zip"), QStringLiteral("--out"),
                              home.filePath(QStringLiteral("all.zip"))},
                             home.path());
        QVERIFY2(zip.exitCode == 0, qPrintable(zip.err));
        QCOMPARE(zip.out.trimmed(), home.filePath(QStringLiteral("all.zip")));
        const auto jpeg =
            cli({QStringLiteral("gallery"), QStringLiteral("export"), QStringLiteral("--search"),
                 QStringLiteral("apple"), QStringLiteral("--format"), QStringLiteral("folder"),
                 QStringLiteral("--image-format"), QStringLiteral("jpeg"), QStringLiteral("--out"),
                 home.filePath(QStringLiteral("jpegs"))},
                home.path());
        QVERIFY2(jpeg.exitCode == 0, qPrintable(jpeg.err));
        QCOMPARE(QDir(home.filePath(QStringLiteral("jpegs"))).entryList({QStringLiteral("*.jpg")}).size(), 1);
        const auto html =
            cli({QStringLiteral("gallery"), QStringLiteral("export"), QStringLiteral("--all"),
                 QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("--strip-metadata"),
                 QStringLiteral("--out"), home.filePath(QStringLiteral("sheet.html"))},
                home.path());
        QVERIFY2(html.exitCode == 0, qPrintable(html.err));
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("sheet.html"))));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("words");
        QTest::newRow("no action") << QStringList{QStringLiteral("gallery")} << 2 << QStringLiteral("usage");
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("gallery"), QStringLiteral("frobnicate")} << 2
            << QStringLiteral("usage");
        QTest::newRow("not a folder") << QStringList{QStringLiteral("gallery"), QStringLiteral("add-folder"),
                                                     QStringLiteral("/no/such/folder")}
                                      << 1 << QStringLiteral("not a folder");
        QTest::newRow("search without text")
            << QStringList{QStringLiteral("gallery"), QStringLiteral("search")} << 2
            << QStringLiteral("usage");
        QTest::newRow("--favourites elsewhere")
            << QStringList{QStringLiteral("gallery"), QStringLiteral("rebuild"),
                           QStringLiteral("--favourites")}
            << 2 << QStringLiteral("go with search");
        QTest::newRow("export without --all or --search")
            << QStringList{QStringLiteral("gallery"), QStringLiteral("export"), QStringLiteral("--format"),
                           QStringLiteral("zip"),     QStringLiteral("--out"),  QStringLiteral("x.zip")}
            << 2 << QStringLiteral("exactly one of --all and --search");
        QTest::newRow("export to an unknown format")
            << QStringList{QStringLiteral("gallery"),  QStringLiteral("export"), QStringLiteral("--all"),
                           QStringLiteral("--format"), QStringLiteral("tar"),    QStringLiteral("--out"),
                           QStringLiteral("x.tar")}
            << 2 << QStringLiteral("--format must be folder, zip or html");
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, words);
        QTemporaryDir home;
        const auto run = cli(arguments, home.path());
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(words), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliGallery)
#include "tst_cli_gallery.moc"
