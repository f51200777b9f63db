// PNG text chunks and A1111's parameters text: written, read back, equal; Greek in iTXt;
// other tools' text parsed; damaged files refused.

#include "cpu_time.h"
#include "generation_parameters.h"
#include "picture_file.h"
#include "png_text.h"

#include <QBuffer>
#include <QImageWriter>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QDateTime>
#include <QFile>
#include <QTest>
#include <QtEndian>

#include <zlib.h>

using namespace eikona::store;

namespace {

QByteArray plainPng()
{
    QImage image(16, 8, QImage::Format_RGB888);
    image.fill(QColor(200, 40, 10));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "png").write(image);
    return bytes;
}

// The chunk types of a PNG, in order.
QStringList chunkTypes(const QByteArray& png)
{
    QStringList types;
    for (qsizetype at = 8; at + 8 <= png.size();) {
        const auto length = qFromBigEndian<quint32>(png.constData() + at);
        types.append(QString::fromLatin1(png.mid(at + 4, 4)));
        at += 12 + static_cast<qsizetype>(length);
    }
    return types;
}

GenerationParameters sample()
{
    GenerationParameters p;
    p.prompt = QStringLiteral("a (lighthouse:1.2) on a cliff, [stormy] sky\nsecond line");
    p.negativePrompt = QStringLiteral("blurry, low quality");
    p.steps = 25;
    p.sampler = QStringLiteral("DPM++ 2M Karras");
    p.cfgScale = 7.5;
    p.seed = 4294967295ULL;
    p.width = 512;
    p.height = 768;
    p.modelHash = QStringLiteral("6ce0161689");
    p.model = QStringLiteral("v1-5-pruned-emaonly");
    p.extra = {{QStringLiteral("RNG"), QStringLiteral("CPU")},
               {QStringLiteral("Version"), QStringLiteral("Eikona 0.1.0")}};
    return p;
}

} // namespace

namespace {

// `png` with one more chunk after its header, its CRC-32 computed here (not by the code under test).
QByteArray withChunk(const QByteArray& png, const char* type, const QByteArray& data)
{
    const QByteArray typed = QByteArray(type) + data;
    quint32 crc = 0xFFFFFFFFU;
    for (const char byte : typed) {
        crc ^= static_cast<quint8>(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc & 1U) ? 0xEDB88320U ^ (crc >> 1) : crc >> 1;
    }
    QByteArray length(4, '\0');
    qToBigEndian(static_cast<quint32>(data.size()), length.data());
    QByteArray crcBytes(4, '\0');
    qToBigEndian(crc ^ 0xFFFFFFFFU, crcBytes.data());
    const qsizetype afterHeader = 8 + 12 + 13;
    return png.left(afterHeader) + length + typed + crcBytes + png.mid(afterHeader);
}

} // namespace

