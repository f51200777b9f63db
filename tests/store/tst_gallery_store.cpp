// The gallery index: save, search in English and Greek (accents and case as people type),
// favourites, rescans that notice files added or removed behind its back, a rebuild from the
// files, a damaged database replaced by a rebuild, a kill -9 while pictures are being saved,
// and other tools' pictures (A1111, ComfyUI, InvokeAI PNGs) read and searchable.

#include "gallery_store.h"
#include "picture_fixtures.h"
#include "picture_file.h"
#include "png_text.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace eikona::store;

namespace {

// A PNG with the given text chunks, as another tool would write it.
void writePngWithText(const QString& path, const PngTextEntries& entries)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "png").write(eikona::testing::testPicture(static_cast<int>(path.size())));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(entries.isEmpty() ? png : withPngText(png, entries));
}

QStringList prompts(const QList<GalleryEntry>& entries)
{
    QStringList list;
    for (const auto& entry : entries)
        list.append(entry.parameters.prompt);
    list.sort();
    return list;
}

} // namespace

class TestGalleryStore : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_pictures = m_dir->filePath(QStringLiteral("pictures"));
        QDir().mkpath(m_pictures);
        m_database = m_dir->filePath(QStringLiteral("gallery.sqlite"));
    }

    void folding()
    {
        QCOMPARE(foldForSearch(QStringLiteral("ΚΑΡΆΒΙ")), QStringLiteral("καραβι"));
        QCOMPARE(foldForSearch(QStringLiteral("καράβι")), QStringLiteral("καραβι"));
        QCOMPARE(foldForSearch(QStringLiteral("Café")), QStringLiteral("cafe"));
        QCOMPARE(foldForSearch(QStringLiteral("ΟΔΟΣ οδός")), QStringLiteral("οδοσ οδοσ"));
    }

    void saveAndSearchInBothLanguages()
    {
        GalleryStore store(m_database);
        QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
        const QStringList texts{QStringLiteral("ένα καράβι στη θάλασσα, (oil painting:1.2)"),
                                QStringLiteral("a café at night, ΚΑΡΆΒΙ in the harbour"),
                                QStringLiteral("a lighthouse at dusk")};
        for (int i = 0; i < texts.size(); ++i)
            QVERIFY2(store.savePicture(QDir(m_pictures).filePath(QStringLiteral("%1.png").arg(i)),
                                       eikona::testing::testPicture(i),
                                       eikona::testing::testParameters(texts[i], 100 + i)),
                     qPrintable(store.lastError()));
        QCOMPARE(store.count(), 3);
        const auto search = [&](const char* text) { return store.search({QString::fromUtf8(text)}).size(); };
        QCOMPARE(search("καραβι"), 2);
        QCOMPARE(search("καράβι"), 2);
        QCOMPARE(search("ΚΑΡΑΒΙ"), 2);
        QCOMPARE(search("cafe"), 1);
        QCOMPARE(search("CAFÉ"), 1);
        QCOMPARE(search("light"), 1); // a prefix
        QCOMPARE(search("θαλασσ"), 1);
        QCOMPARE(search("καράβι night"), 1); // every word
        QCOMPARE(search("blurry"), 0);       // the negative prompt is not the prompt
        QCOMPARE(search(""), 3);
        const auto found = store.search({QStringLiteral("lighthouse")});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].parameters.seed, 102ULL);
        QCOMPARE(found[0].parameters.sampler, QStringLiteral("Euler a"));
        QCOMPARE(found[0].source, PictureMetadata::Source::A1111);
        QCOMPARE(found[0].width, 16);
        QCOMPARE(found[0].height, 24);
        QCOMPARE(found[0].contentHash.size(), 64);
        QVERIFY(store.folders().contains(QFileInfo(m_pictures).absoluteFilePath()));
    }

    void favouritesFiltersAndRemoval()
    {
        GalleryStore store(m_database);
        const auto a = store.savePicture(QDir(m_pictures).filePath(QStringLiteral("a.png")),
                                         eikona::testing::testPicture(1),
                                         eikona::testing::testParameters(QStringLiteral("red apple"), 1));
        const auto b = store.savePicture(QDir(m_pictures).filePath(QStringLiteral("b.png")),
                                         eikona::testing::testPicture(2),
                                         eikona::testing::testParameters(QStringLiteral("green apple"), 2));
        QVERIFY(a && b);
        QVERIFY(store.setFavourite(*b, true));
        GalleryQuery favourites;
        favourites.favouritesOnly = true;
        QCOMPARE(prompts(store.search(favourites)), QStringList{QStringLiteral("green apple")});
        GalleryQuery byModel;
        byModel.model = QStringLiteral("stable-diffusion-v1-5");
        QCOMPARE(store.search(byModel).size(), 2);
        byModel.model = QStringLiteral("other");
        QCOMPARE(store.search(byModel).size(), 0);
        GalleryQuery bySize;
        bySize.size = QSize(16, 24);
        QCOMPARE(store.search(bySize).size(), 2);
        GalleryQuery byName;
        byName.sort = GalleryQuery::Sort::Name;
        QCOMPARE(store.search(byName).first().path,
                 QFileInfo(QDir(m_pictures).filePath(QStringLiteral("a.png"))).absoluteFilePath());
        QVERIFY(store.removeEntry(*a));
        QCOMPARE(store.count(), 1);
        QCOMPARE(store.search({QStringLiteral("red")}).size(), 0);
        QVERIFY(!store.removeEntry(*a));
    }

    void rescanNoticesFilesBehindItsBack()
    {
        GalleryStore store(m_database);
        for (int i = 0; i < 3; ++i)
            store.savePicture(QDir(m_pictures).filePath(QStringLiteral("%1.png").arg(i)),
                              eikona::testing::testPicture(i),
                              eikona::testing::testParameters(QStringLiteral("picture %1").arg(i), i));
        // Another program adds one and deletes one.
        QVERIFY(writePicture(QDir(m_pictures).filePath(QStringLiteral("added.png")),
                             eikona::testing::testPicture(9),
                             eikona::testing::testParameters(QStringLiteral("added by hand"), 9))
                    .isEmpty());
        QVERIFY(QFile::remove(QDir(m_pictures).filePath(QStringLiteral("1.png"))));
        QCOMPARE(store.rescan(), 2);
        QCOMPARE(store.count(), 3);
        QCOMPARE(store.search({QStringLiteral("added")}).size(), 1);
        QCOMPARE(store.rescan(), 0);
    }

    void rebuildFromTheFilesKeepsFavourites()
    {
        GalleryStore store(m_database);
        for (int i = 0; i < 4; ++i)
            store.savePicture(QDir(m_pictures).filePath(QStringLiteral("%1.png").arg(i)),
                              eikona::testing::testPicture(i),
                              eikona::testing::testParameters(QStringLiteral("picture %1").arg(i), i));
        store.setFavourite(*store.idOf(QDir(m_pictures).filePath(QStringLiteral("2.png"))), true);
        QCOMPARE(store.rebuild(), 4);
        QCOMPARE(store.count(), 4);
        GalleryQuery favourites;
        favourites.favouritesOnly = true;
        QCOMPARE(store.search(favourites).size(), 1);
    }

    void damagedDatabaseIsRebuilt()
    {
        {
            GalleryStore store(m_database, {m_pictures});
            for (int i = 0; i < 5; ++i)
                store.savePicture(QDir(m_pictures).filePath(QStringLiteral("%1.png").arg(i)),
                                  eikona::testing::testPicture(i),
                                  eikona::testing::testParameters(QStringLiteral("kept %1").arg(i), i));
        }
        QFile file(m_database);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(0);
        file.write(QByteArray(4096, '\x5a')); // the header and first page overwritten
        file.close();
        GalleryStore store(m_database, {m_pictures});
        QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
        QVERIFY(store.wasRebuilt());
        QCOMPARE(store.count(), 5);
        QCOMPARE(store.search({QStringLiteral("kept")}).size(), 5);
        QVERIFY(!QDir(m_dir->path()).entryList({QStringLiteral("gallery.sqlite.damaged-*")}).isEmpty());
    }

    void killedWhileSavingLeavesNoHalfPictureNorRowWithoutFile()
    {
        for (int round = 0; round < 5; ++round) {
            QProcess child;
            auto environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("EIKONA_GALLERY_CHILD"), m_database + u'|' + m_pictures);
            child.setProcessEnvironment(environment);
            child.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(child.waitForStarted());
            QVERIFY(child.waitForReadyRead(20000));
            QThread::msleep(QRandomGenerator::global()->bounded(20, 300));
            ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
            child.waitForFinished();
        }
        GalleryStore store(m_database, {m_pictures});
        QVERIFY(store.isOpen());
        store.rescan(); // files written before their row are picked up
        const auto entries = store.search();
        QVERIFY(!entries.isEmpty());
        for (const auto& entry : entries) {
            QVERIFY2(QFile::exists(entry.path), qPrintable(entry.path));
            QVERIFY2(!QImage(entry.path).isNull(), qPrintable(entry.path)); // never half a PNG
        }
        const auto files = QDir(m_pictures).entryList({QStringLiteral("*.png")}, QDir::Files);
        QCOMPARE(static_cast<int>(files.size()), store.count());
    }

    void killedDuringARebuildRecovers()
    {
        {
            GalleryStore store(m_database, {m_pictures});
            for (int i = 0; i < 200; ++i)
                QVERIFY(writePicture(QDir(m_pictures).filePath(QStringLiteral("%1.png").arg(i)),
                                     eikona::testing::testPicture(i),
                                     eikona::testing::testParameters(QStringLiteral("picture %1").arg(i),
                                                                     static_cast<quint64>(i)))
                            .isEmpty());
            QCOMPARE(store.rescan(), 200);
        }
        for (int round = 0; round < 5; ++round) {
            QProcess child;
            auto environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("EIKONA_GALLERY_REBUILD_CHILD"), m_database);
            child.setProcessEnvironment(environment);
            child.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(child.waitForStarted());
            QVERIFY(child.waitForReadyRead(20000));
            QThread::msleep(QRandomGenerator::global()->bounded(10, 200));
            ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
            child.waitForFinished();
            // Whatever moment it died at, the index opens whole (a rebuild is one transaction).
            GalleryStore store(m_database, {m_pictures});
            QVERIFY(store.isOpen());
            QVERIFY(!store.wasRebuilt());
            QCOMPARE(store.count(), 200);
            QCOMPARE(store.search({QStringLiteral("picture")}).size(), 200);
        }
    }

    void otherToolsPictures()
    {
        const auto folder = m_dir->filePath(QStringLiteral("outputs"));
        QDir().mkpath(folder + QStringLiteral("/txt2img-images"));
        writePngWithText(
            folder + QStringLiteral("/txt2img-images/00001-42.png"),
            {{QStringLiteral("parameters"),
              QStringLiteral("a castle on a hill\nNegative prompt: fog\nSteps: 30, Sampler: DPM++ 2M Karras, "
                             "CFG scale: 6, Seed: 42, Size: 512x768, Model: dreamshaper")}});
        const auto comfy = QStringLiteral(
            R"({"3": {"class_type": "KSampler", "inputs": {"seed": 8566257, "steps": 20, "cfg": 8, "sampler_name": "dpmpp_2m",
            "scheduler": "karras", "denoise": 1, "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
            "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "v1-5-pruned-emaonly.safetensors"}},
            "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 640, "height": 448, "batch_size": 1}},
            "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "beautiful scenery nature glass bottle landscape, purple galaxy bottle", "clip": ["4", 1]}},
            "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "text, watermark", "clip": ["4", 1]}},
            "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
            "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "ComfyUI", "images": ["8", 0]}}})");
        writePngWithText(
            folder + QStringLiteral("/ComfyUI_00001_.png"),
            {{QStringLiteral("prompt"), comfy}, {QStringLiteral("workflow"), QStringLiteral("{}")}});
        const auto invoke = QStringLiteral(
            R"({"generation_mode": "txt2img", "positive_prompt": "ένα κόκκινο μήλο", "negative_prompt": "blurry", "width": 512,
            "height": 512, "seed": 1234567, "cfg_scale": 7.5, "steps": 25, "scheduler": "euler",
            "model": {"name": "stable-diffusion-v1-5", "base": "sd-1", "type": "main"}})");
        writePngWithText(folder + QStringLiteral("/invoke.png"),
                         {{QStringLiteral("invokeai_metadata"), invoke}});
        writePngWithText(folder + QStringLiteral("/plain.png"), {});
        QFile notAPicture(folder + QStringLiteral("/notes.txt"));
        QVERIFY(notAPicture.open(QIODevice::WriteOnly));

        GalleryStore store(m_database);
        QVERIFY2(store.addFolder(folder) == 4, qPrintable(store.lastError()));
        const auto castle = store.search({QStringLiteral("castle")});
        QCOMPARE(castle.size(), 1);
        QCOMPARE(castle[0].source, PictureMetadata::Source::A1111);
        QCOMPARE(castle[0].parameters.seed, 42ULL);
        QCOMPARE(castle[0].parameters.negativePrompt, QStringLiteral("fog"));
        const auto bottle = store.search({QStringLiteral("galaxy bottle")});
        QCOMPARE(bottle.size(), 1);
        QCOMPARE(bottle[0].source, PictureMetadata::Source::ComfyUI);
        QCOMPARE(bottle[0].parameters.seed, 8566257ULL);
        QCOMPARE(bottle[0].parameters.steps, 20);
        QCOMPARE(bottle[0].parameters.cfgScale, 8.0);
        QCOMPARE(bottle[0].parameters.sampler, QStringLiteral("DPM++ 2M Karras"));
        QCOMPARE(bottle[0].parameters.negativePrompt, QStringLiteral("text, watermark"));
        QCOMPARE(bottle[0].parameters.width, 640);
        QCOMPARE(bottle[0].parameters.model, QStringLiteral("v1-5-pruned-emaonly.safetensors"));
        const auto apple = store.search({QStringLiteral("μηλο")});
        QCOMPARE(apple.size(), 1);
        QCOMPARE(apple[0].source, PictureMetadata::Source::InvokeAI);
        QCOMPARE(apple[0].parameters.seed, 1234567ULL);
        QCOMPARE(apple[0].parameters.cfgScale, 7.5);
        QCOMPARE(apple[0].parameters.model, QStringLiteral("stable-diffusion-v1-5"));
        // The picture without parameters is still there.
        GalleryQuery all;
        all.folder = folder;
        QCOMPARE(store.search(all).size(), 4);
    }

    // Numbers in other tools' metadata that fit no seed (1e300 was cast with undefined
    // behaviour: found by fuzzing) read as seed 0, and the rest of the parameters still read.
    void seedsOutOfRangeInOtherToolsMetadata()
    {
        const auto comfy = parametersFromComfyGraph(QStringLiteral(
            R"({"3": {"class_type": "KSampler", "inputs": {"seed": 8.5e104, "steps": 20, "cfg": 8}}})"));
        QVERIFY(comfy);
        QCOMPARE(comfy->seed, 0ULL);
        QCOMPARE(comfy->steps, 20);
        for (const auto* seed : {"1e300", "-5", "1.5", "\"12\"", "18446744073709551616"}) {
            const auto invoke = parametersFromInvokeMetadata(
                QStringLiteral(R"({"positive_prompt": "a ship", "steps": 25, "seed": %1})")
                    .arg(QLatin1String(seed)));
            QVERIFY(invoke);
            QCOMPARE(invoke->seed, 0ULL);
            QCOMPARE(invoke->prompt, QStringLiteral("a ship"));
        }
        QCOMPARE(parametersFromInvokeMetadata(QStringLiteral(R"({"seed": 4294967296})"))->seed,
                 4294967296ULL);
        QCOMPARE(parametersFromInvokeMetadata(QStringLiteral(R"({"seed": 9223372036854775808})"))->seed,
                 9223372036854775808ULL);
    }

  private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_pictures;
    QString m_database;
};

