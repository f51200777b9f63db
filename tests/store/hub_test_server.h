#pragma once
// A hub-shaped HTTP server for the tests: nginx on 127.0.0.1 and a free port, serving the tiny
// fixture model as the hub does (model API JSON, resolve/<commit>/<path> files with the hub's
// headers, the VAE behind a redirect to a "CDN", a gated repository answering 401, and a
// repository whose UNet file is corrupt). Started by the test, stopped when destroyed.

#include "cli_process.h"
#include "hub_client.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

namespace eikona::testing {

class HubTestServer {
  public:
    static constexpr const char* k_repo = "stable-diffusion-v1-5/stable-diffusion-v1-5";
    static constexpr const char* k_broken = "broken-org/broken-model";
    static constexpr const char* k_gated = "gated-org/gated-model";
    static constexpr const char* k_taesd = "madebyollin/taesd";
    /// The model's files, but the listing gives model_index.json a "../" path for an etag.
    static constexpr const char* k_hostile = "hostile-org/hostile-model";
    /// The model's listing, but model_index.json is served changed (same size): only its git
    /// blob id tells.
    static constexpr const char* k_tampered = "tampered-org/tampered-model";
    /// The model's files, but a request with a Range is answered with another part (bytes 0-9).
    static constexpr const char* k_misranged = "misranged-org/misranged-model";
    static constexpr const char* k_commit = "0123456789abcdef0123456789abcdef01234567";
    static constexpr const char* k_slow_file = "unet/diffusion_pytorch_model.safetensors";

