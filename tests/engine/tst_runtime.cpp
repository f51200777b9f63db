// Threads and BLAS at start-up.

#include "caching_allocator.h"
#include "exception_text.h"
#include "runtime.h"
#include "scoped_environment.h"

#include <ATen/Functions.h>

#include <QTest>

class TestRuntime : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    // libtorch's errors reach a person without their C++ backtrace; others are unchanged.
    void exceptionTextLeavesTheBacktraceOut()
    {
        std::string text;
        std::string raw;
        try {
            (void)at::mm(at::ones({2, 3}), at::ones({2, 3}));
        } catch (const std::exception& error) {
            text = eikona::exception_text(error);
            raw = error.what();
        }
        QVERIFY2(text.find("mat1 and mat2 shapes cannot be multiplied") != std::string::npos, text.c_str());
        QVERIFY2(text.find("Exception raised from") == std::string::npos, text.c_str());
        QVERIFY2(text.find("frame #") == std::string::npos, text.c_str());
        QVERIFY2(raw.find("Exception raised from") != std::string::npos, raw.c_str()); // what() had it
        QCOMPARE(eikona::exception_text(std::runtime_error("plain words")), std::string("plain words"));
    }

    void threadsFollowRequestAndEnvironment()
    {
        QCOMPARE(eikona::configure_runtime(1).threads, 1);
        {
            const eikona::testing::ScopedEnvironment threads("EIKONA_THREADS", "2");
            QCOMPARE(eikona::configure_runtime().threads, 2);
        }
        eikona::testing::ScopedEnvironment environment;
        environment.unset("EIKONA_THREADS");
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
        QVERIFY2(line.contains(QStringLiteral("1 thread ")) && line.contains(QStringLiteral("BLAS")),
                 qPrintable(line));
    }

    // Large freed blocks are kept and handed out again (no fresh pages per UNet step);
    // small ones and the cache limit behave.
    void cachingAllocatorReusesLargeBlocks()
    {
        eikona::configure_runtime(1);
        const auto before = eikona::caching_allocator_stats();
        void* first = nullptr;
        {
            auto large = at::empty({4 << 20}, at::kFloat); // 16 MiB
            large.fill_(1.0F);
            first = large.data_ptr();
        }
        QVERIFY(eikona::caching_allocator_stats().cached_bytes >= (16u << 20));
        {
            const auto again = at::empty({4 << 20}, at::kFloat);
            QCOMPARE(again.data_ptr(), first);
        }
        QVERIFY(eikona::caching_allocator_stats().hits > before.hits);
        const auto small = at::ones({10});
        QCOMPARE(small.sum().item<float>(), 10.0F);
        eikona::release_cached_cpu_memory();
        QCOMPARE(eikona::caching_allocator_stats().cached_bytes, 0u);
    }
};

QTEST_APPLESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
