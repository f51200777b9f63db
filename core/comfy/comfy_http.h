#pragma once
// Requests to one ComfyUI server, blocking with their own event loop (for the CLI and a
// worker thread): the bearer token on every request, proxies from the environment as for the
// hub, a path prefix kept (a server behind a reverse proxy), a bound on every answer, and
// every failure in words.

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <stdexcept>

namespace eikona::comfy {

class ComfyError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The server did not answer at all (down, wrong address, network gone): a job for it can wait
/// and be sent again, unlike one the server refused.
class ComfyUnreachable : public ComfyError {
  public:
    using ComfyError::ComfyError;
};

class ComfyHttp {
  public:
    /// Throws ComfyError when `server` is not an http(s) address.
    ComfyHttp(const QUrl& server, QString token = {}, int timeoutMs = 15000);

    QString where() const; ///< the server, for messages (no user info)

    /// GET `path` as a JSON object; the answer at most `maxBytes`.
    QJsonObject getJson(const QString& path, qint64 maxBytes = 8 << 20);
    /// GET `path` (with `query`), the answer's bytes, at most `maxBytes` (more: ComfyError).
    QByteArray getBytes(const QString& path, const QUrlQuery& query, qint64 maxBytes);
    /// POST `body` as JSON; the answer's JSON object (empty when the answer is empty). A 400's
    /// body is handed to `badRequest` to put in words (default: the body's text).
    QJsonObject postJson(const QString& path, const QJsonObject& body);
    /// POST a picture as multipart/form-data, as /upload/image takes it.
    QJsonObject postImage(const QString& path, const QByteArray& png, const QString& fileName);

  private:
    QByteArray finish(class QNetworkReply* reply, const QString& path, qint64 maxBytes);
    QUrl endpoint(const QString& path) const;
    class QNetworkRequest request(const QString& path, const QUrlQuery& query = {}) const;

    QUrl m_server;
    QString m_token;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
};

} // namespace eikona::comfy
