// The hub's answers checked before they are trusted, without a network (core/store/
// hub_listing): the listing's etags and sizes, a repository id, a resumed download's
// Content-Range. What the client does with them over HTTP: tst_hub_download.

#include "hub_cache.h"
#include "hub_listing.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace eikona::store;

namespace {

const QString k_repo = QStringLiteral("stable-diffusion-v1-5/stable-diffusion-v1-5");

/// The message of the HubError `work` throws (empty when none).
QString errorOf(const std::function<void()>& work)
{
    try {
        work();
    } catch (const HubError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

} // namespace

class TestHubListing : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    // An etag is exactly a hash: "$" in a pattern also matched before a final newline, so
    // "<40 hex>\n" passed (found by fuzzing the listing); so did "org/name\n" as a repository.
    void refusesAHashWithATrailingNewline()
    {
        QVERIFY(validEtag(QString(40, QLatin1Char('a'))));
        QVERIFY(!validEtag(QString(40, QLatin1Char('a')) + QLatin1Char('\n')));
        QVERIFY(!validEtag(QString(64, QLatin1Char('b')) + QLatin1Char('\n')));
        QVERIFY(repoFolderName(QStringLiteral("org/name\n")).isEmpty());
        QVERIFY(!repoFolderName(QStringLiteral("org/name")).isEmpty());
    }

    // Sizes are byte counts: a listing's 1e300, -5 or 1.5 is refused, not cast (1e300 to
    // qint64 was undefined behaviour).
    void refusesSizesThatAreNotByteCounts()
    {
        for (const auto& size :
             {QJsonValue(1e300), QJsonValue(-5), QJsonValue(1.5), QJsonValue(QStringLiteral("10"))}) {
            const QJsonArray siblings{
                QJsonObject{{QStringLiteral("rfilename"), QStringLiteral("model_index.json")},
                            {QStringLiteral("size"), size},
                            {QStringLiteral("blobId"), QString(40, QLatin1Char('a'))}}};
            const auto files = parseSiblings(siblings);
            QCOMPARE(files.size(), 1);
            QVERIFY2(
                errorOf([&] { checkListing(files, k_repo); }).contains(QStringLiteral("not a byte count")),
                qPrintable(size.toVariant().toString()));
        }
        const QJsonArray fine{QJsonObject{
            {QStringLiteral("rfilename"), QStringLiteral("unet/x.safetensors")},
            {QStringLiteral("size"), 135},
            {QStringLiteral("blobId"), QString(40, QLatin1Char('b'))},
            {QStringLiteral("lfs"), QJsonObject{{QStringLiteral("sha256"), QString(64, QLatin1Char('c'))},
                                                {QStringLiteral("size"), 3438167536.0}}}}};
        const auto files = parseSiblings(fine);
        QCOMPARE(files.front().size, Q_INT64_C(3438167536)); // the LFS size, past 32 bits
        checkListing(files, k_repo);
    }

    void contentRangeIsReadStrictly_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("continues"); // a partial file of 100 bytes of a 1000-byte file
        QTest::newRow("the rest") << QByteArray("bytes 100-999/1000") << true;
        QTest::newRow("the rest, total untold") << QByteArray("bytes 100-999/*") << true;
        QTest::newRow("a middle part") << QByteArray("bytes 100-499/1000") << true;
        QTest::newRow("from the start") << QByteArray("bytes 0-999/1000") << false;
        QTest::newRow("another file's size") << QByteArray("bytes 100-1999/2000") << false;
        QTest::newRow("past the end") << QByteArray("bytes 100-1000/1000") << false;
        QTest::newRow("last before first") << QByteArray("bytes 100-50/1000") << false;
        QTest::newRow("another unit") << QByteArray("items 100-999/1000") << false;
        QTest::newRow("a sign") << QByteArray("bytes +100-999/1000") << false;
        QTest::newRow("a space inside") << QByteArray("bytes 100 -999/1000") << false;
        QTest::newRow("beyond qint64")
            << QByteArray("bytes 100-99999999999999999999/99999999999999999999") << false;
        QTest::newRow("unsatisfiable form") << QByteArray("bytes */1000") << false;
        QTest::newRow("none") << QByteArray() << false;
    }

    void contentRangeIsReadStrictly()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, continues);
        QCOMPARE(rangeContinues(header, 100, 1000), continues);
    }
};

QTEST_GUILESS_MAIN(TestHubListing)
#include "tst_hub_listing.moc"
