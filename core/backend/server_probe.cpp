#include "server_probe.h"

#include "comfy_graph.h"
#include "comfy_server.h"
#include "generation_session.h"

#include <QThread>
#include <QUrl>

namespace eikona::backend {

namespace {

ServerProbeResult ask(const QString& url, const QString& token, int timeoutMs)
{
    ServerProbeResult result;
    result.url = url;
    try {
        const auto info = comfy::fetchServerInfo(QUrl(url), token, timeoutMs);
        result.version = info.version;
        for (const auto& device : info.devices) {
            // "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync" → the card's name
            auto name = device.name.section(QStringLiteral(" : "), 0, 0);
            if (name.contains(u' ') && name.section(u' ', 0, 0).contains(u':'))
                name = name.section(u' ', 1);
            result.devices.append({name, device.vramFree, device.vramTotal});
        }
        result.checkpoints = info.checkpoints;
        for (const auto& sampler : samplerIds())
            if (comfy::samplerProblem(sampler, info.samplers, info.schedulers).isEmpty())
                result.samplers << sampler;
    } catch (const comfy::ComfyUnreachable& error) {
        result.error = QString::fromUtf8(error.what());
        result.unreachable = true;
    } catch (const comfy::ComfyError& error) {
        result.error = QString::fromUtf8(error.what());
    }
    return result;
}

class ProbeCourier final : public QObject {
    Q_OBJECT

  Q_SIGNALS:
    void delivered(const eikona::backend::ServerProbeResult& result);
};

} // namespace

ServerProbe::ServerProbe(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<ServerProbeResult>();
}

ServerProbe::~ServerProbe() = default;

bool ServerProbe::busy() const
{
    return m_running > 0;
}

void ServerProbe::probe(const QString& url, const QString& token, int timeoutMs)
{
    const int generation = ++m_generation;
    ++m_running;
    // The answer travels by a signal of a courier living on this thread: Qt drops it safely when
    // this probe is gone by then. The thread ends by itself, bounded by the timeout.
    auto* courier = new ProbeCourier;
    connect(courier, &ProbeCourier::delivered, this, [this, generation](const ServerProbeResult& result) {
        --m_running;
        if (generation == m_generation)
            Q_EMIT answered(result);
    });
    auto* thread = QThread::create(
        [courier, url, token, timeoutMs] { Q_EMIT courier->delivered(ask(url, token, timeoutMs)); });
    connect(thread, &QThread::finished, courier, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace eikona::backend

#include "server_probe.moc"