    /// `modelFolder`: the tiny model. `slowBytesPerSecond` > 0 throttles the UNet file.
    bool start(const QString& modelFolder, QString* error, int slowBytesPerSecond = 0)
    {
        m_root = m_dir.path();
        const auto nginx = QStandardPaths::findExecutable(
            QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (nginx.isEmpty())
            return fail(error,
                        QStringLiteral("nginx is not installed (installer/install-deps.sh installs it)"));
        QTcpServer probe; // a free port: bind port 0, note it, let it go
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        probe.close();

        QString locations;
        // The model, with the broken copy, the "CDN" and the files a real SD 1.5 repo also has.
        QJsonArray siblings =
            publish(modelFolder, QLatin1String(k_repo), locations, slowBytesPerSecond, true);
        for (const auto& extra :
             {QStringLiteral("safety_checker/model.safetensors"), QStringLiteral("v1-5-pruned-emaonly.ckpt"),
              QStringLiteral("unet/diffusion_pytorch_model.bin"),
              QStringLiteral("feature_extractor/preprocessor_config.json")})
            siblings.append(QJsonObject{{QStringLiteral("rfilename"), extra},
                                        {QStringLiteral("size"), 10},
                                        {QStringLiteral("blobId"), QStringLiteral("0")}});
        writeRevision(QStringLiteral("api/revision.json"), QLatin1String(k_repo), siblings);
        QJsonArray hostile;
        for (const auto& value : siblings) {
            auto entry = value.toObject();
            if (entry.value(QStringLiteral("rfilename")).toString() == QStringLiteral("model_index.json"))
                entry.insert(QStringLiteral("blobId"), QStringLiteral("../../../../escaped"));
            hostile.append(entry);
        }
        writeRevision(QStringLiteral("api/hostile.json"), QLatin1String(k_hostile), hostile);
        locations +=
            QStringLiteral("    location = /api/models/%1/revision/main { default_type application/json; "
                           "alias %2/api/hostile.json; }\n"
                           "    location /%1/resolve/%3/ { alias %2/files/; }\n"
                           "    location = /api/models/%4/revision/main { default_type application/json; "
                           "alias %2/api/revision.json; }\n"
                           "    location /%4/resolve/%3/ { alias %2/tampered/; }\n")
                .arg(QLatin1String(k_hostile), m_root, QLatin1String(k_commit), QLatin1String(k_tampered));
        locations += QStringLiteral("    location = /api/models/%1/revision/main { default_type "
                                    "application/json; alias %2/api/revision.json; }\n"
                                    "    location /%1/resolve/%3/ { if ($http_range) { add_header "
                                    "Content-Range \"bytes 0-9/10\" always; "
                                    "return 206 \"0123456789\"; } alias %2/files/; }\n")
                         .arg(QLatin1String(k_misranged), m_root, QLatin1String(k_commit));
        // TAESD, with the files the real madebyollin/taesd also has that no download takes.
        auto taesd = publish(QStringLiteral(EIKONA_TEST_DATA "/taesd/tiny"), QLatin1String(k_taesd),
                             locations, 0, false);
        for (const auto& extra : {QStringLiteral("taesd_decoder.pth"),
                                  QStringLiteral("taesd_encoder.safetensors"), QStringLiteral("README.md")})
            taesd.append(QJsonObject{{QStringLiteral("rfilename"), extra},
                                     {QStringLiteral("size"), 10},
                                     {QStringLiteral("blobId"), QStringLiteral("0")}});
        writeRevision(QStringLiteral("api/taesd.json"), QLatin1String(k_taesd), taesd);
        locations += QStringLiteral("    location = /api/models/%1/revision/main { default_type "
                                    "application/json; alias %2/api/taesd.json; }\n")
                         .arg(QLatin1String(k_taesd), m_root);

        const auto conf = QStringLiteral(R"(daemon off;
master_process off;
worker_processes 1;
pid %1/nginx.pid;
error_log %1/error.log;
events { worker_connections 64; }
http {
  access_log %1/access.log;
  client_body_temp_path %1/body;
  proxy_temp_path %1/proxy;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:%2;
    location = /api/models/%3/revision/main { default_type application/json; alias %1/api/revision.json; }
    location = /api/models/%3/revision/%4 { default_type application/json; alias %1/api/revision.json; }
    location = /api/models/%5/revision/main { default_type application/json; alias %1/api/revision.json; }
    location /api/models/%6/ { add_header X-Error-Code GatedRepo always; return 401; }
    location /%5/resolve/%4/ { alias %1/broken/; }
    location /cdn/ { alias %1/cdn/; }
%7  }
}
)")
                              .arg(m_root)
                              .arg(m_port)
                              .arg(QLatin1String(k_repo), QLatin1String(k_commit), QLatin1String(k_broken),
                                   QLatin1String(k_gated), locations);
        write(QStringLiteral("nginx.conf"), conf.toUtf8());
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(nginx, {QStringLiteral("-p"), m_root, QStringLiteral("-e"),
                              m_root + QStringLiteral("/error.log"), QStringLiteral("-c"),
                              m_root + QStringLiteral("/nginx.conf")});
        for (int attempt = 0; attempt < 100; ++attempt) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(100))
                return true;
            if (m_nginx.state() == QProcess::NotRunning)
                return fail(error, QStringLiteral("nginx did not start: ") +
                                       QString::fromUtf8(m_nginx.readAll()) + log("error.log"));
            QThread::msleep(50);
        }
        return fail(error, QStringLiteral("nginx did not answer on port %1").arg(m_port));
    }

    ~HubTestServer()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(5000))
                m_nginx.kill();
            m_nginx.waitForFinished(2000);
        }
    }

    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    /// Hub options for this server and the cache folder `cache`.
    store::HubOptions optionsFor(const QString& cache) const
    {
        store::HubOptions options;
        options.endpoint = endpoint();
        options.cacheDirectory = cache;
        return options;
    }
    QString sha256(const QString& path) const { return m_sha256.value(path); }
    /// The model API's listing of the main repository, as served.
    QJsonArray listing() const
    {
        QFile file(m_root + QStringLiteral("/api/revision.json"));
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("siblings")).toArray();
    }
    QString fileBytesPath(const QString& path) const { return m_root + QStringLiteral("/files/") + path; }

    /// Access-log lines with `part` in the request and `status` (0: any).
    int requests(const QString& part, int status = 0) const
    {
        int count = 0;
        for (const auto& line : log("access.log").split(QLatin1Char('\n')))
            if (line.contains(part) && (status == 0 || line.contains(QStringLiteral("\" %1 ").arg(status))))
                ++count;
        return count;
    }

    QString log(const char* name) const
    {
        QFile file(m_root + u'/' + QLatin1String(name));
        file.open(QIODevice::ReadOnly);
        return QString::fromUtf8(file.readAll());
    }

  private:
    static bool fail(QString* error, const QString& message)
    {
        if (error)
            *error = message;
        return false;
    }

    // Serves every file of `folder` as repository `repoId` at k_commit; returns the model API's
    // siblings. `main`: the model repository, with its broken copy and the VAE behind the "CDN".
    QJsonArray publish(const QString& folder, const QString& repoId, QString& locations,
                       int slowBytesPerSecond, bool main)
    {
        QJsonArray siblings;
        QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const auto source = it.next();
            const auto path = QDir(folder).relativeFilePath(source);
            QFile file(source);
            file.open(QIODevice::ReadOnly);
            const auto bytes = file.readAll();
            const auto lfs = path.endsWith(QStringLiteral(".safetensors"));
            const auto sha256 =
                QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            const auto blobId =
                QString::fromLatin1(QCryptographicHash::hash(
                                        QByteArray("blob " + QByteArray::number(bytes.size()) + '\0' + bytes),
                                        QCryptographicHash::Sha1)
                                        .toHex());
            const auto etag = lfs ? sha256 : blobId;
            QJsonObject entry{{QStringLiteral("rfilename"), path},
                              {QStringLiteral("size"), static_cast<double>(bytes.size())},
                              {QStringLiteral("blobId"), blobId}};
            if (lfs)
                entry.insert(QStringLiteral("lfs"),
                             QJsonObject{{QStringLiteral("sha256"), sha256},
                                         {QStringLiteral("size"), static_cast<double>(bytes.size())}});
            siblings.append(entry);
            const auto served =
                (main ? QStringLiteral("files/") : QStringLiteral("repos/%1/").arg(repoId)) + path;
            write(served, bytes);
            if (main) {
                m_sha256.insert(path, sha256);
                auto broken = bytes;
                if (path == QLatin1String(k_slow_file))
                    broken[broken.size() / 2] = static_cast<char>(broken[broken.size() / 2] ^ 0x01);
                write(QStringLiteral("broken/") + path, broken);
                auto tampered = bytes;
                if (path == QStringLiteral("model_index.json"))
                    tampered.replace(tampered.indexOf(' '), 1, "\t"); // still JSON, same size
                write(QStringLiteral("tampered/") + path, tampered);
                write(QStringLiteral("cdn/") + etag, bytes);
            }
            const auto resolve =
                QStringLiteral("/%1/resolve/%2/%3").arg(repoId, QLatin1String(k_commit), path);
            QString body = QStringLiteral("add_header X-Repo-Commit %1; add_header X-Linked-Etag "
                                          "\"\\\"%2\\\"\"; add_header X-Linked-Size %3; ")
                               .arg(QLatin1String(k_commit), etag)
                               .arg(bytes.size());
            if (main && path == QStringLiteral("vae/diffusion_pytorch_model.safetensors"))
                body += QStringLiteral("return 302 /cdn/%1;").arg(etag);
            else
                body += QStringLiteral("alias %1/%2;").arg(m_root, served);
            if (main && path == QLatin1String(k_slow_file) && slowBytesPerSecond > 0)
                body += QStringLiteral(" limit_rate %1;").arg(slowBytesPerSecond);
            locations += QStringLiteral("    location = %1 { %2 }\n").arg(resolve, body);
        }
        return siblings;
    }

    void writeRevision(const QString& relative, const QString& repoId, const QJsonArray& siblings) const
    {
        const QJsonObject info{{QStringLiteral("id"), repoId},
                               {QStringLiteral("sha"), QLatin1String(k_commit)},
                               {QStringLiteral("siblings"), siblings}};
        write(relative, QJsonDocument(info).toJson());
    }

    void write(const QString& relative, const QByteArray& bytes) const
    {
        const QString path = m_root + u'/' + relative;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
    }

    QTemporaryDir m_dir;
    QString m_root;
    quint16 m_port = 0;
    QProcess m_nginx;
    QHash<QString, QString> m_sha256;
};

// eikona-cli against `endpoint` with the cache and the data folder (registry) in `home`.
inline CliRun runCliWithHub(const QStringList& arguments, const QString& endpoint, const QString& home,
                            const QStringList& wrapper = {},
                            const QString& program = QStringLiteral(EIKONA_CLI))
{
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HF_ENDPOINT"), endpoint);
    environment.insert(QStringLiteral("HF_HUB_CACHE"), home + QStringLiteral("/hub"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.remove(QStringLiteral("HF_HUB_OFFLINE"));
    return runCli(arguments, environment, wrapper, program);
}

} // namespace eikona::testing
