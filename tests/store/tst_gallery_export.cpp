// Exports read back: a folder of PNG (the original bytes, every chunk kept), JPEG and WebP
// (parameters in EXIF UserComment, as A1111 writes them) or stripped; a ZIP archive; an HTML
// sheet that shows a hostile prompt instead of running it; names that never overwrite; a
// cancelled archive that leaves nothing behind; a JPEG with an A1111 comment indexed.

#include "exif_comment.h"
#include "gallery_export.h"
#include "gallery_store.h"
#include "picture_fixtures.h"
#include "picture_metadata.h"
#include "png_text.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace eikona::store;

class TestGalleryExport : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<GalleryStore>(m_dir->filePath(QStringLiteral("gallery.sqlite")));
        const QStringList prompts{QStringLiteral("a red apple"), QStringLiteral("ένα καράβι"),
                                  QStringLiteral("<script>alert('x')</script> & \"quotes\"")};
        for (int i = 0; i < prompts.size(); ++i) {
            QImage image(64, 48, QImage::Format_RGB888);
            image.fill(QColor::fromHsv(i * 100, 200, 200));
            QVERIFY(
                m_store->savePicture(m_dir->filePath(QStringLiteral("pictures/%1.png").arg(i)), image,
                                     eikona::testing::testParameters(prompts[i], static_cast<quint64>(i))));
        }
        m_entries = m_store->search({QString(), false, {}, {}, {}, GalleryQuery::Sort::Name});
        QCOMPARE(m_entries.size(), 3);
    }

    void folderOfPngsKeepsTheOriginals()
    {
        ExportOptions options;
        options.out = m_dir->filePath(QStringLiteral("out"));
        const auto result = exportPictures(m_entries, options);
        QCOMPARE(result.exported, 3);
        for (const auto& entry : m_entries) {
            QFile original(entry.path);
            QFile exported(QDir(options.out).filePath(QFileInfo(entry.path).fileName()));
            QVERIFY(original.open(QIODevice::ReadOnly) && exported.open(QIODevice::ReadOnly));
            QCOMPARE(exported.readAll(), original.readAll());
        }
        // Again into the same folder: new names, nothing overwritten.
        exportPictures(m_entries, options);
        QVERIFY(QFile::exists(QDir(options.out).filePath(QStringLiteral("0 (2).png"))));
        QCOMPARE(QDir(options.out).entryList(QDir::Files).size(), 6);
    }

    void jpegAndWebpCarryTheParametersOrNot_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("strip");
        QTest::newRow("jpeg") << static_cast<int>(ExportOptions::ImageFormat::Jpeg) << false;
        QTest::newRow("webp") << static_cast<int>(ExportOptions::ImageFormat::Webp) << false;
        QTest::newRow("jpeg stripped") << static_cast<int>(ExportOptions::ImageFormat::Jpeg) << true;
        QTest::newRow("png stripped") << static_cast<int>(ExportOptions::ImageFormat::Png) << true;
    }

    void jpegAndWebpCarryTheParametersOrNot()
    {
        QFETCH(int, format);
        QFETCH(bool, strip);
        ExportOptions options;
        options.out = m_dir->filePath(QStringLiteral("out"));
        options.imageFormat = static_cast<ExportOptions::ImageFormat>(format);
        options.stripMetadata = strip;
        QCOMPARE(exportPictures(m_entries, options).exported, 3);
        const auto files = QDir(options.out).entryInfoList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 3);
        for (int i = 0; i < files.size(); ++i) {
            QVERIFY2(!QImage(files[i].filePath()).isNull(), qPrintable(files[i].filePath()));
            const auto metadata = readPictureMetadata(files[i].filePath());
            if (strip) {
                QCOMPARE(metadata.source, PictureMetadata::Source::None);
                QFile bytes(files[i].filePath());
                QVERIFY(bytes.open(QIODevice::ReadOnly));
                QVERIFY(!bytes.readAll().contains("Steps: 20")); // nowhere: no text chunk, no comment
            } else {
                QCOMPARE(metadata.source, PictureMetadata::Source::A1111);
                QCOMPARE(metadata.parameters.prompt, m_entries[i].parameters.prompt);
                QCOMPARE(metadata.parameters.seed, m_entries[i].parameters.seed);
            }
        }
    }

    void zipArchive()
    {
        ExportOptions options;
        options.target = ExportOptions::Target::Zip;
        options.out = m_dir->filePath(QStringLiteral("pictures.zip"));
        const auto result = exportPictures(m_entries, options);
        QCOMPARE(result.exported, 3);
        QCOMPARE(result.written, options.out);
        // Read back with the system's unzip when it is there, else by its entries' names in the bytes.
        QFile archive(result.written);
        QVERIFY(archive.open(QIODevice::ReadOnly));
        const auto bytes = archive.readAll();
        QVERIFY(bytes.startsWith("PK\x03\x04"));
        for (const auto& entry : m_entries) {
            QVERIFY(bytes.contains(QFileInfo(entry.path).fileName().toUtf8()));
            QFile original(entry.path);
            QVERIFY(original.open(QIODevice::ReadOnly));
            QVERIFY(bytes.contains(original.readAll())); // stored, with its chunks
        }
        // A second export never overwrites the first.
        QCOMPARE(exportPictures(m_entries, options).written,
                 m_dir->filePath(QStringLiteral("pictures (2).zip")));
    }

    void cancelledArchiveLeavesNothing()
    {
        ExportOptions options;
        options.target = ExportOptions::Target::Zip;
        options.out = m_dir->filePath(QStringLiteral("cancelled.zip"));
        int seen = 0;
        const auto result = exportPictures(
            m_entries, options, [&](int done, int) { seen = done; }, [&] { return seen >= 1; });
        QVERIFY(result.cancelled);
        QVERIFY(!QFile::exists(options.out));
        QCOMPARE(QDir(m_dir->path())
                     .entryList({QStringLiteral("*.zip"), QStringLiteral(".eikona-export-*")},
                                QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
                 0);
        options.target = ExportOptions::Target::Html;
        options.out = m_dir->filePath(QStringLiteral("cancelled.html"));
        seen = 0;
        QVERIFY(exportPictures(
                    m_entries, options, [&](int done, int) { seen = done; }, [&] { return seen >= 1; })
                    .cancelled);
        QVERIFY(!QFile::exists(options.out));
    }

    void htmlSheetEscapesEverything()
    {
        ExportOptions options;
        options.target = ExportOptions::Target::Html;
        options.out = m_dir->filePath(QStringLiteral("sheet.html"));
        QCOMPARE(exportPictures(m_entries, options).exported, 3);
        QFile file(options.out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto html = QString::fromUtf8(file.readAll());
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(html.contains(QStringLiteral(
                    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")) ||
                html.contains(
                    QStringLiteral("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quotes&quot;")));
        QVERIFY(html.contains(QStringLiteral("ένα καράβι")));
        QCOMPARE(html.count(QStringLiteral("data:image/jpeg;base64,")), 3);
        QVERIFY(html.contains(QStringLiteral("Steps: 20")));
        // Stripped: prompts stay (they are the captions), parameters go.
        options.stripMetadata = true;
        options.out = m_dir->filePath(QStringLiteral("plain.html"));
        exportPictures(m_entries, options);
        QFile plain(options.out);
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QVERIFY(!plain.readAll().contains("Steps: 20"));
    }

    void jpegWithAnA1111CommentIsIndexed()
    {
        QImage image(32, 32, QImage::Format_RGB888);
        image.fill(Qt::yellow);
        const auto path = m_dir->filePath(QStringLiteral("other/a1111.jpg"));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY(image.save(path, "JPEG"));
        QVERIFY(writeExifComment(
                    path, QStringLiteral("a golden field\nNegative prompt: rain\nSteps: 28, Sampler: DDIM, "
                                         "CFG scale: 6.5, Seed: 77, Size: 512x512"))
                    .isEmpty());
        QCOMPARE(readExifComment(path)->left(14), QStringLiteral("a golden field"));
        QCOMPARE(m_store->addFolder(QFileInfo(path).absolutePath()), 1);
        const auto found = m_store->search({QStringLiteral("golden")});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].parameters.seed, 77ULL);
        QCOMPARE(found[0].parameters.negativePrompt, QStringLiteral("rain"));
    }

    // `--out ~/exports/set.zip` with no ~/exports yet: the folder is made, as for a folder export.
    void archiveIntoAFolderNotYetMade()
    {
        ExportOptions options;
        options.target = ExportOptions::Target::Zip;
        options.out = m_dir->filePath(QStringLiteral("not/yet/made/set.zip"));
        QCOMPARE(exportPictures(m_entries, options).written, options.out);
        QVERIFY(QFileInfo(options.out).size() > 0);
    }

    // An export killed mid-way leaves its scratch folder; the next export there removes it,
    // but never one whose process still runs (the app and the CLI may export side by side).
    void scratchOfAKilledExportIsRemoved()
    {
        QProcess gone;
        gone.start(QStringLiteral("true"));
        QVERIFY(gone.waitForStarted());
        const auto deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());
        const auto dead = m_dir->filePath(QStringLiteral(".eikona-export-%1-AbCdEf").arg(deadPid));
        const auto living = m_dir->filePath(
            QStringLiteral(".eikona-export-%1-GhIjKl").arg(QCoreApplication::applicationPid()));
        QVERIFY(QDir().mkpath(dead) && QDir().mkpath(living));
        QFile partial(dead + QStringLiteral("/archive.zip"));
        QVERIFY(partial.open(QIODevice::WriteOnly) && partial.write("PK\x03\x04 cut short") > 0);
        partial.close();
        ExportOptions options;
        options.target = ExportOptions::Target::Zip;
        options.out = m_dir->filePath(QStringLiteral("after-a-kill.zip"));
        QCOMPARE(exportPictures(m_entries, options).exported, 3);
        QVERIFY(!QFileInfo::exists(dead));
        QVERIFY(QFileInfo::exists(living));
    }

    void unwritableTargetIsSaid()
    {
        ExportOptions options;
        options.out = QStringLiteral("/proc/no-such-place/out");
        QVERIFY_THROWS_EXCEPTION(ExportError, exportPictures(m_entries, options));
    }

  private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GalleryStore> m_store;
    QList<GalleryEntry> m_entries;
};

QTEST_GUILESS_MAIN(TestGalleryExport)
#include "tst_gallery_export.moc"
