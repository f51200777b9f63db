#pragma once
// What the hub client's parts share (private to core/store): one network conversation with the
// hub (redirects followed by hand, so the token never travels to another host), its refusals in
// words, and a repository's place in the cache (blobs, snapshots, locks).

#include "hub_client.h"
#include "hub_listing.h"
#include "proxy_settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <optional>
#include <string>

namespace eikona::store::hub_detail {

inline constexpr int k_maxRedirects = 10;

inline std::string text(const QString& message)
{
    return message.toStdString();
}

inline HubFailure httpFailure(int status)
{
    if (status == 401 || status == 403)
        return HubFailure::NeedsAccess;
    return status == 404 ? HubFailure::NotFound : HubFailure::Other;
}

inline QString httpProblem(int status, const QString& what, const QString& repoId,
                           const QByteArray& errorCode)
{
    if (status == 401 || status == 403) {
        if (errorCode == "GatedRepo")
            return QStringLiteral("%1 is a gated model: accept its licence on the Hugging Face website, then "
                                  "set HF_TOKEN to an "
                                  "access token of that account (HTTP %2)")
                .arg(repoId)
                .arg(status);
        return QStringLiteral("the hub refused access to %1 (HTTP %2): it is private or gated, or HF_TOKEN "
                              "is missing or wrong; "
                              "set HF_TOKEN to a token that can read it")
            .arg(what)
            .arg(status);
    }
    if (status == 404)
        return QStringLiteral("%1 was not found on the hub (HTTP 404): check the repository id and revision")
            .arg(what);
    return QStringLiteral("the hub answered HTTP %1 for %2").arg(status).arg(what);
}

// One network conversation, redirects followed by hand so the token never travels to another host.
class Hub {
  public:
    explicit Hub(const HubOptions& options) : m_options(options)
    {
        m_network.setProxyFactory(
            new EnvironmentProxyFactory); // HTTPS_PROXY/HTTP_PROXY/NO_PROXY, else the system's
        m_endpointHost = QUrl(m_options.endpoint).host();
    }

    QNetworkReply* get(const QUrl& url, qint64 offset = 0)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("User-Agent", "eikona/" EIKONA_VERSION);
        request.setRawHeader("Accept-Encoding", "identity");
        if (!m_options.token.isEmpty() && url.host() == m_endpointHost)
            request.setRawHeader("Authorization", "Bearer " + m_options.token.toUtf8());
        if (offset > 0)
            request.setRawHeader("Range", "bytes=" + QByteArray::number(offset) + '-');
        request.setTransferTimeout(60000);
        return m_network.get(request);
    }

    QNetworkAccessManager& network() { return m_network; }

  private:
    HubOptions m_options;
    QString m_endpointHost;
    QNetworkAccessManager m_network;
};

inline int statusOf(QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

inline std::optional<QUrl> redirectTarget(QNetworkReply* reply)
{
    const int status = statusOf(reply);
    if (status < 300 || status >= 400 || status == 304)
        return std::nullopt;
    const auto location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    if (!location.isValid())
        return std::nullopt;
    return reply->url().resolved(location);
}

struct RepoCache {
    QDir repo;
    QDir locks;

    QString blob(const QString& etag) const { return repo.filePath(QStringLiteral("blobs/") + etag); }
    QString snapshot(const QString& commit) const
    {
        return repo.filePath(QStringLiteral("snapshots/") + commit);
    }
};

// snapshots/<commit>/<path> -> ../../blobs/<etag>, relative like huggingface_hub's.
inline bool linkIntoSnapshot(const RepoCache& cache, const QString& commit, const HubFile& file)
{
    const auto link = QDir(cache.snapshot(commit)).filePath(file.path);
    QDir().mkpath(QFileInfo(link).absolutePath());
    const auto target = QFileInfo(link).absoluteDir().relativeFilePath(cache.blob(file.etag()));
    if (QFileInfo(link).isSymLink() || QFileInfo::exists(link))
        QFile::remove(link);
    return QFile::link(target, link);
}

inline bool linkedAndPresent(const RepoCache& cache, const QString& commit, const HubFile& file)
{
    const QFileInfo link(QDir(cache.snapshot(commit)).filePath(file.path));
    return link.exists() && link.size() == file.size;
}

} // namespace eikona::store::hub_detail
