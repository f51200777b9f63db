// Kill tests: a job in the app, a model download, a gallery save and an export, each killed
// with SIGKILL at seeded random moments. After every kill the next start must find no file cut
// short under a final name, the gallery index and the hub cache sound, the queue intact, and
// the interrupted work finishing when it runs again.
//
// EIKONA_KILLS: kills per kind (default 4, what CI runs; tests/kill/run.sh runs 50).
// EIKONA_KILL_SEED: the seed of the kill moments (a failure message names it, to replay it).

#include "../store/hub_test_server.h"
#include "cli_process.h"
#include "generation_parameters.h"
#include "job_queue.h"
#include "kill_checks.h"
#include "picture_file.h"
#include "picture_fixtures.h"

#include <zip.h>

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace eikona;
using testing::CliRun;
using testing::runCli;

namespace {

const QString k_tinyModel = QStringLiteral(EIKONA_TEST_DATA "/tiny-sd15");
constexpr int k_galleryPictures = 60;

int killsPerKind()
{
    const auto value = qEnvironmentVariableIntValue("EIKONA_KILLS");
    return value > 0 ? value : 4;
}

quint32 killSeed()
{
    bool ok = false;
    const auto value = qEnvironmentVariable("EIKONA_KILL_SEED").toUInt(&ok);
    return ok ? value : 20261202u;
}

/// A home of its own for the processes under test: settings, data, hub cache and pictures.
class KillHome {
  public:
    KillHome()
    {
        QDir().mkpath(path(QStringLiteral("config/Eikona")));
        QFile config(path(QStringLiteral("config/Eikona/Eikona.conf")));
        config.open(QIODevice::WriteOnly);
        config.write("[files]\noutputFolder=" + pictures().toUtf8() + "\n");
    }
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString pictures() const { return path(QStringLiteral("pictures")); }
    QString gallery() const { return path(QStringLiteral("data/eikona/gallery.sqlite")); }
    QString queue() const { return path(QStringLiteral("data/Eikona/Eikona/queue.json")); }
    QString hub() const { return path(QStringLiteral("hub")); }

    QProcessEnvironment environment(const QString& endpoint = {}) const
    {
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_dir.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        environment.insert(QStringLiteral("HF_HUB_CACHE"), hub());
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        if (endpoint.isEmpty()) {
            environment.insert(QStringLiteral("HF_HUB_OFFLINE"), QStringLiteral("1"));
        } else {
            environment.insert(QStringLiteral("HF_ENDPOINT"), endpoint);
            environment.remove(QStringLiteral("HF_HUB_OFFLINE"));
        }
        return environment;
    }

  private:
    QTemporaryDir m_dir;
};

/// Starts `program` and kills it (SIGKILL) after `delayMs`, unless it ended before. True when
/// it was killed; false when it ended on its own (its exit code in `exitCode`, what it said in
/// `output`).
bool runAndKill(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment,
                int delayMs, int* exitCode = nullptr, QString* output = nullptr)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return false;
    if (process.waitForFinished(std::max(delayMs, 1))) {
        if (exitCode)
            *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        if (output)
            *output = QString::fromUtf8(process.readAll());
        return false;
    }
    process.kill();
    process.waitForFinished();
    return true;
}

/// How long `run` takes uninterrupted, in ms: the window the kills fall in.
template <typename Run> qint64 timed(Run run)
{
    QElapsedTimer clock;
    clock.start();
    run();
    return clock.elapsed();
}

QString where(int kill, int delayMs)
{
    return QStringLiteral("kill %1 at %2 ms, seed %3").arg(kill).arg(delayMs).arg(killSeed());
}

#define CHECK_NONE(problems, context)                                                                        \
    do {                                                                                                     \
        const QStringList found_ = (problems);                                                               \
        QVERIFY2(found_.isEmpty(),                                                                           \
                 qPrintable((context) + QStringLiteral(": ") + found_.join(QStringLiteral("; "))));          \
    } while (false)