// The child of the kill test: saves pictures as fast as it can until it is killed.
static int saveUntilKilled(const QString& spec)
{
    const auto parts = spec.split(u'|');
    GalleryStore store(parts[0], {parts[1]});
    std::printf("ready\n");
    std::fflush(stdout);
    for (int i = 0;; ++i) {
        const auto path = nextPicturePath(parts[1], static_cast<quint64>(i));
        QImage big(256, 256, QImage::Format_RGB888);
        big.fill(QColor::fromHsv(i % 360, 255, 255));
        store.savePicture(
            path, big,
            eikona::testing::testParameters(QStringLiteral("saved %1").arg(i), static_cast<quint64>(i)));
    }
}

// The child of the rebuild kill test: rebuilds again and again until it is killed.
static int rebuildUntilKilled(const QString& database)
{
    GalleryStore store(database);
    std::printf("ready\n");
    std::fflush(stdout);
    for (;;)
        store.rebuild();
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (const auto child = qEnvironmentVariable("EIKONA_GALLERY_REBUILD_CHILD"); !child.isEmpty())
        return rebuildUntilKilled(child);
    if (const auto child = qEnvironmentVariable("EIKONA_GALLERY_CHILD"); !child.isEmpty())
        return saveUntilKilled(child);
    TestGalleryStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gallery_store.moc"
