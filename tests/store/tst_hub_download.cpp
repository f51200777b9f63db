// The hub client against a real HTTP server (nginx, hub-shaped): download and cache layout,
// nothing fetched twice, resume, corrupt files refused, 404/401, offline, an unreachable hub
// with a cache, cancel then resume, the file selection rules, and the registry of hub models.
// Proxies, killed processes, full disks and permissions: tst_hub_conditions.

#include "hub_cache.h"
#include "hub_client.h"
#include "hub_listing.h"
#include "hub_test_server.h"
#include "scoped_environment.h"
#include "model_hash.h"

#include "generation_parameters.h"
#include "picture_file.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLockFile>
#include <QProcessEnvironment>
#include <QTest>
#include <QTimer>

using namespace eikona::store;
using eikona::testing::HubTestServer;
using eikona::testing::runCliWithHub;
using eikona::testing::ScopedEnvironment;

namespace {

const QString k_model = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");

QString repo()
{
    return QLatin1String(HubTestServer::k_repo);
}

/// The message of the HubError `work` throws (empty when none); its kind in `kind`.
QString errorOf(const std::function<void()>& work, HubFailure* kind = nullptr)
{
    try {
        work();
    } catch (const HubError& error) {
        if (kind)
            *kind = error.kind();
        return QString::fromUtf8(error.what());
    }
    return {};
}

} // namespace

class TestHubDownload : public QObject {
    Q_OBJECT

  private:
    HubTestServer m_server;