/// The seeds of the pictures in `folder`, from their parameters.
QSet<quint64> seedsOfPictures(const QString& folder)
{
    QSet<quint64> seeds;
    for (const auto& name : QDir(folder).entryList({QStringLiteral("*.png")}, QDir::Files)) {
        const auto text = store::readParametersText(QDir(folder).filePath(name));
        if (const auto parameters = text ? store::parseParameters(*text) : std::nullopt)
            seeds.insert(parameters->seed);
    }
    return seeds;
}

/// The entries of a ZIP archive, or -1 when it is not a whole one.
int zipEntries(const QString& path)
{
    int error = 0;
    zip_t* archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive)
        return -1;
    const auto entries = static_cast<int>(zip_get_num_entries(archive, 0));
    zip_discard(archive);
    return entries;
}

} // namespace

class TestKill : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase() { qInfo("%d kills per kind, seed %u", killsPerKind(), killSeed()); }

    // The app runs its queue; killed anywhere, it leaves every job either still queued or with
    // its picture made, and its next start runs what was left.
    void jobInTheApp()
    {
        KillHome home;
        QVERIFY(home.isValid());
        const auto environment = home.environment();
        QCOMPARE(runCli({QStringLiteral("models"), QStringLiteral("add"), k_tinyModel,
                         QStringLiteral("--name"), QStringLiteral("tiny")},
                        environment)
                     .exitCode,
                 0);
        quint64 nextSeed = 1000;
        QSet<quint64> enqueued;
        const auto enqueue = [&](int jobs) {
            backend::JobQueue queue(home.queue());
            for (int i = 0; i < jobs; ++i) {
                backend::GenerationJob job;
                job.model = QStringLiteral("tiny");
                job.request.prompt = QStringLiteral("a lighthouse, job %1").arg(nextSeed);
                job.request.steps = 3;
                job.request.width = job.request.height = 64;
                job.request.seed = nextSeed;
                enqueued.insert(nextSeed++);
                queue.enqueue(job);
            }
        };
        // Until the queue is empty, then the app is stopped: how long a queue of three takes.
        const auto runQueueToTheEnd = [&]() {
            QProcess app;
            app.setProcessEnvironment(environment);
            app.start(QStringLiteral(EIKONA_APP), {});
            QVERIFY(app.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(backend::JobQueue(home.queue()).size() == 0, 120000);
            app.kill();
            app.waitForFinished();
        };
        enqueue(3);
        const auto window = timed(runQueueToTheEnd);
        QVERIFY(!QTest::currentTestFailed());
        qInfo("three jobs: %lld ms", window);

        QRandomGenerator random(killSeed());
        for (int kill = 0; kill < killsPerKind(); ++kill) {
            if (backend::JobQueue(home.queue()).size() < 2)
                enqueue(3);
            const int delay = random.bounded(static_cast<int>(window * 11 / 10) + 1);
            runAndKill(QStringLiteral(EIKONA_APP), {}, environment, delay);
            const auto context = where(kill, delay);
            const backend::JobQueue queue(home.queue());
            QVERIFY2(queue.lastError().isEmpty(), qPrintable(context + u' ' + queue.lastError()));
            auto accounted = seedsOfPictures(home.pictures());
            for (int row = 0; row < queue.size(); ++row)
                accounted.insert(queue.job(row).request.seed);
            for (const auto seed : std::as_const(enqueued))
                QVERIFY2(accounted.contains(seed),
                         qPrintable(context + QStringLiteral(": job %1 lost").arg(seed)));
            CHECK_NONE(testing::brokenPngs(home.pictures()), context);
            CHECK_NONE(testing::galleryProblems(home.gallery()), context);
        }
        runQueueToTheEnd();
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(seedsOfPictures(home.pictures()).contains(enqueued));
        CHECK_NONE(testing::brokenPngs(home.pictures()), QStringLiteral("after the last run"));
        CHECK_NONE(testing::galleryProblems(home.gallery()), QStringLiteral("after the last run"));
    }

    // A download killed anywhere leaves only whole blobs under hash names; the next run resumes
    // and the model verifies.
    void modelDownload()
    {
        testing::HubTestServer hub;
        QString error;
        QVERIFY2(hub.start(k_tinyModel, &error, 6'000'000), qPrintable(error)); // the UNet over ~1.5 s
        KillHome home;
        QVERIFY(home.isValid());
        const auto environment = home.environment(hub.endpoint());
        const QString repo = QLatin1String(testing::HubTestServer::k_repo);
        const QStringList download{QStringLiteral("models"), QStringLiteral("download"), repo};
        const auto window = timed([&] { QCOMPARE(runCli(download, environment).exitCode, 0); });
        QVERIFY(!QTest::currentTestFailed());
        qInfo("a download: %lld ms", window);
        QDir(home.hub()).removeRecursively();

        QRandomGenerator random(killSeed() + 1);
        for (int kill = 0; kill < killsPerKind(); ++kill) {
            const int delay = random.bounded(static_cast<int>(window * 11 / 10) + 1);
            int exitCode = -1;
            QString output;
            const bool killed =
                runAndKill(QStringLiteral(EIKONA_CLI), download, environment, delay, &exitCode, &output);
            const auto context = where(kill, delay);
            CHECK_NONE(testing::hubCacheProblems(home.hub()), context);
            if (!killed) { // it finished first: whole, and the next round starts from nothing
                QVERIFY2(exitCode == 0, qPrintable(context + u' ' + output));
                QCOMPARE(
                    runCli({QStringLiteral("models"), QStringLiteral("verify"), repo}, environment).exitCode,
                    0);
                QDir(home.hub()).removeRecursively();
            }
        }
        const auto resumed = runCli(download, environment);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        const auto verified = runCli({QStringLiteral("models"), QStringLiteral("verify"), repo}, environment);
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
        CHECK_NONE(testing::hubCacheProblems(home.hub()), QStringLiteral("after the last run"));
    }

    // Indexing a folder (add, rescan, rebuild) killed anywhere: the index stays sound and every
    // row true to its file; running it again indexes every picture.
    void gallerySave()
    {
        KillHome home;
        QVERIFY(home.isValid());
        const auto folder = writePictures(home);
        const auto environment = home.environment();
        const QStringList addFolder{QStringLiteral("gallery"), QStringLiteral("add-folder"), folder};
        const auto window = timed([&] { QCOMPARE(runCli(addFolder, environment).exitCode, 0); });
        QVERIFY(!QTest::currentTestFailed());
        qInfo("indexing %d pictures: %lld ms", k_galleryPictures, window);

        const QList<QStringList> actions{addFolder,
                                         {QStringLiteral("gallery"), QStringLiteral("rebuild")},
                                         {QStringLiteral("gallery"), QStringLiteral("rescan")}};
        QRandomGenerator random(killSeed() + 2);
        for (int kill = 0; kill < killsPerKind(); ++kill) {
            if (kill % 3 == 0)
                QFile::remove(home.gallery()); // from nothing again, now and then
            const int delay = random.bounded(static_cast<int>(window * 11 / 10) + 1);
            runAndKill(QStringLiteral(EIKONA_CLI), actions[kill % actions.size()], environment, delay);
            CHECK_NONE(testing::galleryProblems(home.gallery()), where(kill, delay));
        }
        QCOMPARE(runCli(addFolder, environment).exitCode, 0);
        const auto listed =
            runCli({QStringLiteral("gallery"), QStringLiteral("search"), QString()}, environment);
        QCOMPARE(listed.out.split(u'\n', Qt::SkipEmptyParts).size(), k_galleryPictures);
        CHECK_NONE(testing::galleryProblems(home.gallery()), QStringLiteral("after the last run"));
    }

    // An export (ZIP, folder, HTML sheet) killed anywhere leaves no file cut short under its
    // final name; run again, it writes the whole set.
    void exportArchiveFolderAndSheet()
    {
        KillHome home;
        QVERIFY(home.isValid());
        const auto environment = home.environment();
        QCOMPARE(runCli({QStringLiteral("gallery"), QStringLiteral("add-folder"), writePictures(home)},
                        environment)
                     .exitCode,
                 0);
        const auto out = home.path(QStringLiteral("exports"));
        const auto exportTo = [&](const QString& format) {
            const auto target = format == QStringLiteral("folder") ? QStringLiteral("/set")
                                                                   : QStringLiteral("/set.") + format;
            return QStringList{QStringLiteral("gallery"),
                               QStringLiteral("export"),
                               QStringLiteral("--all"),
                               QStringLiteral("--format"),
                               format,
                               QStringLiteral("--out"),
                               out + target};
        };
        const QStringList formats{QStringLiteral("zip"), QStringLiteral("folder"), QStringLiteral("html")};
        QHash<QString, qint64> windows;
        for (const auto& format : formats) {
            windows[format] = timed([&] { QCOMPARE(runCli(exportTo(format), environment).exitCode, 0); });
            QVERIFY(!QTest::currentTestFailed());
            qInfo("an export (%s): %lld ms", qPrintable(format), windows[format]);
        }
        QDir(out).removeRecursively();

        QRandomGenerator random(killSeed() + 3);
        for (int kill = 0; kill < killsPerKind(); ++kill) {
            const auto& format = formats[kill % formats.size()];
            const int delay = random.bounded(static_cast<int>(windows[format] * 11 / 10) + 1);
            runAndKill(QStringLiteral(EIKONA_CLI), exportTo(format), environment, delay);
            CHECK_NONE(exportProblems(out), where(kill, delay) + u' ' + format);
        }
        // Run again over what the kills left: whole, and the killed exports' scratch gone.
        for (const auto& format : formats) {
            QCOMPARE(runCli(exportTo(format), environment).exitCode, 0);
            CHECK_NONE(exportProblems(out), QStringLiteral("after the last run"));
            QCOMPARE(
                QDir(out).entryList({QStringLiteral(".eikona-export-*")}, QDir::Dirs | QDir::Hidden).size(),
                0);
        }
        QDir(out).removeRecursively();
        QCOMPARE(runCli(exportTo(QStringLiteral("folder")), environment).exitCode, 0);
        QCOMPARE(QDir(out + QStringLiteral("/set")).entryList({QStringLiteral("*.png")}, QDir::Files).size(),
                 k_galleryPictures);
    }

  private:
    /// k_galleryPictures pictures with parameters, in a folder of `home`'s.
    static QString writePictures(const KillHome& home)
    {
        const auto folder = home.path(QStringLiteral("made-elsewhere"));
        QDir().mkpath(folder);
        for (int i = 0; i < k_galleryPictures; ++i)
            store::writePicture(QDir(folder).filePath(QStringLiteral("picture-%1.png").arg(i)),
                                testing::testPicture(i, {256, 256}),
                                testing::testParameters(QStringLiteral("a harbour, picture %1").arg(i), i));
        return folder;
    }

    /// Under the exports folder: every .zip whole with every picture, every PNG whole, every
    /// .html sheet ended.
    static QStringList exportProblems(const QString& out)
    {
        QStringList problems = testing::brokenPngs(out);
        for (const auto& name : QDir(out).entryList(QDir::Files)) {
            const auto path = QDir(out).filePath(name);
            if (name.endsWith(QStringLiteral(".zip")) && zipEntries(path) != k_galleryPictures)
                problems << QStringLiteral("an archive cut short under its final name: %1").arg(path);
            if (name.endsWith(QStringLiteral(".html"))) {
                QFile file(path);
                file.open(QIODevice::ReadOnly);
                if (!file.readAll().endsWith("</html>\n"))
                    problems << QStringLiteral("a sheet cut short under its final name: %1").arg(path);
            }
        }
        return problems;
    }
};

QTEST_GUILESS_MAIN(TestKill)
#include "tst_kill.moc"
