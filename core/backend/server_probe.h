#pragma once
// Asks a render server what it offers (version, devices, checkpoints, samplers) on a thread of
// its own, so the window never waits on the network: Settings ▸ Servers' "Test connection",
// and the model list when a server is the target.

#include <QObject>
#include <QString>
#include <QStringList>

namespace eikona::backend {

struct ServerProbeResult {
    QString url;
    QString error; ///< empty: the server answered
    bool unreachable = false;
    QString version; ///< ComfyUI's, "0.3.65"
    struct Device {
        QString name; ///< "NVIDIA GeForce RTX 4090", "cpu"
        qint64 freeBytes = 0;
        qint64 totalBytes = 0;
    };
    QList<Device> devices;
    QStringList checkpoints;
    QStringList samplers; ///< our sampler ids it can run
};

class ServerProbe final : public QObject {
    Q_OBJECT

  public:
    explicit ServerProbe(QObject* parent = nullptr);
    ~ServerProbe() override;

    /// Starts asking; the answer comes as `answered` on this object's thread. A probe still
    /// running for another server is left to end unheard.
    void probe(const QString& url, const QString& token, int timeoutMs = 10000);
    bool busy() const;

  Q_SIGNALS:
    void answered(const eikona::backend::ServerProbeResult& result);

  private:
    int m_generation = 0;
    int m_running = 0;
};

} // namespace eikona::backend

Q_DECLARE_METATYPE(eikona::backend::ServerProbeResult)