class TestPictureFile : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void namesCarryDateSeedAndPromptAndNeverRepeat()
    {
        QTemporaryDir folder;
        const QDateTime when(QDate(2026, 12, 2), QTime(14, 30, 12));
        const auto first = eikona::store::namedPicturePath(
            folder.path(), 1234, QStringLiteral("a lighthouse at dusk, (oil painting:1.2) BREAK fog"), when);
        QCOMPARE(QFileInfo(first).fileName(),
                 QStringLiteral("20261202-143012-1234-a-lighthouse-at-dusk-oil-painting-fog.png"));
        QFile taken(first);
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.close();
        QCOMPARE(QFileInfo(eikona::store::namedPicturePath(
                               folder.path(), 1234,
                               QStringLiteral("a lighthouse at dusk, (oil painting:1.2) BREAK fog"), when))
                     .fileName(),
                 QStringLiteral("20261202-143012-1234-a-lighthouse-at-dusk-oil-painting-fog-2.png"));
        QCOMPARE(QFileInfo(eikona::store::namedPicturePath(folder.path(), 7,
                                                           QStringLiteral("ένα ΚΑΡΆΒΙ, στο λιμάνι!"), when))
                     .fileName(),
                 QStringLiteral("20261202-143012-7-ένα-καράβι-στο-λιμάνι.png"));
        QCOMPARE(QFileInfo(eikona::store::namedPicturePath(folder.path(), 7, QString(), when)).fileName(),
                 QStringLiteral("20261202-143012-7.png"));
        // A long prompt: the slug stops at about 40 characters, at a word.
        const auto longName =
            QFileInfo(eikona::store::namedPicturePath(
                          folder.path(), 1,
                          QStringLiteral("one two three four five six seven eight nine ten eleven twelve"),
                          when))
                .fileName();
        QVERIFY(longName.size() <= QStringLiteral("20261202-143012-1-").size() + 40 + 4);
    }

    void formatsA1111Layout()
    {
        const auto text = formatParameters(sample());
        QCOMPARE(text,
                 QStringLiteral(
                     "a (lighthouse:1.2) on a cliff, [stormy] sky\nsecond line\n"
                     "Negative prompt: blurry, low quality\n"
                     "Steps: 25, Sampler: DPM++ 2M Karras, CFG scale: 7.5, Seed: 4294967295, Size: 512x768, "
                     "Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, RNG: CPU, Version: Eikona 0.1.0"));
        auto noNegative = sample();
        noNegative.negativePrompt.clear();
        noNegative.cfgScale = 7;
        noNegative.denoisingStrength = 0.75;
        QVERIFY(!formatParameters(noNegative).contains(QStringLiteral("Negative prompt")));
        QVERIFY(formatParameters(noNegative).contains(QStringLiteral("CFG scale: 7, ")));
        QVERIFY(formatParameters(noNegative).contains(QStringLiteral("Denoising strength: 0.75")));
    }

    void parametersRoundTrip_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("model");
        QTest::newRow("english, two lines") << sample().prompt << sample().model;
        QTest::newRow("greek") << QStringLiteral("ένας φάρος σε γκρεμό, (ελαιογραφία:1.3)")
                               << QStringLiteral("μοντέλο");
        QTest::newRow("value needing quotes")
            << QStringLiteral("x") << QStringLiteral("my model: v2, \"final\"");
    }

    void parametersRoundTrip()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, model);
        auto p = sample();
        p.prompt = prompt;
        p.model = model;
        p.denoisingStrength = 0.3;
        const auto parsed = parseParameters(formatParameters(p));
        QVERIFY(parsed);
        QCOMPARE(parsed->prompt, p.prompt);
        QCOMPARE(parsed->model, p.model);
        QVERIFY(*parsed == p);
    }

    // Text as A1111 itself writes it, with keys this format keeps as extras.
    void parsesOtherToolsText()
    {
        const auto parsed = parseParameters(QStringLiteral(
            "masterpiece, 1girl\nNegative prompt: lowres\nSteps: 20, Sampler: Euler a, Schedule type: "
            "Automatic, CFG scale: 7, "
            "Seed: 965400086, Size: 512x512, Model hash: 6ce0161689, Model: v1-5-pruned-emaonly, "
            "Lora hashes: \"add_detail: 7c6bad76eb54\", Version: v1.10.1"));
        QVERIFY(parsed);
        QCOMPARE(parsed->prompt, QStringLiteral("masterpiece, 1girl"));
        QCOMPARE(parsed->negativePrompt, QStringLiteral("lowres"));
        QCOMPARE(parsed->steps, 20);
        QCOMPARE(parsed->sampler, QStringLiteral("Euler a"));
        QCOMPARE(parsed->cfgScale, 7.0);
        QCOMPARE(parsed->seed, 965400086ULL);
        QCOMPARE(parsed->width, 512);
        QCOMPARE(parsed->height, 512);
        const QList<QPair<QString, QString>> extra{
            {QStringLiteral("Schedule type"), QStringLiteral("Automatic")},
            {QStringLiteral("Lora hashes"), QStringLiteral("add_detail: 7c6bad76eb54")},
            {QStringLiteral("Version"), QStringLiteral("v1.10.1")}};
        QCOMPARE(parsed->extra, extra);
        // A prompt alone has no parameter line.
        QVERIFY(!parseParameters(QStringLiteral("just a prompt, nothing else")));
    }

    void latin1InTextAndGreekInItxt()
    {
        const auto png =
            withPngText(plainPng(), {{QStringLiteral("parameters"), QStringLiteral("café, 512x512")},
                                     {QStringLiteral("Comment"), QStringLiteral("Καλημέρα")}});
        QVERIFY(!png.isEmpty());
        QCOMPARE(chunkTypes(png).mid(0, 3),
                 (QStringList{QStringLiteral("IHDR"), QStringLiteral("tEXt"), QStringLiteral("iTXt")}));
        const auto entries = readPngText(png);
        QVERIFY(entries);
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0).second, QStringLiteral("café, 512x512"));
        QCOMPARE(entries->at(1).second, QStringLiteral("Καλημέρα"));
        // The picture itself is untouched.
        QImage decoded;
        QVERIFY(decoded.loadFromData(png, "png"));
        QCOMPARE(decoded.pixelColor(3, 3), QColor(200, 40, 10));
    }

    void readsCompressedText()
    {
        // zTXt as other writers make it: keyword, NUL, method 0, zlib stream.
        const auto deflated = qCompress(QByteArray("Steps: 20, Sampler: Euler, CFG scale: 7")).mid(4);
        const auto entries =
            readPngText(withChunk(plainPng(), "zTXt", QByteArray("parameters") + '\0' + '\0' + deflated));
        QVERIFY(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->front().second, QStringLiteral("Steps: 20, Sampler: Euler, CFG scale: 7"));
    }

    // A zTXt chunk of a few hundred kilobytes that inflates to 256 MB (a zip bomb) is refused at
    // the 16 MB bound, in well under a second, without the 256 MB.
    void refusesACompressedTextBomb()
    {
        QByteArray deflated;
        {
            const QByteArray zeros(1 << 20, '\0');
            z_stream stream{};
            QVERIFY(deflateInit(&stream, 9) == Z_OK);
            QByteArray buffer(1 << 16, '\0');
            for (int megabyte = 0; megabyte <= 256; ++megabyte) {
                const bool last = megabyte == 256;
                stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.constData()));
                stream.avail_in = last ? 0 : static_cast<uInt>(zeros.size());
                do {
                    stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
                    stream.avail_out = static_cast<uInt>(buffer.size());
                    deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
                    deflated.append(buffer.constData(), buffer.size() - stream.avail_out);
                } while (stream.avail_out == 0);
            }
            deflateEnd(&stream);
        }
        QVERIFY(deflated.size() < 2 * 1024 * 1024);
        const auto png = withChunk(plainPng(), "zTXt", QByteArray("parameters") + '\0' + '\0' + deflated);
        const auto start = eikona::testing::threadCpuMs();
        QVERIFY(!readPngText(png));
        QVERIFY2(eikona::testing::threadCpuMs() - start < 1000,
                 qPrintable(QString::number(eikona::testing::threadCpuMs() - start)));
        // iTXt's compressed form too.
        QVERIFY(!readPngText(withChunk(
            plainPng(), "iTXt", QByteArray("parameters") + '\0' + '\1' + '\0' + '\0' + '\0' + deflated)));
    }

    // A chunk whose length says 4 GB in a small file is refused from its length alone.
    void refusesAChunkLongerThanTheFile()
    {
        auto png = withChunk(plainPng(), "tEXt", QByteArray("parameters") + '\0' + "x");
        qToBigEndian(0xFFFFFFF0U, png.data() + 8 + 12 + 13);
        const auto start = eikona::testing::threadCpuMs();
        QVERIFY(!readPngText(png));
        QVERIFY(eikona::testing::threadCpuMs() - start < 100);
    }

    void refusesDamagedFiles()
    {
        auto png = withPngText(plainPng(), {{QStringLiteral("parameters"), QStringLiteral("x")}});
        QVERIFY(!readPngText(QByteArray("not a png at all")));
        QVERIFY(!readPngText(png.left(png.size() - 5))); // truncated
        png[40] = static_cast<char>(png[40] ^ 0x20);     // a flipped bit: the CRC no longer matches
        QVERIFY(!readPngText(png));
        QVERIFY(withPngText(QByteArray("GIF89a"), {}).isEmpty());
        QVERIFY(withPngText(plainPng(), {{QString(), QStringLiteral("x")}}).isEmpty()); // keyword required
    }

    void writesAndReadsPictureFiles()
    {
        QTemporaryDir dir;
        QImage image(64, 48, QImage::Format_RGB888);
        image.fill(QColor(10, 20, 30));
        auto p = sample();
        p.prompt = QStringLiteral("ένας φάρος");
        const auto path = dir.filePath(QStringLiteral("picture.png"));
        QCOMPARE(writePicture(path, image, p), QString());
        const auto text = readParametersText(path);
        QVERIFY(text);
        QCOMPARE(*parseParameters(*text), p);
        QCOMPARE(QImage(path).convertToFormat(QImage::Format_RGB888), image);
        // An unwritable place says why and leaves nothing behind.
        const auto bad = dir.filePath(QStringLiteral("missing/folder/picture.png"));
        QVERIFY(!writePicture(bad, image, p).isEmpty());
        QVERIFY(!QFile::exists(bad));
        QVERIFY(!readParametersText(dir.filePath(QStringLiteral("none.png"))));
    }
};

QTEST_GUILESS_MAIN(TestPictureFile)
#include "tst_picture_file.moc"
