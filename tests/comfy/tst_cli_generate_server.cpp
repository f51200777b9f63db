// `eikona-cli generate --server URL` against the fake ComfyUI: txt2img and img2img end to end
// (every graph sent checked node by node, the pictures saved here with their parameters and
// added to the gallery), a token, a refused job, an unknown checkpoint, an unreachable server,
// a cancel while waiting, a hostile server (a picture named "../../escape.png", a 2 GB
// answer), and the flags that make no sense on a server refused.

#include "comfy_graph.h"
#include "fake_comfy_jobs.h"
#include "gallery_store.h"
#include "generation_parameters.h"
#include "picture_file.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace eikona;
using testing::FakeComfyJobs;
using testing::FakeComfyServer;

namespace {

const QString k_transcript = QStringLiteral(EIKONA_TEST_DATA "/comfyui/comfyui-v0365feat.jsonl");
const QString k_checkpoint = QStringLiteral("sd15-random.safetensors");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QJsonObject inputs(const QJsonObject& graph, const char* node)
{
    return graph.value(QLatin1String(node)).toObject().value(QStringLiteral("inputs")).toObject();
}

} // namespace

class TestCliGenerateServer : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_home;

    // Runs the CLI while this thread's event loop lets the fake server answer; `whileRunning`
    // is called once the CLI is running.
    Run generate(const QStringList& arguments, const std::function<bool(QProcess&)>& whileRunning = {})
    {
        QProcess cli;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(EIKONA_CLI), QStringList{QStringLiteral("generate")} + arguments);
        bool acted = !whileRunning;
        QDeadlineTimer deadline(60000);
        while (cli.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            QTest::qWait(20);
            if (!acted && cli.state() == QProcess::Running)
                acted = whileRunning(cli);
        }
        if (cli.state() != QProcess::NotRunning) {
            cli.kill();
            cli.waitForFinished();
            return {};
        }
        return {cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1,
                QString::fromUtf8(cli.readAllStandardOutput()),
                QString::fromUtf8(cli.readAllStandardError())};
    }

    QStringList basic(const FakeComfyServer& server, const QString& out) const
    {
        return {QStringLiteral("--server"), server.url(),
                QStringLiteral("--model"),  k_checkpoint,
                QStringLiteral("--prompt"), QStringLiteral("a red fox, (sunset:1.2)"),
                QStringLiteral("--steps"),  QStringLiteral("3"),
                QStringLiteral("--seed"),   QStringLiteral("42"),
                QStringLiteral("--width"),  QStringLiteral("64"),
                QStringLiteral("--height"), QStringLiteral("64"),
                QStringLiteral("--out"),    out};
    }

  private Q_SLOTS:
    void txt2imgEndToEnd()
    {
        FakeComfyServer server(k_transcript);
        server.requiredToken = QStringLiteral("s3cret");
        FakeComfyJobs jobs(server);
        const auto out = m_home.filePath(QStringLiteral("txt2img"));
        const auto run = generate(basic(server, out) +
                                  QStringList{QStringLiteral("--server-token"), QStringLiteral("s3cret"),
                                              QStringLiteral("--batch-count"), QStringLiteral("2"),
                                              QStringLiteral("--negative"), QStringLiteral("blurry")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // Each picture its own prompt, under seed + k: the graph ComfyUI's examples use, with
        // ComfyUI's own default sampler (deterministic: the same picture as here).
        QCOMPARE(jobs.graphs.size(), 2);
        for (int k = 0; k < 2; ++k) {
            comfy::ComfyJob expected;
            expected.checkpoint = k_checkpoint;
            expected.prompt = QStringLiteral("a red fox, (sunset:1.2)");
            expected.negativePrompt = QStringLiteral("blurry");
            expected.steps = 3;
            expected.seed = 42 + k;
            expected.width = expected.height = 64;
            expected.sampler = QStringLiteral("euler");
            expected.filenamePrefix = QStringLiteral("eikona-%1").arg(42 + k);
            QCOMPARE(jobs.graphs[k], comfy::comfyGraph(expected));
        }
        for (const auto& authorization : std::as_const(server.authorizations))
            QCOMPARE(authorization, QStringLiteral("Bearer s3cret"));
        const auto paths = run.out.trimmed().split(u'\n');
        QCOMPARE(paths.size(), 2);
        for (int k = 0; k < 2; ++k) {
            QVERIFY(paths[k].startsWith(out));
            QCOMPARE(store::readPicture(paths[k]).convertToFormat(QImage::Format_RGB888),
                     QImage::fromData(jobs.pictures[k]).convertToFormat(QImage::Format_RGB888));
            const auto parameters = store::parseParameters(*store::readParametersText(paths[k]));
            QVERIFY(parameters);
            QCOMPARE(parameters->seed, quint64(42 + k));
            QCOMPARE(parameters->sampler, QStringLiteral("Euler"));
            QCOMPARE(parameters->model, k_checkpoint);
            QCOMPARE(parameters->negativePrompt, QStringLiteral("blurry"));
            QCOMPARE(parameters->steps, 3);
            const auto extra = QMap<QString, QString>(
                std::map<QString, QString>(parameters->extra.cbegin(), parameters->extra.cend()));
            QCOMPARE(extra.value(QStringLiteral("Server")),
                     QStringLiteral("ComfyUI 0.3.65 at ") + server.url());
            QVERIFY(!store::readParametersText(paths[k])->contains(QStringLiteral("s3cret")));
        }
        QVERIFY2(run.err.contains(QStringLiteral("queued on the server as prompt ")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("2 pictures in")));
        // In the gallery the window shares.
        store::GalleryStore gallery(m_home.filePath(QStringLiteral("data/eikona/gallery.sqlite")));
        QVERIFY(gallery.isOpen());
        QCOMPARE(gallery.search({}).size(), 2);
    }

    void img2imgSendsThePictureAtTheJobsSize()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        QImage wide(200, 100, QImage::Format_RGB888);
        wide.fill(Qt::blue);
        const auto init = m_home.filePath(QStringLiteral("wide.png"));
        QVERIFY(wide.save(init));
        const auto out = m_home.filePath(QStringLiteral("img2img/picture.png"));
        const auto run = generate(
            basic(server, out) + QStringList{QStringLiteral("--init-image"), init,
                                             QStringLiteral("--strength"), QStringLiteral("0.6"),
                                             QStringLiteral("--sampler"), QStringLiteral("dpmpp_2m_karras")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto upload = server.requests.indexOf(QStringLiteral("POST /upload/image"));
        QVERIFY(upload >= 0 && upload < server.requests.indexOf(QStringLiteral("POST /prompt")));
        const auto& body = server.bodies[upload];
        const auto sent = QImage::fromData(body.mid(body.indexOf("\x89PNG")));
        QCOMPARE(sent.size(), QSize(64, 64)); // scaled to cover and centre-cropped here
        QCOMPARE(jobs.graphs.size(), 1);
        QCOMPARE(inputs(jobs.graphs[0], "10").value(QStringLiteral("image")).toString(),
                 QStringLiteral("eikona-in.png"));
        const auto sampler = inputs(jobs.graphs[0], "3");
        QCOMPARE(sampler.value(QStringLiteral("denoise")).toDouble(), 0.6);
        QCOMPARE(sampler.value(QStringLiteral("sampler_name")).toString(), QStringLiteral("dpmpp_2m"));
        QCOMPARE(sampler.value(QStringLiteral("scheduler")).toString(), QStringLiteral("karras"));
        QCOMPARE(run.out.trimmed(), out);
        const auto parameters = store::parseParameters(*store::readParametersText(out));
        QCOMPARE(parameters->denoisingStrength, std::optional<double>(0.6));
        QCOMPARE(parameters->sampler, QStringLiteral("DPM++ 2M Karras"));
    }

    void ancestralSamplerSaysTheSeedDiffers()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        const auto run = generate(basic(server, m_home.filePath(QStringLiteral("ancestral"))) +
                                  QStringList{QStringLiteral("--sampler"), QStringLiteral("euler_a")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("another picture there than on this computer")),
                 qPrintable(run.err));
    }

    void refusedJobNamesTheField()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        server.postAnswers.insert(
            QStringLiteral("/prompt"),
            {400,
             R"({"error": {"message": "Prompt outputs failed validation"}, "node_errors": {"3": {"errors": [{"message": "Value bigger than max", "details": "cfg: 120.0 > 100.0", "extra_info": {"input_name": "cfg"}}], "class_type": "KSampler"}}})"});
        const auto out = m_home.filePath(QStringLiteral("refused"));
        const auto run = generate(basic(server, out));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("KSampler (node 3), cfg")), qPrintable(run.err));
        QVERIFY(QDir(out).entryList(QDir::Files).isEmpty());
    }

    void tokenMissingIsSaid()
    {
        FakeComfyServer server(k_transcript);
        server.requiredToken = QStringLiteral("s3cret");
        const auto run = generate(basic(server, m_home.filePath(QStringLiteral("token"))));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("needs a token")), qPrintable(run.err));
    }

    void unknownCheckpointIsRefusedBeforeSending()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        auto arguments = basic(server, m_home.filePath(QStringLiteral("unknown")));
        arguments[arguments.indexOf(k_checkpoint)] = QStringLiteral("sdxl.safetensors");
        const auto run = generate(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(QStringLiteral("no checkpoint \"sdxl.safetensors\"; it has: ") + k_checkpoint),
            qPrintable(run.err));
        QVERIFY(!server.requests.contains(QStringLiteral("POST /prompt")));
        auto pndm = basic(server, m_home.filePath(QStringLiteral("unknown")));
        pndm << QStringLiteral("--sampler") << QStringLiteral("pndm");
        const auto refused = generate(pndm);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("no counterpart of the sampler pndm")),
                 qPrintable(refused.err));
        QVERIFY(!server.requests.contains(QStringLiteral("POST /prompt")));
    }

    void unreachableServerIsSaid()
    {
        QTcpServer probe; // a port nobody listens on
        probe.listen(QHostAddress::LocalHost, 0);
        const auto url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        FakeComfyServer unused(k_transcript);
        auto arguments = basic(unused, m_home.filePath(QStringLiteral("unreachable")));
        arguments[1] = url;
        const auto run = generate(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot reach the server at ") + url), qPrintable(run.err));
    }

    // Ctrl+C while the job waits behind another on the server: it leaves the server's queue.
    void interruptWhileWaitingDeletesIt()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        jobs.play = FakeComfyJobs::Play::Waiting;
        const auto run =
            generate(basic(server, m_home.filePath(QStringLiteral("cancelled"))), [&](QProcess& cli) {
                if (!server.requests.contains(QStringLiteral("POST /prompt")))
                    return false;
                ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
                return true;
            });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cancelled (on the server too)")), qPrintable(run.err));
        const auto at = server.requests.indexOf(QStringLiteral("POST /queue"));
        QVERIFY(at >= 0);
        QCOMPARE(
            QJsonDocument::fromJson(server.bodies[at]).object().value(QStringLiteral("delete")).toArray(),
            QJsonArray{jobs.promptIds.first()});
    }

    // The server's names for its files never become ours: the picture lands in the output
    // folder under Eikona's name, nothing beside or above it.
    void hostileServerWritesNothingOutside()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        jobs.play = FakeComfyJobs::Play::Hostile;
        QTemporaryDir root;
        const auto out = root.filePath(QStringLiteral("a/b/out"));
        const auto run = generate(basic(server, out));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QStringList files;
        for (QDirIterator it(root.path(), QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
            files << it.next();
        QCOMPARE(files, QStringList{run.out.trimmed()});
        QVERIFY(files[0].startsWith(out + u'/'));
        QVERIFY(!files[0].contains(QStringLiteral("escape")));

        // A picture of 2 GB is not read.
        FakeComfyServer huge(k_transcript);
        FakeComfyJobs hugeJobs(huge);
        const auto hugeOut = root.filePath(QStringLiteral("huge"));
        huge.onPost = [&, original = huge.onPost](const QString& path, const QJsonObject& body) {
            original(path, body);
            for (auto it = huge.answers.begin(); it != huge.answers.end(); ++it)
                if (it.key().startsWith(QStringLiteral("/view?")))
                    it->declaredLength = qint64{2} << 30;
        };
        const auto refused = generate(basic(huge, hugeOut));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("more than 256 MB")), qPrintable(refused.err));
        QVERIFY(QDir(hugeOut).entryList(QDir::Files).isEmpty());
    }

    void localOnlyFlagsAreRefused()
    {
        FakeComfyServer server(k_transcript);
        for (const auto& extra :
             {QStringList{QStringLiteral("--dtype"), QStringLiteral("bf16")},
              QStringList{QStringLiteral("--draft")},
              QStringList{QStringLiteral("--save-float"), QStringLiteral("x.safetensors")},
              QStringList{QStringLiteral("--long-prompt"), QStringLiteral("truncate")}}) {
            const auto run = generate(basic(server, m_home.filePath(QStringLiteral("flags"))) + extra);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(extra[0]), qPrintable(run.err));
        }
        const auto tokenAlone =
            generate({QStringLiteral("--model"), QStringLiteral("x"), QStringLiteral("--prompt"),
                      QStringLiteral("y"), QStringLiteral("--server-token"), QStringLiteral("t")});
        QCOMPARE(tokenAlone.exitCode, 2);
        QVERIFY(server.requests.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliGenerateServer)
#include "tst_cli_generate_server.moc"