  private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(k_model, &error), qPrintable(error));
        // Hermetic: a proxy set on the machine must not stand between the tests and 127.0.0.1.
        for (const char* name : {"http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY",
                                 "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"})
            qunsetenv(name);
    }

    void selectsWhatThePipelineNeeds()
    {
        const auto file = [](const char* path) {
            return HubFile{QString::fromLatin1(path), 1, QStringLiteral("x"), {}};
        };
        const QList<HubFile> listing{file("model_index.json"),
                                     file("scheduler/scheduler_config.json"),
                                     file("tokenizer/vocab.json"),
                                     file("unet/config.json"),
                                     file("unet/diffusion_pytorch_model.safetensors"),
                                     file("unet/diffusion_pytorch_model.fp16.safetensors"),
                                     file("unet/diffusion_pytorch_model.bin"),
                                     file("vae/diffusion_pytorch_model.bin"),
                                     file("text_encoder/model.safetensors"),
                                     file("safety_checker/model.safetensors"),
                                     file("v1-5-pruned.ckpt"),
                                     file("../escape.json")};
        const auto paths = [](const QList<HubFile>& files) {
            QStringList out;
            for (const auto& f : files)
                out.append(f.path);
            return out;
        };
        QCOMPARE(paths(selectPipelineFiles(listing, QStringLiteral("fp16"))),
                 (QStringList{QStringLiteral("model_index.json"),
                              QStringLiteral("scheduler/scheduler_config.json"),
                              QStringLiteral("tokenizer/vocab.json"), QStringLiteral("unet/config.json"),
                              QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors"),
                              QStringLiteral("vae/diffusion_pytorch_model.bin"),
                              QStringLiteral("text_encoder/model.safetensors")}));
        QVERIFY(paths(selectPipelineFiles(listing, {}))
                    .contains(QStringLiteral("unet/diffusion_pytorch_model.safetensors")));
        QVERIFY(!paths(selectPipelineFiles(listing, {}))
                     .contains(QStringLiteral("unet/diffusion_pytorch_model.fp16.safetensors")));
        QCOMPARE(canonicalRepoId(QStringLiteral("runwayml/stable-diffusion-v1-5")), k_defaultModel);
    }

    void downloadsIntoTheSharedCacheLayout()
    {
        QTemporaryDir cache;
        qint64 lastDone = -1;
        qint64 total = 0;
        const auto result = downloadModel(repo(), QStringLiteral("main"), QStringLiteral("fp16"),
                                          m_server.optionsFor(cache.path()), [&](const DownloadProgress& p) {
                                              lastDone = p.bytesDone;
                                              total = p.bytesTotal;
                                          });
        QCOMPARE(result.commit, QLatin1String(HubTestServer::k_commit));
        QVERIFY(!result.fromCacheOnly);
        QVERIFY(result.bytesFetched > 19'000'000);
        QCOMPARE(lastDone, total);
        const QString folder =
            cache.path() + QStringLiteral("/models--stable-diffusion-v1-5--stable-diffusion-v1-5");
        QCOMPARE(result.snapshot, folder + QStringLiteral("/snapshots/") + result.commit);
        QFile ref(folder + QStringLiteral("/refs/main"));
        QVERIFY(ref.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromLatin1(ref.readAll()), result.commit);
        // Snapshot entries are relative links to blobs named by their etag (SHA-256 for LFS files).
        const auto unet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
        const QFileInfo link(result.snapshot + u'/' + unet);
        QVERIFY(link.isSymLink());
        QCOMPARE(link.symLinkTarget(), folder + QStringLiteral("/blobs/") + m_server.sha256(unet));
        QVERIFY(QFile::symLinkTarget(link.filePath()).endsWith(m_server.sha256(unet)));
        QCOMPARE(QFileInfo(link.filePath()).size(), QFileInfo(m_server.fileBytesPath(unet)).size());
        // The VAE came through the redirect to the "CDN"; nothing the pipeline does not need came.
        QVERIFY(
            QFileInfo::exists(result.snapshot + QStringLiteral("/vae/diffusion_pytorch_model.safetensors")));
        QVERIFY(!QFileInfo::exists(result.snapshot + QStringLiteral("/safety_checker")));
        QVERIFY(!QFileInfo::exists(result.snapshot + QStringLiteral("/unet/diffusion_pytorch_model.bin")));
        QCOMPARE(cachedSnapshot(repo(), QStringLiteral("main"), cache.path()), result.snapshot);
        QVERIFY(QDir(folder + QStringLiteral("/blobs"))
                    .entryList({QStringLiteral("*.incomplete")}, QDir::Files)
                    .isEmpty());

        // A second run fetches nothing, and the old name of the repository finds the same files.
        const int before = m_server.requests(QStringLiteral("/resolve/"));
        const auto again =
            downloadModel(QStringLiteral("runwayml/stable-diffusion-v1-5"), QStringLiteral("main"),
                          QStringLiteral("fp16"), m_server.optionsFor(cache.path()));
        QCOMPARE(again.bytesFetched, 0);
        QCOMPARE(again.snapshot, result.snapshot);
        QCOMPARE(m_server.requests(QStringLiteral("/resolve/")), before);
    }

    // TAESD's repository: only its diffusers files, in the same cache layout; a pipeline
    // repository is not a TAESD, nor the other way round.
    void downloadsThePreviewDecoder()
    {
        QTemporaryDir cache;
        const auto taesd = QLatin1String(HubTestServer::k_taesd);
        const auto options = m_server.optionsFor(cache.path());
        const auto size =
            repositoryDownloadSize(taesd, QStringLiteral("main"), previewDecoderFiles(), options);
        QVERIFY(size > 400'000 && size < 500'000);
        const auto result = downloadRepository(taesd, QStringLiteral("main"), previewDecoderFiles(), options);
        QCOMPARE(result.bytesFetched, size);
        QCOMPARE(result.snapshot,
                 cache.path() + QStringLiteral("/models--madebyollin--taesd/snapshots/") + result.commit);
        QCOMPARE(QDir(result.snapshot).entryList(QDir::Files | QDir::System, QDir::Name),
                 (QStringList{QStringLiteral("config.json"),
                              QStringLiteral("diffusion_pytorch_model.safetensors")}));
        QCOMPARE(repositoryDownloadSize(taesd, QStringLiteral("main"), previewDecoderFiles(), options), 0);

        HubFailure kind{};
        QVERIFY(
            errorOf(
                [&] { downloadRepository(repo(), QStringLiteral("main"), previewDecoderFiles(), options); },
                &kind)
                .contains(QStringLiteral("not a diffusers TAESD")));
        QCOMPARE(kind, HubFailure::NotFound);
        QVERIFY(
            errorOf([&] { downloadModel(taesd, QStringLiteral("main"), QStringLiteral("fp16"), options); },
                    &kind)
                .contains(QStringLiteral("not a diffusers pipeline")));
    }

    void resumesATruncatedFile()
    {
        QTemporaryDir cache;
        const auto unet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
        const QString blobs =
            cache.path() + QStringLiteral("/models--stable-diffusion-v1-5--stable-diffusion-v1-5/blobs/");
        QDir().mkpath(blobs);
        QFile source(m_server.fileBytesPath(unet));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const auto half = source.read(source.size() / 2);
        QFile partial(blobs + m_server.sha256(unet) + QStringLiteral(".incomplete"));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write(half);
        partial.close();
        const int resumedBefore = m_server.requests(unet, 206);
        const auto result =
            downloadModel(repo(), QStringLiteral("main"), {}, m_server.optionsFor(cache.path()));
        QCOMPARE(m_server.requests(unet, 206), resumedBefore + 1);
        QVERIFY(result.bytesFetched <
                QFileInfo(m_server.fileBytesPath(unet)).size() * 3); // not everything twice
        QCOMPARE(sha256OfFile(blobs + m_server.sha256(unet)), m_server.sha256(unet));
        QVERIFY(!QFileInfo::exists(partial.fileName()));
    }

    // A resumed download answered with another part of the file (a proxy's cache, a broken
    // mirror) is not spliced onto what was fetched: the file is fetched again from its start.
    // It used to be appended, and the whole file discarded as the wrong size.
    void startsOverWhenTheServerSendsAnotherRange()
    {
        QTemporaryDir cache;
        const auto unet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
        const QString blobs = cache.path() + QStringLiteral("/models--misranged-org--misranged-model/blobs/");
        QDir().mkpath(blobs);
        QFile partial(blobs + m_server.sha256(unet) + QStringLiteral(".incomplete"));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write(QByteArray(1000, 'x')); // not even the file's own bytes: only a fresh start mends it
        partial.close();
        const auto path =
            QStringLiteral("/%1/resolve/%2/%3")
                .arg(QLatin1String(HubTestServer::k_misranged), QLatin1String(HubTestServer::k_commit), unet);
        downloadModel(QLatin1String(HubTestServer::k_misranged), QStringLiteral("main"), {},
                      m_server.optionsFor(cache.path()));
        QCOMPARE(m_server.requests(path, 206), 1);
        QCOMPARE(m_server.requests(path, 200), 1);
        QCOMPARE(sha256OfFile(blobs + m_server.sha256(unet)), m_server.sha256(unet));
        QVERIFY(!QFileInfo::exists(partial.fileName()));
    }

    void refusesACorruptFile()
    {
        QTemporaryDir cache;
        HubFailure kind{};
        const auto message = errorOf(
            [&] {
                downloadModel(QLatin1String(HubTestServer::k_broken), QStringLiteral("main"), {},
                              m_server.optionsFor(cache.path()));
            },
            &kind);
        QVERIFY2(message.contains(QStringLiteral("corrupt")), qPrintable(message));
        QCOMPARE(kind, HubFailure::Corrupt);
        QVERIFY(message.contains(QStringLiteral("unet/diffusion_pytorch_model.safetensors")));
        const QString blobs = cache.path() + QStringLiteral("/models--broken-org--broken-model/blobs/");
        const auto sha = m_server.sha256(QStringLiteral("unet/diffusion_pytorch_model.safetensors"));
        QVERIFY(!QFileInfo::exists(blobs + sha));
        QVERIFY(!QFileInfo::exists(blobs + sha + QStringLiteral(".incomplete")));
    }

    // An etag is a file name in the cache: one that is not a hash is refused before anything
    // is written, inside the cache or outside it.
    void refusesAnEtagThatIsAPath()
    {
        QTemporaryDir root;
        const QString cache = root.path() + QStringLiteral("/a/b/c/hub");
        HubFailure kind{};
        const auto message = errorOf(
            [&] {
                downloadModel(QLatin1String(HubTestServer::k_hostile), QStringLiteral("main"), {},
                              m_server.optionsFor(cache));
            },
            &kind);
        QVERIFY2(message.contains(QStringLiteral("model_index.json")) &&
                     message.contains(QStringLiteral("not a SHA-1 or SHA-256")),
                 qPrintable(message));
        QCOMPARE(kind, HubFailure::Corrupt);
        QVERIFY(!QFileInfo::exists(root.path() + QStringLiteral("/a/escaped")));
        QVERIFY(!QFileInfo::exists(root.path() + QStringLiteral("/a/escaped.incomplete")));
        QCOMPARE(m_server.requests(QLatin1String(HubTestServer::k_hostile) + QStringLiteral("/resolve/")), 0);
        QVERIFY(errorOf([&] {
                    repositoryDownloadSize(QLatin1String(HubTestServer::k_hostile), QStringLiteral("main"),
                                           pipelineFiles({}), m_server.optionsFor(cache));
                }).contains(QStringLiteral("not a SHA-1 or SHA-256")));
        // A revision that climbs out of refs/ is not one.
        QVERIFY(errorOf([&] {
                    downloadModel(repo(), QStringLiteral("../../x"), {}, m_server.optionsFor(cache));
                }).contains(QStringLiteral("is not a revision")));
    }

    // A small (non-LFS) file is checked against its git blob id, as an LFS file against its SHA-256.
    void refusesASmallFileThatIsNotItsBlob()
    {
        QTemporaryDir cache;
        HubFailure kind{};
        const auto message = errorOf(
            [&] {
                downloadModel(QLatin1String(HubTestServer::k_tampered), QStringLiteral("main"), {},
                              m_server.optionsFor(cache.path()));
            },
            &kind);
        QVERIFY2(message.contains(QStringLiteral("model_index.json is corrupt")) &&
                     message.contains(QStringLiteral("git blob")),
                 qPrintable(message));
        QCOMPARE(kind, HubFailure::Corrupt);
        QVERIFY(QDir(cache.path() + QStringLiteral("/models--tampered-org--tampered-model/snapshots"))
                    .entryList(QDir::NoDotAndDotDot | QDir::AllEntries)
                    .size() <= 1);
        QVERIFY(!QFileInfo::exists(
            cache.path() + QStringLiteral("/models--tampered-org--tampered-model/snapshots/") +
            QLatin1String(HubTestServer::k_commit) + QStringLiteral("/model_index.json")));
    }

    // A file whose part is already whole completes inside the loop that starts files; the files
    // waiting for another process's lock must still be fetched before the download reports
    // success (it used to end at once with them missing).
    void waitsForLockedFilesWhenAnotherCompletesAtOnce()
    {
        QTemporaryDir cache;
        const auto options = m_server.optionsFor(cache.path());
        const auto first = downloadModel(repo(), QStringLiteral("main"), {}, options);
        // The files in the order the download takes them: hold the first, make the last whole.
        QList<HubFile> listing;
        for (const auto& value : m_server.listing()) {
            const auto entry = value.toObject();
            const auto lfs = entry.value(QStringLiteral("lfs")).toObject();
            listing.append(HubFile{entry.value(QStringLiteral("rfilename")).toString(),
                                   static_cast<qint64>(entry.value(QStringLiteral("size")).toDouble()),
                                   entry.value(QStringLiteral("blobId")).toString(),
                                   lfs.value(QStringLiteral("sha256")).toString()});
        }
        const auto order = selectPipelineFiles(listing, {});
        QVERIFY(order.size() >= 3);
        const auto& held = order.front();
        const auto& whole = order.back();
        const QString repoFolder =
            cache.path() + QStringLiteral("/models--stable-diffusion-v1-5--stable-diffusion-v1-5");
        for (const auto& file : {held, whole}) {
            QVERIFY(QFile::remove(first.snapshot + u'/' + file.path));
            QVERIFY(QFile::rename(repoFolder + QStringLiteral("/blobs/") + file.etag(),
                                  repoFolder + QStringLiteral("/blobs/") + file.etag() +
                                      QStringLiteral(".incomplete")));
        }
        QVERIFY(QFile::remove(repoFolder + QStringLiteral("/blobs/") + held.etag() +
                              QStringLiteral(".incomplete")));
        QLockFile busy(cache.path() +
                       QStringLiteral("/.locks/models--stable-diffusion-v1-5--stable-diffusion-v1-5/") +
                       held.etag() + QStringLiteral(".lock"));
        QVERIFY(busy.tryLock(0));
        QTimer::singleShot(800, [&] { busy.unlock(); }); // the other "process" gives up
        const auto second = downloadModel(repo(), QStringLiteral("main"), {}, options);
        QVERIFY2(QFileInfo(second.snapshot + u'/' + held.path).size() == held.size, qPrintable(held.path));
        QCOMPARE(QFileInfo(second.snapshot + u'/' + whole.path).size(), whole.size);
        QCOMPARE(second.bytesFetched, held.size);
    }

    void explainsHttpErrors()
    {
        QTemporaryDir cache;
        HubFailure kind{};
        const auto missing = errorOf(
            [&] {
                downloadModel(QStringLiteral("nobody/nothing"), QStringLiteral("main"), {},
                              m_server.optionsFor(cache.path()));
            },
            &kind);
        QVERIFY2(missing.contains(QStringLiteral("not found")) && missing.contains(QStringLiteral("404")),
                 qPrintable(missing));
        QCOMPARE(kind, HubFailure::NotFound);
        const auto gated = errorOf(
            [&] {
                downloadModel(QLatin1String(HubTestServer::k_gated), QStringLiteral("main"), {},
                              m_server.optionsFor(cache.path()));
            },
            &kind);
        QVERIFY2(gated.contains(QStringLiteral("gated")) && gated.contains(QStringLiteral("HF_TOKEN")),
                 qPrintable(gated));
        QCOMPARE(kind, HubFailure::NeedsAccess);
        const auto notAnId = errorOf([&] {
            downloadModel(QStringLiteral("a/b/c"), QStringLiteral("main"), {},
                          m_server.optionsFor(cache.path()));
        });
        QVERIFY2(notAnId.contains(QStringLiteral("not a Hugging Face repository id")), qPrintable(notAnId));
    }

    void worksOfflineFromTheCacheOnly()
    {
        QTemporaryDir cache;
        auto options = m_server.optionsFor(cache.path());
        options.offline = true;
        HubFailure kind{};
        const auto empty =
            errorOf([&] { downloadModel(repo(), QStringLiteral("main"), {}, options); }, &kind);
        QVERIFY2(empty.contains(QStringLiteral("offline")) &&
                     empty.contains(QStringLiteral("not in the cache")),
                 qPrintable(empty));
        QCOMPARE(kind, HubFailure::Offline);
        options.offline = false;
        const auto online = downloadModel(repo(), QStringLiteral("main"), {}, options);
        options.offline = true;
        const int before = m_server.requests(QStringLiteral("/api/"));
        // The options' cache folder is the one looked in, whatever the environment says.
        const ScopedEnvironment elsewhere("HF_HUB_CACHE", "/nonexistent");
        const auto offline = downloadModel(repo(), QStringLiteral("main"), {}, options);
        QVERIFY(offline.fromCacheOnly);
        QCOMPARE(offline.snapshot, online.snapshot);
        QCOMPARE(m_server.requests(QStringLiteral("/api/")), before);
    }

    // A cache laid out by the rules (as diffusers leaves it) opens when the hub cannot be reached.
    void opensAHandMadeCacheWithoutNetwork()
    {
        QTemporaryDir cache;
        const QString repoFolder =
            cache.path() + QStringLiteral("/models--stable-diffusion-v1-5--stable-diffusion-v1-5");
        const QString commit = QStringLiteral("fedcba9876543210fedcba9876543210fedcba98");
        QDir().mkpath(repoFolder + QStringLiteral("/blobs"));
        QDir().mkpath(repoFolder + QStringLiteral("/refs"));
        QFile ref(repoFolder + QStringLiteral("/refs/main"));
        QVERIFY(ref.open(QIODevice::WriteOnly));
        ref.write(commit.toLatin1());
        ref.close();
        QDirIterator it(k_model, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const auto source = it.next();
            const auto path = QDir(k_model).relativeFilePath(source);
            const QString blob = repoFolder + QStringLiteral("/blobs/") + sha256OfFile(source);
            QFile::copy(source, blob);
            const QString link = repoFolder + QStringLiteral("/snapshots/") + commit + u'/' + path;
            QDir().mkpath(QFileInfo(link).absolutePath());
            QVERIFY(QFile::link(QFileInfo(link).absoluteDir().relativeFilePath(blob), link));
        }
        HubOptions options;
        options.endpoint = QStringLiteral("http://127.0.0.1:9"); // discard port: nothing listens
        options.cacheDirectory = cache.path();
        const ScopedEnvironment elsewhere("HF_HUB_CACHE", "/nonexistent");
        const auto result = downloadModel(repo(), QStringLiteral("main"), {}, options);
        QVERIFY(result.fromCacheOnly);
        QCOMPARE(result.commit, commit);
        QVERIFY(
            QFileInfo::exists(result.snapshot + QStringLiteral("/unet/diffusion_pytorch_model.safetensors")));
        // Without the cache the same failure is reported as what it is.
        QTemporaryDir none;
        options.cacheDirectory = none.path();
        HubFailure kind{};
        const auto message =
            errorOf([&] { downloadModel(repo(), QStringLiteral("main"), {}, options); }, &kind);
        QVERIFY2(message.contains(QStringLiteral("cannot reach the hub")), qPrintable(message));
        QCOMPARE(kind, HubFailure::Unreachable);
    }

    void cancelLeavesAResumableState()
    {
        HubTestServer slow; // 2 MB/s on the UNet file: about 5 s for it
        QString error;
        QVERIFY2(slow.start(k_model, &error, 2'000'000), qPrintable(error));
        QTemporaryDir cache;
        HubOptions options;
        options.endpoint = slow.endpoint();
        options.cacheDirectory = cache.path();
        QElapsedTimer clock;
        clock.start();
        QVERIFY_THROWS_EXCEPTION(HubCancelled, downloadModel(repo(), QStringLiteral("main"), {}, options, {},
                                                             [&] { return clock.elapsed() > 1500; }));
        const auto unet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
        const QString partial =
            cache.path() + QStringLiteral("/models--stable-diffusion-v1-5--stable-diffusion-v1-5/blobs/") +
            slow.sha256(unet) + QStringLiteral(".incomplete");
        const auto kept = QFileInfo(partial).size();
        QVERIFY2(kept > 0 && kept < QFileInfo(slow.fileBytesPath(unet)).size(),
                 qPrintable(QString::number(kept)));
        const auto result = downloadModel(repo(), QStringLiteral("main"), {}, options);
        QCOMPARE(slow.requests(unet, 206), 1);
        QCOMPARE(sha256OfFile(result.snapshot + u'/' + unet), slow.sha256(unet));
    }

    // The issue's end-to-end case: generate with a repository id downloads, caches, verifies
    // and generates; the next run fetches nothing.
    void generateDownloadsOnFirstUse()
    {
        QTemporaryDir cache;
        QTemporaryDir out;
        const auto run = [&] {
            QProcess cli;
            auto environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("HF_ENDPOINT"), m_server.endpoint());
            environment.insert(QStringLiteral("HF_HUB_CACHE"), cache.path());
            environment.remove(QStringLiteral("HF_HUB_OFFLINE"));
            cli.setProcessEnvironment(environment);
            cli.start(QStringLiteral(EIKONA_CLI),
                      {QStringLiteral("generate"), QStringLiteral("--model"), repo(),
                       QStringLiteral("--prompt"), QStringLiteral("a red boat"), QStringLiteral("--steps"),
                       QStringLiteral("2"), QStringLiteral("--width"), QStringLiteral("64"),
                       QStringLiteral("--height"), QStringLiteral("64"), QStringLiteral("--seed"),
                       QStringLiteral("5"), QStringLiteral("--out"),
                       out.filePath(QStringLiteral("boat.png"))});
            cli.waitForFinished(120000);
            return qMakePair(cli.exitCode(), QString::fromUtf8(cli.readAllStandardError()));
        };
        const auto first = run();
        QVERIFY2(first.first == 0, qPrintable(first.second));
        QVERIFY2(first.second.contains(QStringLiteral("fetched")), qPrintable(first.second));
        const auto parameters =
            parseParameters(*readParametersText(out.filePath(QStringLiteral("boat.png"))));
        QVERIFY(parameters);
        QCOMPARE(parameters->model, QStringLiteral("stable-diffusion-v1-5"));
        QCOMPARE(parameters->modelHash,
                 m_server.sha256(QStringLiteral("unet/diffusion_pytorch_model.safetensors")).left(10));
        // The exact weights: repository and commit.
        const auto source =
            std::find_if(parameters->extra.begin(), parameters->extra.end(),
                         [](const auto& pair) { return pair.first == QStringLiteral("Model source"); });
        QVERIFY(source != parameters->extra.end());
        QCOMPARE(source->second, repo() + u'@' + QLatin1String(HubTestServer::k_commit));
        const int fetchedBefore = m_server.requests(QStringLiteral("/resolve/"));
        const auto second = run();
        QVERIFY2(second.first == 0, qPrintable(second.second));
        QVERIFY2(second.second.contains(QStringLiteral("already cached")), qPrintable(second.second));
        QCOMPARE(m_server.requests(QStringLiteral("/resolve/")), fetchedBefore);
    }

    // ORG/NAME@REVISION pins the weights; an unknown revision is said to be unknown.
    // --draft fetches TAESD on first use like a model, decodes with it and says so; offline and
    // without it in the cache, it says what is missing.
    void generateDraftFetchesTaesd()
    {
        QTemporaryDir cache;
        QTemporaryDir out;
        const auto run = [&](bool offline) {
            QProcess cli;
            auto environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("HF_ENDPOINT"), m_server.endpoint());
            environment.insert(QStringLiteral("HF_HUB_CACHE"), cache.path());
            if (offline)
                environment.insert(QStringLiteral("HF_HUB_OFFLINE"), QStringLiteral("1"));
            else
                environment.remove(QStringLiteral("HF_HUB_OFFLINE"));
            cli.setProcessEnvironment(environment);
            cli.start(QStringLiteral(EIKONA_CLI),
                      {QStringLiteral("generate"), QStringLiteral("--model"), k_model,
                       QStringLiteral("--prompt"), QStringLiteral("a red boat"), QStringLiteral("--steps"),
                       QStringLiteral("2"), QStringLiteral("--width"), QStringLiteral("64"),
                       QStringLiteral("--height"), QStringLiteral("64"), QStringLiteral("--seed"),
                       QStringLiteral("5"), QStringLiteral("--draft"), QStringLiteral("--no-gallery"),
                       QStringLiteral("--out"), out.filePath(QStringLiteral("draft.png"))});
            cli.waitForFinished(120000);
            return qMakePair(cli.exitCode(), QString::fromUtf8(cli.readAllStandardError()));
        };
        const auto offline = run(true);
        QCOMPARE(offline.first, 1);
        QVERIFY2(offline.second.contains(QStringLiteral("--draft needs TAESD")) &&
                     offline.second.contains(QStringLiteral("offline")),
                 qPrintable(offline.second));
        const auto online = run(false);
        QVERIFY2(online.first == 0, qPrintable(online.second));
        QVERIFY2(online.second.contains(QStringLiteral("madebyollin/taesd")), qPrintable(online.second));
        const auto text = readParametersText(out.filePath(QStringLiteral("draft.png")));
        QVERIFY(text && text->contains(QStringLiteral("Draft: TAESD")));
    }

    void generateAtAPinnedRevision()
    {
        QTemporaryDir home;
        const auto out = home.filePath(QStringLiteral("pinned.png"));
        const auto pinned =
            runCliWithHub({QStringLiteral("generate"), QStringLiteral("--model"),
                           repo() + u'@' + QLatin1String(HubTestServer::k_commit), QStringLiteral("--prompt"),
                           QStringLiteral("a kite"), QStringLiteral("--steps"), QStringLiteral("1"),
                           QStringLiteral("--width"), QStringLiteral("64"), QStringLiteral("--height"),
                           QStringLiteral("64"), QStringLiteral("--out"), out},
                          m_server.endpoint(), home.path());
        QVERIFY2(pinned.exitCode == 0, qPrintable(pinned.err));
        QVERIFY2(readParametersText(out)->contains(QStringLiteral("Model source: ") + repo() + u'@' +
                                                   QLatin1String(HubTestServer::k_commit)),
                 qPrintable(*readParametersText(out)));
        const auto unknown = runCliWithHub({QStringLiteral("generate"), QStringLiteral("--model"),
                                            repo() + QStringLiteral("@no-such-branch"),
                                            QStringLiteral("--prompt"), QStringLiteral("a kite")},
                                           m_server.endpoint(), home.path());
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("not found")), qPrintable(unknown.err));
    }

    // Two processes asking for the same model at once: each blob is fetched once, both succeed.
    void twoProcessesShareTheWork()
    {
        HubTestServer slow;
        QString error;
        QVERIFY2(slow.start(k_model, &error, 4'000'000), qPrintable(error));
        QTemporaryDir cache;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HF_ENDPOINT"), slow.endpoint());
        environment.insert(QStringLiteral("HF_HUB_CACHE"), cache.path());
        environment.remove(QStringLiteral("HF_HUB_OFFLINE"));
        QProcess first;
        QProcess second;
        for (auto* process : {&first, &second}) {
            process->setProcessEnvironment(environment);
            process->start(QStringLiteral(EIKONA_CLI),
                           {QStringLiteral("models"), QStringLiteral("download"), repo()});
        }
        QVERIFY(first.waitForFinished(60000) && second.waitForFinished(60000));
        QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
        QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
        QCOMPARE(first.readAllStandardOutput(), second.readAllStandardOutput());
        const auto unet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
        QCOMPARE(slow.requests(unet), 1);
    }

    // `models list`, `verify` (a damaged blob found, removed, fetched again) and `remove`.
    void registryListsVerifiesAndRemovesHubModels()
    {
        QTemporaryDir home;
        const auto endpoint = m_server.endpoint();
        const auto empty =
            runCliWithHub({QStringLiteral("models"), QStringLiteral("list")}, endpoint, home.path());
        QCOMPARE(empty.exitCode, 0);
        QVERIFY2(empty.out.contains(QStringLiteral("no models yet")), qPrintable(empty.out));
        QCOMPARE(runCliWithHub({QStringLiteral("models"), QStringLiteral("download"), repo()}, endpoint,
                               home.path())
                     .exitCode,
                 0);

        const auto listed =
            runCliWithHub({QStringLiteral("models"), QStringLiteral("list")}, endpoint, home.path());
        QCOMPARE(listed.exitCode, 0);
        const auto row = listed.out.split(u'\n').filter(repo()).value(0);
        QVERIFY2(row.contains(QStringLiteral("hub @") + QLatin1String(HubTestServer::k_commit).left(12)),
                 qPrintable(listed.out));
        QVERIFY2(row.contains(QStringLiteral(" MB")) && row.contains(QStringLiteral("never")),
                 qPrintable(row));

        const auto intact = runCliWithHub({QStringLiteral("models"), QStringLiteral("verify"), repo()},
                                          endpoint, home.path());
        QVERIFY2(intact.exitCode == 0, qPrintable(intact.err));
        QVERIFY2(intact.out.contains(QStringLiteral("ok         unet/diffusion_pytorch_model.safetensors")),
                 qPrintable(intact.out));
        QVERIFY2(intact.out.contains(QStringLiteral("ok         model_index.json")),
                 qPrintable(intact.out)); // a git-hashed blob

        // One flipped byte in the UNet's blob.
        const auto unet = QStringLiteral("unet/diffusion_pytorch_model.safetensors");
        const QString blob =
            home.path() + QStringLiteral("/hub/models--stable-diffusion-v1-5--stable-diffusion-v1-5/blobs/") +
            m_server.sha256(unet);
        {
            QFile file(blob);
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(file.size() / 2);
            const char byte = file.peek(1).at(0);
            file.write(QByteArray(1, static_cast<char>(byte ^ 0x10)));
        }
        const auto damaged = runCliWithHub({QStringLiteral("models"), QStringLiteral("verify"), repo()},
                                           endpoint, home.path());
        QCOMPARE(damaged.exitCode, 1);
        QVERIFY2(damaged.out.contains(QStringLiteral("CORRUPT    ") + unet), qPrintable(damaged.out));
        QVERIFY2(damaged.err.contains(QStringLiteral("1 of")), qPrintable(damaged.err));
        QVERIFY(!QFileInfo::exists(blob)); // never used again
        const int fetchedBefore = m_server.requests(unet);
        QCOMPARE(runCliWithHub({QStringLiteral("models"), QStringLiteral("download"), repo()}, endpoint,
                               home.path())
                     .exitCode,
                 0);
        QCOMPARE(m_server.requests(unet), fetchedBefore + 1);
        QCOMPARE(
            runCliWithHub({QStringLiteral("models"), QStringLiteral("verify"), repo()}, endpoint, home.path())
                .exitCode,
            0);

        // Not while another process downloads it.
        const QString locks =
            home.path() + QStringLiteral("/hub/.locks/models--stable-diffusion-v1-5--stable-diffusion-v1-5");
        {
            QLockFile busy(locks + QStringLiteral("/") + m_server.sha256(unet) + QStringLiteral(".lock"));
            QVERIFY(busy.tryLock(0));
            const auto refused = runCliWithHub({QStringLiteral("models"), QStringLiteral("remove"), repo()},
                                               endpoint, home.path());
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(QStringLiteral("being downloaded")), qPrintable(refused.err));
        }
        const auto removed = runCliWithHub({QStringLiteral("models"), QStringLiteral("remove"), repo()},
                                           endpoint, home.path());
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY2(removed.out.contains(QStringLiteral("MB freed")), qPrintable(removed.out));
        QVERIFY(!QFileInfo::exists(
            home.path() + QStringLiteral("/hub/models--stable-diffusion-v1-5--stable-diffusion-v1-5")));
        QVERIFY(runCliWithHub({QStringLiteral("models"), QStringLiteral("list")}, endpoint, home.path())
                    .out.contains(QStringLiteral("no models yet")));
        const auto unknown = runCliWithHub({QStringLiteral("models"), QStringLiteral("remove"), repo()},
                                           endpoint, home.path());
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("no model named")), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(TestHubDownload)
#include "tst_hub_download.moc"
