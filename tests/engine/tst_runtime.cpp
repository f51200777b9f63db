// Threads and BLAS at start-up.

#include "runtime.h"

#include <QTest>

class TestRuntime : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void threadsFollowRequestAndEnvironment()
    {
        QCOMPARE(eikona::configure_runtime(1).threads, 1);
        qputenv("EIKONA_THREADS", "2");
        QCOMPARE(eikona::configure_runtime().threads, 2);
        qunsetenv("EIKONA_THREADS");
        const auto info = eikona::configure_runtime();
        QCOMPARE(info.threads, info.cores); // one per core by default
        QVERIFY(info.cores >= 1);
    }

    void reportsWhatItRunsWith()
    {
        const auto info = eikona::configure_runtime(1);
        QVERIFY(!info.blas.empty());
        QVERIFY(!info.torch_version.empty());
        const auto line = QString::fromStdString(info.summary());
        QVERIFY2(line.contains(QStringLiteral("1 thread ")) && line.contains(QStringLiteral("BLAS")), qPrintable(line));
    }
};

QTEST_APPLESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
