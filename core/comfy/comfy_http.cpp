#include "comfy_http.h"

#include "comfy_messages.h"
#include "proxy_settings.h"

#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace eikona::comfy {

namespace {

[[noreturn]] void refuse(const QString& message)
{
    throw ComfyError(message.toStdString());
}

} // namespace

ComfyHttp::ComfyHttp(const QUrl& server, QString token, int timeoutMs)
    : m_server(server), m_token(std::move(token)), m_timeoutMs(timeoutMs)
{
    if (!server.isValid() ||
        (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https")) ||
        server.host().isEmpty())
        refuse(QStringLiteral("%1 is not a server address: give http://HOST:PORT or https://HOST:PORT")
                   .arg(server.toString(QUrl::RemoveUserInfo)));
    m_network.setProxyFactory(new store::EnvironmentProxyFactory()); // the manager owns it
}

QString ComfyHttp::where() const
{
    return m_server.toString(QUrl::RemoveUserInfo);
}

QUrl ComfyHttp::endpoint(const QString& path) const
{
    QUrl url = m_server;
    auto prefix = m_server.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    return url;
}

QNetworkRequest ComfyHttp::request(const QString& path, const QUrlQuery& query) const
{
    auto url = endpoint(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", "eikona/" EIKONA_VERSION);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    return request;
}

QByteArray ComfyHttp::finish(QNetworkReply* reply, const QString& path, qint64 maxBytes)
{
    bool tooLarge = false;
    QEventLoop loop;
    // Refused from the length the server declares, and again as bytes arrive (it may not say).
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [&] {
        if (reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() > maxBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [&](qint64 received, qint64) {
        if (received > maxBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    reply->deleteLater();
    if (tooLarge)
        refuse(QStringLiteral("the server at %1 answered %2 with more than %3 MB; it was not read")
                   .arg(where(), path)
                   .arg(maxBytes >> 20));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401)
        refuse(QStringLiteral("the server at %1 needs a token (--server-token)").arg(where()));
    if (status == 403)
        refuse(QStringLiteral("the server at %1 refuses this origin (or this token)").arg(where()));
    if (reply->error() != QNetworkReply::NoError && status == 0)
        throw ComfyUnreachable(QStringLiteral("cannot reach the server at %1: %2")
                                   .arg(where(), reply->errorString())
                                   .toStdString());
    const auto bytes = reply->readAll();
    if (status == 400) {
        const auto answer = QJsonDocument::fromJson(bytes).object();
        if (answer.contains(QStringLiteral("error")) || answer.contains(QStringLiteral("node_errors")))
            refuse(QStringLiteral("the server refused the job: %1").arg(promptErrorText(answer)));
        refuse(QStringLiteral("the server refused %1: %2").arg(path, QString::fromUtf8(bytes.left(300))));
    }
    if (status != 200)
        refuse(QStringLiteral("the server at %1 answered %2 with HTTP %3: is it a ComfyUI server?")
                   .arg(where(), path)
                   .arg(status));
    return bytes;
}

QJsonObject ComfyHttp::getJson(const QString& path, qint64 maxBytes)
{
    const auto bytes = finish(m_network.get(request(path)), path, maxBytes);
    const auto document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        refuse(QStringLiteral(
                   "the server at %1 answered %2 with something other than JSON: is it a ComfyUI server?")
                   .arg(where(), path));
    return document.object();
}

QByteArray ComfyHttp::getBytes(const QString& path, const QUrlQuery& query, qint64 maxBytes)
{
    return finish(m_network.get(request(path, query)), path, maxBytes);
}

QJsonObject ComfyHttp::postJson(const QString& path, const QJsonObject& body)
{
    auto post = request(path);
    post.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const auto bytes =
        finish(m_network.post(post, QJsonDocument(body).toJson(QJsonDocument::Compact)), path, 1 << 20);
    return QJsonDocument::fromJson(bytes).object();
}

QJsonObject ComfyHttp::postImage(const QString& path, const QByteArray& png, const QString& fileName)
{
    auto* parts = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart image;
    image.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("image/png"));
    image.setHeader(QNetworkRequest::ContentDispositionHeader,
                    QStringLiteral("form-data; name=\"image\"; filename=\"%1\"").arg(fileName));
    image.setBody(png);
    parts->append(image);
    QHttpPart overwrite;
    overwrite.setHeader(QNetworkRequest::ContentDispositionHeader,
                        QStringLiteral("form-data; name=\"overwrite\""));
    overwrite.setBody("true");
    parts->append(overwrite);
    auto* reply = m_network.post(request(path), parts);
    parts->setParent(reply);
    return QJsonDocument::fromJson(finish(reply, path, 1 << 20)).object();
}

} // namespace eikona::comfy
