// Pictures coming in to start from, read off the window's thread: a picture file and image
// data are taken (with their size, a thumbnail and any parameters they carry); a file that is
// no picture, a truncated PNG, a 30,000 x 30,000 decompression bomb and non-local URLs are
// refused with the reason, fast.

#include "init_image_intake.h"
#include "picture_file.h"
#include "picture_fixtures.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace eikona;

namespace {

quint32 crc32(const QByteArray& bytes)
{
    quint32 c = 0xffffffffu;
    for (const char byte : bytes) {
        c ^= static_cast<quint8>(byte);
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return c ^ 0xffffffffu;
}

void putBigEndian(QByteArray& bytes, int offset, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        bytes[offset + i] = static_cast<char>((value >> (24 - 8 * i)) & 0xff);
}

} // namespace

class TestInitImageIntake : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QImage big(400, 300, QImage::Format_RGB32);
        big.fill(Qt::red);
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        big.save(&buffer, "PNG");
    }

    void aPictureWithItsParameters()
    {
        const auto path = m_dir->filePath(QStringLiteral("with.png"));
        QVERIFY(store::writePicture(path, testing::testPicture(3, QSize(120, 80)),
                                    testing::testParameters(QStringLiteral("a castle"), 9))
                    .isEmpty());
        ui::InitImageIntake intake;
        QSignalSpy accepted(&intake, &ui::InitImageIntake::accepted);
        intake.check(path);
        QVERIFY(accepted.wait(10000));
        QCOMPARE(accepted[0][0].toString(), path);
        QCOMPARE(accepted[0][1].value<QImage>().size(), QSize(40, 26)); // 120 x 80 fitted into 40
        QCOMPARE(accepted[0][2].toSize(), QSize(120, 80));
        const auto metadata = accepted[0][3].value<store::PictureMetadata>();
        QCOMPARE(metadata.parameters.prompt, QStringLiteral("a castle"));
        QCOMPARE(metadata.parameters.seed, 9ULL);
    }

    void imageDataIsSavedThenTaken()
    {
        ui::InitImageIntake intake;
        QSignalSpy accepted(&intake, &ui::InitImageIntake::accepted);
        QMimeData data;
        data.setImageData(testing::testPicture(1, QSize(64, 64)));
        intake.take(&data);
        QVERIFY(accepted.wait(10000));
        const auto path = accepted[0][0].toString();
        QVERIFY(path.contains(QStringLiteral("/pasted/")));
        QVERIFY(QFile::exists(path));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("words");
        QTest::newRow("not a picture") << QStringLiteral("text") << QStringLiteral("cannot read");
        QTest::newRow("truncated PNG") << QStringLiteral("truncated") << QStringLiteral("cannot read");
        QTest::newRow("30,000 x 30,000 bomb") << QStringLiteral("bomb") << QStringLiteral("cannot read");
        QTest::newRow("not on this computer")
            << QStringLiteral("remote") << QStringLiteral("only pictures on this computer");
        QTest::newRow("words, no picture") << QStringLiteral("words") << QStringLiteral("not a picture");
    }

    void refusals()
    {
        QFETCH(QString, what);
        QFETCH(QString, words);
        QMimeData data;
        const auto file = m_dir->filePath(what + QStringLiteral(".png"));
        QByteArray bytes;
        if (what == QStringLiteral("text")) {
            bytes = "just words";
        } else if (what == QStringLiteral("truncated")) {
            bytes = m_png.left(m_png.size() / 2);
        } else if (what == QStringLiteral("bomb")) {
            // The header says 30,000 x 30,000 (with a valid CRC); the pixels never need to exist.
            bytes = m_png;
            putBigEndian(bytes, 16, 30000);
            putBigEndian(bytes, 20, 30000);
            putBigEndian(bytes, 29, crc32(bytes.mid(12, 17)));
        }
        if (!bytes.isEmpty()) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
            out.close();
            data.setUrls({QUrl::fromLocalFile(file)});
        } else if (what == QStringLiteral("remote")) {
            data.setUrls({QUrl(QStringLiteral("https://example.com/picture.png"))});
        } else {
            data.setText(QStringLiteral("a lighthouse"));
        }
        ui::InitImageIntake intake;
        QSignalSpy accepted(&intake, &ui::InitImageIntake::accepted);
        QSignalSpy refused(&intake, &ui::InitImageIntake::refused);
        QElapsedTimer timer;
        timer.start();
        intake.take(&data);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY2(refused[0][1].toString().contains(words), qPrintable(refused[0][1].toString()));
        QCOMPARE(accepted.size(), 0);
    }

  private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_png;
};

QTEST_MAIN(TestInitImageIntake)
#include "tst_init_image_intake.moc"
