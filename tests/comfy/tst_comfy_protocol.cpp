// The ComfyUI protocol against what two real servers (v0.3.32 and v0.3.65) sent and received
// (tests/data/comfyui, recorded transcripts): the graphs we build are the graphs that ran, every
// message the servers sent reads as its event, the preview frames' images come out whole, and
// every refusal reads in words that name the node and the field.

#include "comfy_graph.h"
#include "comfy_jobs.h"
#include "comfy_messages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

using namespace eikona::comfy;

namespace {

const QString k_transcripts = QStringLiteral(EIKONA_TEST_DATA "/comfyui/");

QList<QJsonObject> transcript(const QString& name)
{
    QList<QJsonObject> lines;
    QFile file(k_transcripts + name);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    while (!file.atEnd()) {
        const auto line = file.readLine().trimmed();
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

/// The graph of the recorded POST /prompt whose KSampler had `seed`.
QJsonObject sentGraph(const QList<QJsonObject>& lines, int seed)
{
    for (const auto& line : lines) {
        if (line.value(QStringLiteral("kind")) != QStringLiteral("http") ||
            line.value(QStringLiteral("path")) != QStringLiteral("/prompt") ||
            line.value(QStringLiteral("status")).toInt() != 200)
            continue;
        const auto graph =
            line.value(QStringLiteral("req")).toObject().value(QStringLiteral("prompt")).toObject();
        const auto sampler =
            graph.value(QStringLiteral("3")).toObject().value(QStringLiteral("inputs")).toObject();
        if (sampler.value(QStringLiteral("seed")).toInt() == seed)
            return graph;
    }
    return {};
}

QJsonObject withScheduler(QJsonObject graph, const QString& scheduler)
{
    auto sampler = graph.value(QStringLiteral("3")).toObject();
    auto inputs = sampler.value(QStringLiteral("inputs")).toObject();
    inputs.insert(QStringLiteral("scheduler"), scheduler);
    sampler.insert(QStringLiteral("inputs"), inputs);
    graph.insert(QStringLiteral("3"), sampler);
    return graph;
}

ComfyJob recordedJob(quint64 seed)
{
    ComfyJob job;
    job.checkpoint = QStringLiteral("sd15-random.safetensors");
    job.prompt = QStringLiteral("a red fox");
    job.steps = 3;
    job.cfgScale = 7.0;
    job.seed = seed;
    job.width = job.height = 64;
    job.sampler = QStringLiteral("euler_a");
    job.filenamePrefix = QStringLiteral("probe");
    return job;
}

QByteArray bigEndian(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

} // namespace

class TestComfyProtocol : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void transcriptsAreThere()
    {
        QVERIFY(transcript(QStringLiteral("comfyui-v0332.jsonl")).size() > 50);
        QVERIFY(transcript(QStringLiteral("comfyui-v0365feat.jsonl")).size() > 50);
    }

    // The recorded client asked for euler_ancestral on the karras schedule; ours maps Euler a
    // to the normal one, as the reference spaces SD 1.5's steps. Everything else is node for
    // node what the servers ran.
    void txt2imgGraphIsTheOneThatRan()
    {
        const auto sent = sentGraph(transcript(QStringLiteral("comfyui-v0332.jsonl")), 42);
        QVERIFY(!sent.isEmpty());
        const auto built = comfyGraph(recordedJob(42));
        QCOMPARE(built.value(QStringLiteral("3"))
                     .toObject()
                     .value(QStringLiteral("inputs"))
                     .toObject()
                     .value(QStringLiteral("scheduler"))
                     .toString(),
                 QStringLiteral("normal"));
        QCOMPARE(withScheduler(built, QStringLiteral("karras")), sent);
    }

    void img2imgGraphIsTheOneThatRan()
    {
        const auto sent = sentGraph(transcript(QStringLiteral("comfyui-v0332.jsonl")), 7);
        QVERIFY(!sent.isEmpty());
        auto job = recordedJob(7);
        job.initImage = QStringLiteral("eikona-in.png");
        job.strength = 0.6;
        QCOMPARE(withScheduler(comfyGraph(job), QStringLiteral("karras")), sent);
        // A batch of img2img pictures repeats the encoded latent.
        job.batchSize = 3;
        const auto batch = comfyGraph(job);
        QCOMPARE(batch.value(QStringLiteral("12")).toObject().value(QStringLiteral("class_type")).toString(),
                 QStringLiteral("RepeatLatentBatch"));
        QCOMPARE(batch.value(QStringLiteral("3"))
                     .toObject()
                     .value(QStringLiteral("inputs"))
                     .toObject()
                     .value(QStringLiteral("latent_image"))
                     .toArray(),
                 (QJsonArray{QStringLiteral("12"), 0}));
    }

    void seedsBeyondJsonIntegersStayWhole()
    {
        const auto graph = comfyGraph(recordedJob(9223372036854775807ULL));
        const auto text = QJsonDocument(graph).toJson(QJsonDocument::Compact);
        QVERIFY2(text.contains("\"seed\":9223372036854775807"), text.constData());
    }

    // Every sampler of ours either has a counterpart both servers offer, or is refused before
    // anything is sent, in words.
    void samplersMapToWhatTheServersOffer()
    {
        for (const auto* name : {"comfyui-v0332.jsonl", "comfyui-v0365feat.jsonl"}) {
            QStringList samplers, schedulers;
            for (const auto& line : transcript(QLatin1String(name)))
                if (line.contains(QStringLiteral("samplers")))
                    for (const auto& value : line.value(QStringLiteral("samplers")).toArray())
                        samplers << value.toString();
            for (const auto& line : transcript(QLatin1String(name)))
                if (line.contains(QStringLiteral("schedulers")))
                    for (const auto& value : line.value(QStringLiteral("schedulers")).toArray())
                        schedulers << value.toString();
            QVERIFY(samplers.size() > 10 && schedulers.size() > 5);
            for (const auto* id : {"ddim", "lms", "euler", "euler_a", "dpmpp_2m", "dpmpp_2m_karras", "heun",
                                   "unipc", "ddpm", "kdpm2"})
                QVERIFY2(samplerProblem(QLatin1String(id), samplers, schedulers).isEmpty(), id);
            QVERIFY(samplerProblem(QStringLiteral("pndm"), samplers, schedulers)
                        .contains(QStringLiteral("pndm")));
            QVERIFY(samplerProblem(QStringLiteral("euler"), {QStringLiteral("ddim")}, schedulers)
                        .contains(QStringLiteral("no euler sampler")));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, [] {
            auto job = recordedJob(1);
            job.sampler = QStringLiteral("pndm");
            comfyGraph(job);
        }());
        QVERIFY(comfySamplerFor(QStringLiteral("euler"))->deterministic);
        QVERIFY(!comfySamplerFor(QStringLiteral("euler_a"))->deterministic);
    }

    // Every text message both servers sent reads as an event; a job's progress counts its
    // steps to the end, and `executing` with no node ends it.
    void messagesReadAsEvents_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("v0.3.32") << QStringLiteral("comfyui-v0332.jsonl");
        QTest::newRow("v0.3.65") << QStringLiteral("comfyui-v0365feat.jsonl");
    }

    void messagesReadAsEvents()
    {
        QFETCH(QString, name);
        QHash<QString, QList<int>> steps;
        QSet<QString> finished, succeeded, interrupted, executedImages;
        int messages = 0;
        for (const auto& line : transcript(name)) {
            if (line.value(QStringLiteral("kind")) != QStringLiteral("ws_text"))
                continue;
            const auto raw = QJsonDocument(line.value(QStringLiteral("msg")).toObject()).toJson();
            const auto event = parseComfyMessage(raw);
            QVERIFY2(event, raw.constData());
            ++messages;
            switch (event->kind) {
            case ComfyEvent::Kind::Progress:
                QVERIFY(event->maximum > 0 && event->value >= 0 && event->value <= event->maximum);
                steps[event->promptId].append(event->value);
                break;
            case ComfyEvent::Kind::Executing:
                if (event->finished)
                    finished.insert(event->promptId);
                break;
            case ComfyEvent::Kind::Executed:
                for (const auto& image : event->images)
                    executedImages.insert(image.filename);
                break;
            case ComfyEvent::Kind::Succeeded:
                succeeded.insert(event->promptId);
                break;
            case ComfyEvent::Kind::Interrupted:
                interrupted.insert(event->promptId);
                break;
            case ComfyEvent::Kind::Status:
                QVERIFY(event->queueRemaining >= 0);
                break;
            default:
                break;
            }
        }
        QVERIFY(messages > 20);
        QVERIFY(!succeeded.isEmpty() && !interrupted.isEmpty());
        // Every prompt that ran ends with `executing` and no node; one the server had run
        // before comes from its cache, without steps; the others count theirs to the end.
        int counted = 0;
        for (const auto& id : std::as_const(succeeded)) {
            QVERIFY2(finished.contains(id), qPrintable(id));
            if (steps.contains(id)) {
                QCOMPARE(steps.value(id).last(), 3);
                ++counted;
            }
        }
        QCOMPARE(counted, 2);
        for (const auto& id : std::as_const(interrupted))
            QVERIFY2(finished.contains(id) && steps.value(id).last() < 40, qPrintable(id));
        QVERIFY(executedImages.contains(QStringLiteral("probe_00001_.png")));
        QVERIFY(!parseComfyMessage("not json"));
        QVERIFY(!parseComfyMessage(R"({"data": {}})"));
        QCOMPARE(parseComfyMessage(R"({"type": "something_new", "data": 5})")->kind, ComfyEvent::Kind::Other);
        // A progress that is no step count is not shown as one.
        QCOMPARE(parseComfyMessage(R"({"type": "progress", "data": {"value": 9, "max": 3}})")->kind,
                 ComfyEvent::Kind::Other);
        const auto failed = parseComfyMessage(
            R"({"type": "execution_error", "data": {"prompt_id": "p", "node_id": "3", "exception_message": "CUDA out of memory\n"}})");
        QCOMPARE(failed->kind, ComfyEvent::Kind::Failed);
        QCOMPARE(failed->message, QStringLiteral("CUDA out of memory"));
    }

    // The recorded frames' headers (type 1 on v0.3.32; type 4 with metadata on v0.3.65 once
    // the client announced preview metadata), completed with a picture, read back.
    void previewFramesGiveTheirImages()
    {
        const QByteArray jpeg("\xff\xd8\xff\xe0\x00\x10JFIF\x00 rest of a jpeg", 24);
        const QByteArray png("\x89PNG\r\n\x1a\n rest of a png", 22);
        int frames = 0;
        for (const auto* name : {"comfyui-v0332.jsonl", "comfyui-v0365feat.jsonl"}) {
            for (const auto& line : transcript(QLatin1String(name))) {
                if (line.value(QStringLiteral("kind")) != QStringLiteral("ws_binary"))
                    continue;
                ++frames;
                const auto event = static_cast<quint32>(line.value(QStringLiteral("event")).toInt());
                QByteArray frame = bigEndian(event);
                if (event == 1) {
                    QCOMPARE(line.value(QStringLiteral("image_format")).toInt(), 1);
                    frame += bigEndian(1) + jpeg;
                } else {
                    QCOMPARE(event, 4u);
                    const auto metadata =
                        QJsonDocument(line.value(QStringLiteral("meta")).toObject()).toJson();
                    frame += bigEndian(static_cast<quint32>(metadata.size())) + metadata + jpeg;
                }
                QVERIFY(frame.toHex().startsWith(
                    line.value(QStringLiteral("head_hex")).toString().left(8).toLatin1()));
                const auto preview = parsePreviewFrame(frame);
                QVERIFY(preview);
                QCOMPARE(preview->image, jpeg);
                QCOMPARE(preview->mimeType, QStringLiteral("image/jpeg"));
                if (event == 4)
                    QCOMPARE(preview->promptId, line.value(QStringLiteral("meta"))
                                                    .toObject()
                                                    .value(QStringLiteral("prompt_id"))
                                                    .toString());
            }
        }
        QVERIFY(frames > 2);
        QCOMPARE(parsePreviewFrame(bigEndian(1) + bigEndian(2) + png)->mimeType, QStringLiteral("image/png"));
        // Hostile or broken frames: no image comes out.
        QVERIFY(!parsePreviewFrame(QByteArray("\0\0\0\1", 4)));                     // cut short
        QVERIFY(!parsePreviewFrame(bigEndian(1) + bigEndian(1) + "not a picture")); // not the JPEG it claims
        QVERIFY(!parsePreviewFrame(bigEndian(1) + bigEndian(2) + jpeg));            // a JPEG called PNG
        QVERIFY(!parsePreviewFrame(bigEndian(3) + bigEndian(1) + jpeg));            // another event
        QVERIFY(!parsePreviewFrame(bigEndian(4) + bigEndian(0xFFFFFFF0u) +
                                   jpeg)); // metadata longer than the frame
    }

    // Every refusal the servers sent reads in words naming the node and the field.
    // Both servers' /queue answers, running and waiting, read as prompt ids; entries that are
    // not what ComfyUI sends are passed over.
    void queuesReadAsPromptIds()
    {
        for (const auto& name :
             {QStringLiteral("comfyui-v0332.jsonl"), QStringLiteral("comfyui-v0365feat.jsonl")}) {
            int busy = 0;
            for (const auto& line : transcript(name)) {
                if (line.value(QStringLiteral("path")) != QStringLiteral("/queue") ||
                    line.value(QStringLiteral("method")) != QStringLiteral("GET"))
                    continue;
                const auto answer = line.value(QStringLiteral("json")).toObject();
                const auto queue = readQueueAnswer(answer);
                const auto ids = [&](const char* key) {
                    QStringList list;
                    for (const auto& entry : answer.value(QLatin1String(key)).toArray())
                        list << entry.toArray().at(1).toString();
                    return list;
                };
                QCOMPARE(queue.running, ids("queue_running"));
                QCOMPARE(queue.pending, ids("queue_pending"));
                busy += queue.running.isEmpty() ? 0 : 1;
                for (const auto& id : queue.pending)
                    QVERIFY(queue.contains(id));
            }
            QVERIFY2(busy > 0, qPrintable(name)); // the transcripts caught a job running
        }
        const auto odd =
            readQueueAnswer(QJsonDocument::fromJson(
                                R"({"queue_running": [7, [1], [2, 3], [4, "abc"]], "queue_pending": "x"})")
                                .object());
        QCOMPARE(odd.running, QStringList{QStringLiteral("abc")});
        QVERIFY(odd.pending.isEmpty());
    }

    void refusalsNameTheNodeAndTheField()
    {
        QStringList texts;
        for (const auto& line : transcript(QStringLiteral("comfyui-v0332.jsonl")))
            if (line.value(QStringLiteral("status")).toInt() == 400)
                texts << promptErrorText(line.value(QStringLiteral("json")).toObject());
        QCOMPARE(texts.size(), 4);
        const auto all = texts.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("node NoSuchNode does not exist")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("CheckpointLoaderSimple (node 4), ckpt_name")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("'missing.safetensors' not in")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("CLIPTextEncode (node 6), text: Required input is missing")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("KSampler (node 3), steps: Value 0 smaller than min of 1")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("No prompt provided")), qPrintable(all));
        QCOMPARE(promptErrorText({}), QStringLiteral("the server refused the job without saying why"));
    }
};

QTEST_GUILESS_MAIN(TestComfyProtocol)
#include "tst_comfy_protocol.moc"
