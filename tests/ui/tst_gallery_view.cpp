// The gallery tab (offscreen): the grid shows the index, search filters while typing (Greek
// included), F marks a favourite, Delete moves a picture to the trash and Ctrl+Z brings it
// back, thumbnails arrive from off the window's thread and are kept on disk, a drag gives the
// files, and copying a picture keeps its parameters chunk.

#include "gallery_model.h"
#include "gallery_store.h"
#include "picture_fixtures.h"
#include "gallery_view.h"
#include "picture_file.h"
#include "png_text.h"
#include "thumbnail_cache.h"

#include <QApplication>
#include <QComboBox>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace eikona;

class TestGalleryView : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<store::GalleryStore>(m_dir->filePath(QStringLiteral("gallery.sqlite")));
        const QStringList prompts{QStringLiteral("a red apple"), QStringLiteral("ένα ΚΑΡΆΒΙ στο λιμάνι"),
                                  QStringLiteral("a lighthouse at dusk")};
        for (int i = 0; i < prompts.size(); ++i) {
            QImage image(300, 200, QImage::Format_RGB888);
            image.fill(QColor::fromHsv(i * 90, 200, 200));
            QVERIFY(
                m_store->savePicture(m_dir->filePath(QStringLiteral("pictures/%1.png").arg(i)), image,
                                     eikona::testing::testParameters(prompts[i], static_cast<quint64>(i))));
        }
        m_thumbnails = std::make_unique<ui::ThumbnailCache>(m_dir->filePath(QStringLiteral("thumbnails")));
        m_view = std::make_unique<ui::GalleryView>(m_store.get(), m_thumbnails.get());
        m_view->resize(800, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_thumbnails.reset();
        m_store.reset();
    }

    void showsTheIndexAndSearchesWhileTyping()
    {
        auto* count = m_view->findChild<QLabel*>(QStringLiteral("galleryCount"));
        QCOMPARE(m_view->model()->rowCount(), 3);
        QCOMPARE(count->text(), QStringLiteral("3 picture(s)"));
        m_view->searchBox()->insert(
            QStringLiteral("καραβ")); // typed by an input method (keyClicks takes ASCII)
        QTRY_COMPARE(m_view->model()->rowCount(), 1);
        QCOMPARE(m_view->model()->fullEntry(0).parameters.prompt, QStringLiteral("ένα ΚΑΡΆΒΙ στο λιμάνι"));
        m_view->searchBox()->clear();
        QTest::keyClicks(m_view->searchBox(), QStringLiteral("LIGHT"));
        QTRY_COMPARE(m_view->model()->rowCount(), 1);
        m_view->searchBox()->clear();
        QTRY_COMPARE(m_view->model()->rowCount(), 3);
    }

    void thumbnailsArriveAndAreKeptOnDisk()
    {
        QSignalSpy ready(m_thumbnails.get(), &ui::ThumbnailCache::thumbnailReady);
        const auto index = m_view->model()->index(0);
        m_view->model()->data(index, Qt::DecorationRole); // asks for it
        QVERIFY(ready.wait(10000));
        // 300x200 scaled to 192 wide (until then a grey square of 192 stands in).
        QTRY_COMPARE(m_view->model()->data(index, Qt::DecorationRole).value<QPixmap>().size(),
                     QSize(ui::ThumbnailCache::k_size, 128));
        QTRY_VERIFY(!QDir(m_thumbnails->folder()).entryList({QStringLiteral("*.png")}).isEmpty());
    }

    void favouriteDeleteAndUndoFromTheKeyboard()
    {
        auto* grid = m_view->grid();
        grid->setFocus();
        grid->setCurrentIndex(m_view->model()->index(1));
        const auto entry = *m_view->current();
        QTest::keyClick(grid, Qt::Key_F);
        QVERIFY(m_view->model()->entry(1).favourite);
        QVERIFY(m_store->entry(entry.id)->favourite);
        QSignalSpy messages(m_view.get(), &ui::GalleryView::message);
        QTest::keyClick(grid, Qt::Key_Delete);
        QVERIFY(!QFile::exists(entry.path));
        QCOMPARE(m_view->model()->rowCount(), 2);
        QCOMPARE(m_store->count(), 2);
        QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("Ctrl+Z")));
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(QFile::exists(entry.path));
        QCOMPARE(m_view->model()->rowCount(), 3);
        QCOMPARE(m_view->current()->path, entry.path);
    }

    void dragGivesTheFilesAndCopyKeepsTheParameters()
    {
        const auto index = m_view->model()->index(0);
        std::unique_ptr<QMimeData> dragged(m_view->model()->mimeData({index}));
        QCOMPARE(dragged->urls().size(), 1);
        QCOMPARE(dragged->urls().first().toLocalFile(), m_view->model()->entry(0).path);
        QVERIFY(!dragged->hasImage()); // the file, never a re-encoded bitmap without its chunks
        QCOMPARE(m_view->model()->supportedDragActions(), Qt::CopyAction);

        m_view->grid()->setCurrentIndex(index);
        m_view->copyImage();
        const auto* clipboard = QApplication::clipboard()->mimeData();
        QVERIFY(clipboard->hasFormat(QStringLiteral("image/png")));
        const auto text = store::readPngText(clipboard->data(QStringLiteral("image/png")));
        QVERIFY(text);
        QVERIFY(text->first().second.startsWith(m_view->model()->fullEntry(0).parameters.prompt));
        m_view->copyParameters();
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("Steps: 20")));
    }

    void exportRunsOffTheWindowsThread()
    {
        QSignalSpy finished(m_view.get(), &ui::GalleryView::exportFinished);
        store::ExportOptions options;
        options.target = store::ExportOptions::Target::Zip;
        options.out = m_dir->filePath(QStringLiteral("all.zip"));
        QList<store::GalleryEntry> entries;
        for (int row = 0; row < m_view->model()->rowCount(); ++row)
            entries.append(m_view->model()->entry(row));
        m_view->runExport(entries, options);
        QVERIFY(finished.wait(20000));
        QVERIFY(finished[0][0].toBool());
        QVERIFY(finished[0][1].toString().contains(QStringLiteral("3 picture(s) exported")));
        QVERIFY(QFile::exists(options.out));
        options.out = QStringLiteral("/proc/nowhere/x.zip");
        m_view->runExport(entries, options);
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished[1][0].toBool());
        QVERIFY(finished[1][1].toString().contains(QStringLiteral("failed")));
    }

    void filtersAddedFoldersAndFilesBehindItsBack()
    {
        // Another tool's folder, added from the gallery.
        const auto other = m_dir->filePath(QStringLiteral("other"));
        QDir().mkpath(other);
        QImage picture(40, 40, QImage::Format_RGB888);
        picture.fill(Qt::magenta);
        auto parameters = eikona::testing::testParameters(QStringLiteral("a purple moth"), 9);
        parameters.model = QStringLiteral("dreamshaper");
        QVERIFY(store::writePicture(other + QStringLiteral("/moth.png"), picture, parameters).isEmpty());
        QSignalSpy added(m_view.get(), &ui::GalleryView::folderAdded);
        m_view->addFolder(other);
        QVERIFY(added.wait(10000));
        QCOMPARE(added[0][0].toInt(), 1);
        QCOMPARE(m_view->model()->rowCount(), 4);
        // Filter by model.
        auto* models = m_view->findChild<QComboBox*>(QStringLiteral("galleryModelFilter"));
        const int dreamshaper = models->findData(QStringLiteral("dreamshaper"));
        QVERIFY(dreamshaper > 0);
        models->setCurrentIndex(dreamshaper);
        models->activated(dreamshaper);
        QCOMPARE(m_view->model()->rowCount(), 1);
        models->setCurrentIndex(0);
        models->activated(0);
        QCOMPARE(m_view->model()->rowCount(), 4);
        // Filter by size: the moth is 40 x 40, the others 300 x 200.
        auto* sizes = m_view->findChild<QComboBox*>(QStringLiteral("gallerySizeFilter"));
        const int small = sizes->findData(QSize(40, 40));
        QVERIFY(small > 0);
        sizes->setCurrentIndex(small);
        sizes->activated(small);
        QCOMPARE(m_view->model()->rowCount(), 1);
        sizes->setCurrentIndex(0);
        sizes->activated(0);
        QCOMPARE(m_view->model()->rowCount(), 4);
        // A picture written into a watched folder by someone else appears by itself.
        QVERIFY(store::writePicture(other + QStringLiteral("/second moth.png"), picture,
                                    eikona::testing::testParameters(QStringLiteral("moth two"), 10))
                    .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_view->model()->rowCount(), 5, 10000);
        QVERIFY(QFile::remove(other + QStringLiteral("/moth.png")));
        QTRY_COMPARE_WITH_TIMEOUT(m_view->model()->rowCount(), 4, 10000);
    }

    void openingAPictureSaysWhich()
    {
        QSignalSpy opened(m_view.get(), &ui::GalleryView::pictureOpened);
        auto* grid = m_view->grid();
        grid->setFocus();
        grid->setCurrentIndex(m_view->model()->index(2));
        QTest::keyClick(grid, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened[0][0].value<store::GalleryEntry>().path, m_view->model()->entry(2).path);
    }

  private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::GalleryStore> m_store;
    std::unique_ptr<ui::ThumbnailCache> m_thumbnails;
    std::unique_ptr<ui::GalleryView> m_view;
};

QTEST_MAIN(TestGalleryView)
#include "tst_gallery_view.moc"
