// Where the Hugging Face cache is, as huggingface_hub resolves it.

#include "hub_cache.h"
#include "scoped_environment.h"

#include <QDir>
#include <QTest>

class TestHubCache : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void cacheDirectoryFromEnvironment()
    {
        eikona::testing::ScopedEnvironment environment; // restored whichever way the test ends
        environment.unset("HF_HUB_CACHE");
        environment.unset("HF_HOME");
        environment.unset("XDG_CACHE_HOME");
        QCOMPARE(eikona::store::hubCacheDirectory(),
                 QDir::homePath() + QStringLiteral("/.cache/huggingface/hub"));
        environment.set("XDG_CACHE_HOME", "/tmp/xdg");
        QCOMPARE(eikona::store::hubCacheDirectory(), QStringLiteral("/tmp/xdg/huggingface/hub"));
        environment.set("HF_HOME", "/data/hf/");
        QCOMPARE(eikona::store::hubCacheDirectory(), QStringLiteral("/data/hf/hub"));
        environment.set("HF_HUB_CACHE", "/cache/hub");
        QCOMPARE(eikona::store::hubCacheDirectory(), QStringLiteral("/cache/hub"));
    }

    void repoFolderName_data()
    {
        QTest::addColumn<QString>("repo");
        QTest::addColumn<QString>("folder");
        QTest::newRow("org/name") << QStringLiteral("stable-diffusion-v1-5/stable-diffusion-v1-5")
                                  << QStringLiteral("models--stable-diffusion-v1-5--stable-diffusion-v1-5");
        QTest::newRow("name only") << QStringLiteral("gpt2") << QStringLiteral("models--gpt2");
        QTest::newRow("path traversal") << QStringLiteral("../etc") << QString();
        QTest::newRow("two slashes") << QStringLiteral("a/b/c") << QString();
        QTest::newRow("double dash") << QStringLiteral("a--b/c") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void repoFolderName()
    {
        QFETCH(QString, repo);
        QFETCH(QString, folder);
        QCOMPARE(eikona::store::repoFolderName(repo), folder);
    }
};

QTEST_GUILESS_MAIN(TestHubCache)
#include "tst_hub_cache.moc"
