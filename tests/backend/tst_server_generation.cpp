// A job on a ComfyUI server as the window sees it (backend::generateOnServer against the fake
// server): steps with previews decoded into pictures at their scale, frames that are not
// pictures passed over, each prompt's id and client id handed out for the queue to record, a
// plain prompt's brackets escaped, the init picture fitted as this computer's img2img does,
// and the errors told apart (unreachable: the job can wait; refused; cancelled).

#include "comfy_graph.h"
#include "fake_comfy_jobs.h"
#include "server_generation.h"

#include <QTest>

using namespace eikona;
using testing::FakeComfyJobs;
using testing::FakeComfyServer;

namespace {

const QString k_transcript = QStringLiteral(EIKONA_TEST_DATA "/comfyui/comfyui-v0332.jsonl");

backend::GenerationRequest request()
{
    backend::GenerationRequest request;
    request.prompt = QStringLiteral("a red fox");
    request.steps = 4;
    request.width = request.height = 64;
    request.seed = 7;
    return request;
}

backend::ServerJobOptions quick()
{
    backend::ServerJobOptions hooks;
    hooks.requestTimeoutMs = 5000;
    hooks.firstRetryMs = 100;
    hooks.lastRetryMs = 400;
    return hooks;
}

QJsonObject inputs(const QJsonObject& graph, const char* node)
{
    return graph.value(QLatin1String(node)).toObject().value(QStringLiteral("inputs")).toObject();
}

} // namespace

