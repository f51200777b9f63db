// The seeded CPU generator reproduces the reference's random numbers bit for bit.

#include "golden.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>

using namespace eikona;

class TestRandom : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void noise_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("seed");
        QTest::addColumn<QList<qint64>>("shape");
        QTest::newRow("seed0 1x4x16x12")
            << QStringLiteral("seed0_1x4x16x12") << 0 << QList<qint64>{1, 4, 16, 12};
        QTest::newRow("seed0 2x4x8x8") << QStringLiteral("seed0_2x4x8x8") << 0 << QList<qint64>{2, 4, 8, 8};
        QTest::newRow("seed1234 1x4x16x12")
            << QStringLiteral("seed1234_1x4x16x12") << 1234 << QList<qint64>{1, 4, 16, 12};
        QTest::newRow("seed1234 2x4x8x8")
            << QStringLiteral("seed1234_2x4x8x8") << 1234 << QList<qint64>{2, 4, 8, 8};
        QTest::newRow("seed42 7 (scalar path)") << QStringLiteral("seed42_small_7") << 42 << QList<qint64>{7};
    }

    void noise()
    {
        QFETCH(QString, name);
        QFETCH(int, seed);
        QFETCH(QList<qint64>, shape);
        const auto golden = testing::golden("noise");
        auto generator = at::detail::createCPUGenerator(static_cast<std::uint64_t>(seed));
        const std::vector<std::int64_t> sizes(shape.begin(), shape.end());
        const auto drawn = at::randn(sizes, generator, at::TensorOptions().dtype(at::kFloat));
        QVERIFY(at::equal(drawn, golden.tensor(name.toStdString())));
    }

    void sequentialAndUniform()
    {
        const auto golden = testing::golden("noise");
        auto generator = at::detail::createCPUGenerator(42);
        const auto first = at::randn({1, 4, 8, 8}, generator, at::TensorOptions().dtype(at::kFloat));
        const auto second = at::randn({1, 4, 8, 8}, generator, at::TensorOptions().dtype(at::kFloat));
        QVERIFY(at::equal(first, golden.tensor("seed42_sequential_first")));
        QVERIFY(at::equal(second, golden.tensor("seed42_sequential_second")));
        auto uniform_generator = at::detail::createCPUGenerator(42);
        QVERIFY(at::equal(at::rand({5}, uniform_generator, at::TensorOptions().dtype(at::kFloat)),
                          golden.tensor("seed42_uniform_5")));
    }
};

QTEST_APPLESS_MAIN(TestRandom)
#include "tst_random.moc"