class TestServerGeneration : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void stepsPreviewsAndPictures()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        const backend::ServerTarget target{QUrl(server.url()), {}, QStringLiteral("sd15-random.safetensors")};
        auto job = request();
        job.batchSize = 2;
        QList<int> steps;
        QList<QSize> previews;
        QList<int> scales;
        QList<QPair<int, QString>> submitted;
        QStringList clientIds;
        backend::GenerationCallbacks callbacks;
        callbacks.previewEvery = 2;
        callbacks.onProgress = [&](const backend::GenerationProgress& progress) {
            QCOMPARE(progress.runs, 2);
            QCOMPARE(progress.steps, 4);
            if (progress.preview.isNull())
                steps << progress.run * 10 + progress.step;
            else {
                previews << progress.preview.size();
                scales << progress.previewScale;
            }
        };
        backend::ServerJobOptions hooks = quick();
        hooks.submitted = [&](int index, const QString& promptId, const QString& clientId) {
            submitted.append({index, promptId});
            clientIds << clientId;
        };
        const auto images = backend::generateOnServer(target, job, callbacks, hooks);
        QCOMPARE(images.size(), 2);
        QCOMPARE(steps, (QList<int>{1, 2, 3, 4, 11, 12, 13, 14}));
        // Every second step and the last, decoded here: 8x8 frames of a 64x64 picture.
        QCOMPARE(previews, QList<QSize>(4, QSize(8, 8)));
        QCOMPARE(scales, QList<int>(4, 8));
        QCOMPARE(submitted, (QList<QPair<int, QString>>{{0, jobs.promptIds[0]}, {1, jobs.promptIds[1]}}));
        QCOMPARE(server.webSocketClientIds, clientIds); // each prompt's events went to the id handed out
        for (int k = 0; k < 2; ++k) {
            QCOMPARE(images[k].seed, quint64(7 + k));
            QCOMPARE(images[k].index, k);
            QCOMPARE(images[k].image.format(), QImage::Format_RGB888);
            QCOMPARE(images[k].image,
                     QImage::fromData(jobs.pictures[k]).convertToFormat(QImage::Format_RGB888));
            QCOMPARE(inputs(jobs.graphs[k], "5").value(QStringLiteral("batch_size")).toInt(), 1);
        }
    }

    void framesThatAreNotPicturesArePassedOver()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        jobs.previewImage = QByteArray("\xff\xd8\xff\xe0 not really a JPEG", 22); // claims JPEG, is not
        int previews = 0;
        backend::GenerationCallbacks callbacks;
        callbacks.onProgress = [&](const backend::GenerationProgress& progress) {
            previews += progress.preview.isNull() ? 0 : 1;
        };
        const auto images =
            backend::generateOnServer({QUrl(server.url()), {}, QStringLiteral("sd15-random.safetensors")},
                                      request(), callbacks, quick());
        QCOMPARE(images.size(), 1);
        QCOMPARE(previews, 0);
    }

    void plainPromptsKeepTheirBrackets()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        auto job = request();
        job.prompt = QStringLiteral("a (red) fox \\ den");
        job.negativePrompt = QStringLiteral("(blurry:1.5)");
        job.a1111Syntax = false;
        backend::generateOnServer({QUrl(server.url()), {}, QStringLiteral("sd15-random.safetensors")}, job,
                                  {}, quick());
        QCOMPARE(inputs(jobs.graphs[0], "6").value(QStringLiteral("text")).toString(),
                 QStringLiteral("a \\(red\\) fox \\\\ den"));
        QCOMPARE(inputs(jobs.graphs[0], "7").value(QStringLiteral("text")).toString(),
                 QStringLiteral("\\(blurry:1.5\\)"));
    }

    void initPictureIsFittedAsHere()
    {
        QImage picture(300, 100, QImage::Format_RGB888);
        picture.fill(Qt::red);
        for (int y = 0; y < 100; ++y)
            for (int x = 100; x < 200; ++x)
                picture.setPixelColor(x, y, Qt::green);
        const auto fitted = backend::fitInitPicture(picture, 64, 64);
        QCOMPARE(fitted.size(), QSize(64, 64)); // scaled to cover, the middle kept
        QCOMPARE(fitted.pixelColor(32, 32), QColor(Qt::green));
        QCOMPARE(fitted.pixelColor(2, 32), QColor(Qt::green));
        const auto tall = backend::fitInitPicture(picture, 32, 96);
        QCOMPARE(tall.size(), QSize(32, 96));
    }

    void errorsAreToldApart()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        const backend::ServerTarget target{QUrl(server.url()), {}, QStringLiteral("sd15-random.safetensors")};
        const auto kindOf = [&](const backend::ServerTarget& to, const backend::GenerationRequest& job) {
            try {
                backend::generateOnServer(to, job, {}, quick());
            } catch (const backend::GenerationError& error) {
                return error.kind();
            }
            return backend::ErrorKind::Failed;
        };
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        const auto nobody = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        QCOMPARE(kindOf({QUrl(nobody), {}, target.checkpoint}, request()),
                 backend::ErrorKind::ServerUnreachable);
        QCOMPARE(kindOf({target.url, {}, QStringLiteral("nope.safetensors")}, request()),
                 backend::ErrorKind::ModelMissing);
        auto draft = request();
        draft.draft = true;
        QCOMPARE(kindOf(target, draft), backend::ErrorKind::BadRequest);
        server.postAnswers.insert(QStringLiteral("/prompt"), {400, R"({"error": {"message": "no"}})"});
        QCOMPARE(kindOf(target, request()), backend::ErrorKind::ServerRefused);
        server.requiredToken = QStringLiteral("t");
        QCOMPARE(kindOf(target, request()), backend::ErrorKind::ServerRefused);
    }

    // After a restart of the app: picture 0 was saved, picture 1's prompt was queued and has
    // finished meanwhile. It is fetched, not made again, and picture 2 is queued as usual.
    void resumedJobGoesOnWhereItWas()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        auto job = request();
        job.batchCount = 3;
        comfy::ComfyJob earlier;
        earlier.checkpoint = QStringLiteral("sd15-random.safetensors");
        earlier.seed = 8;
        earlier.steps = 4;
        earlier.width = earlier.height = 64;
        earlier.filenamePrefix = QStringLiteral("eikona-8");
        jobs.playWholeJob(QStringLiteral("earlier-prompt"), comfy::comfyGraph(earlier));
        auto options = quick();
        options.startAt = 1;
        options.resumePromptId = QStringLiteral("earlier-prompt");
        options.resumeClientId = QStringLiteral("c0ffee");
        const auto images = backend::generateOnServer(
            {QUrl(server.url()), {}, QStringLiteral("sd15-random.safetensors")}, job, {}, options);
        QCOMPARE(images.size(), 2);
        QCOMPARE(images[0].index, 1);
        QCOMPARE(images[0].seed, quint64(8));
        QCOMPARE(images[0].image, QImage::fromData(jobs.pictures[0]).convertToFormat(QImage::Format_RGB888));
        QCOMPARE(images[1].index, 2);
        QCOMPARE(images[1].seed, quint64(9));
        QCOMPARE(jobs.graphs.size(), 1); // only picture 2 was sent
        QCOMPARE(inputs(jobs.graphs[0], "3").value(QStringLiteral("seed")).toInteger(), 9);
        QCOMPARE(server.webSocketClientIds.first(), QStringLiteral("c0ffee"));
    }

    // The server restarted and forgot the prompt: the picture is queued again, said in words.
    void forgottenPromptIsSentAgain()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        jobs.setQueue({}, {});
        auto job = request();
        job.batchCount = 2;
        auto options = quick();
        options.startAt = 1;
        options.resumePromptId = QStringLiteral("forgotten-prompt");
        QStringList said;
        options.status = [&](const QString& message) { said << message; };
        const auto images = backend::generateOnServer(
            {QUrl(server.url()), {}, QStringLiteral("sd15-random.safetensors")}, job, {}, options);
        QCOMPARE(images.size(), 1);
        QCOMPARE(images[0].seed, quint64(8));
        QCOMPARE(jobs.graphs.size(), 1);
        QVERIFY2(said.join(u'\n').contains(QStringLiteral("picture 2 is queued again")),
                 qPrintable(said.join(u'\n')));
    }

    void cancelStopsTheRunningPicture()
    {
        FakeComfyServer server(k_transcript);
        FakeComfyJobs jobs(server);
        jobs.play = FakeComfyJobs::Play::Waiting;
        bool stop = false;
        backend::GenerationCallbacks callbacks;
        callbacks.shouldStop = [&] { return stop; };
        auto hooks = quick();
        hooks.submitted = [&](int, const QString&, const QString&) { stop = true; };
        QVERIFY_THROWS_EXCEPTION(
            backend::GenerationCancelled,
            backend::generateOnServer({QUrl(server.url()), {}, QStringLiteral("sd15-random.safetensors")},
                                      request(), callbacks, hooks));
        QVERIFY(server.requests.contains(QStringLiteral("POST /queue")));
    }
};

QTEST_GUILESS_MAIN(TestServerGeneration)
#include "tst_server_generation.moc"
