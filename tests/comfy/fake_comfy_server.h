#pragma once
// A ComfyUI server for the tests, on 127.0.0.1 and a free port: it answers GETs with what a
// recorded real server answered (tests/data/comfyui transcripts), or with what a test sets.
// HTTP/1.1, one request per connection; the WebSocket at /ws on the same port, as ComfyUI
// serves it.

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <utility>

namespace eikona::testing {

class FakeComfyServer : public QObject {
  public:
    struct Answer {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json; charset=utf-8";
        qint64 declaredLength = -1; ///< >= 0: the Content-Length said, whatever the body
    };

    /// Serves every GET answer with JSON that `transcript` recorded; on `port` (0: a free one).
    explicit FakeComfyServer(const QString& transcript, quint16 port = 0)
    {
        QFile file(transcript);
        file.open(QIODevice::ReadOnly);
        while (!file.atEnd()) {
            const auto line = QJsonDocument::fromJson(file.readLine()).object();
            if (line.value(QStringLiteral("kind")) == QStringLiteral("http") &&
                line.value(QStringLiteral("method")) == QStringLiteral("GET") &&
                line.value(QStringLiteral("status")).toInt() == 200 &&
                !line.value(QStringLiteral("json")).isNull())
                answers.insert(
                    line.value(QStringLiteral("path")).toString(),
                    {200, QJsonDocument::fromVariant(line.value(QStringLiteral("json")).toVariant())
                              .toJson(QJsonDocument::Compact)});
        }
        connect(&m_webSocket, &QWebSocketServer::newConnection, this,
                [this] {
                    while (auto* client = m_webSocket.nextPendingConnection()) {
                        webSocketClientIds
                            << QUrlQuery(client->requestUrl()).queryItemValue(QStringLiteral("clientId"));
                        m_clients.append(client);
                        connect(client, &QWebSocket::textMessageReceived, this,
                                [this](const QString& text) { webSocketReceived << text; });
                        connect(client, &QWebSocket::disconnected, this, [this, client] {
                            m_clients.removeAll(client);
                            client->deleteLater();
                        });
                        if (onConnected)
                            onConnected();
                    }
                });
        m_server.listen(QHostAddress::LocalHost, port);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (auto* socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
        });
    }

    ~FakeComfyServer() override
    {
        // The clients' disconnected() would reach this object's members as they go.
        const auto clients = std::exchange(m_clients, {});
        for (auto* client : clients) {
            QObject::disconnect(client, nullptr, this, nullptr);
            client->abort();
        }
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    QHash<QString, Answer> answers;     ///< GET answers, by path (with its query)
    QHash<QString, Answer> postAnswers; ///< POST answers, by path
    QString requiredToken;              ///< non-empty: 401 without "Authorization: Bearer <it>"
    QStringList requests;               ///< "GET /path", in order
    QStringList authorizations;         ///< each request's Authorization header
    QList<QByteArray> bodies;           ///< each request's body
    QStringList webSocketClientIds;     ///< each WebSocket connection's clientId
    QStringList webSocketReceived;      ///< what clients sent on it
    /// Called after a POST is answered, with its path and JSON body: the test plays the job.
    std::function<void(const QString& path, const QJsonObject& body)> onPost;
    std::function<void()> onConnected;

    int webSocketClients() const { return static_cast<int>(m_clients.size()); }
    void sendText(const QByteArray& json)
    {
        for (auto* client : std::as_const(m_clients))
            client->sendTextMessage(QString::fromUtf8(json));
    }
    void sendBinary(const QByteArray& frame)
    {
        for (auto* client : std::as_const(m_clients))
            client->sendBinaryMessage(frame);
    }
    /// Drops every WebSocket connection, as a proxy or a tunnel does.
    void dropWebSockets()
    {
        const auto clients = m_clients; // abort() removes them from the list
        for (auto* client : clients)
            client->abort();
    }
    /// Refuses new WebSocket connections (the server gone) or takes them again.
    void refuseWebSockets(bool refuse) { m_refuseWebSockets = refuse; }

  private:
    void serve(QTcpSocket* socket)
    {
        if (!m_buffers.contains(socket)) {
            const auto peeked = socket->peek(socket->bytesAvailable());
            if (peeked.startsWith("GET ") && peeked.toLower().contains("upgrade: websocket")) {
                if (!peeked.contains("\r\n\r\n"))
                    return; // the handshake is still coming
                QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
                if (m_refuseWebSockets)
                    socket->abort();
                else
                    m_webSocket.handleConnection(socket);
                return;
            }
        }
        auto& buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        const auto head = buffer.left(buffer.indexOf("\r\n\r\n"));
        const auto lines = head.split('\n');
        qint64 length = 0;
        for (const auto& line : lines)
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < head.size() + 4 + length)
            return; // the body is still coming
        const auto body = buffer.mid(head.size() + 4, length);
        m_buffers.remove(socket);
        const auto requestLine = lines.value(0).trimmed().split(' ');
        const auto path = QString::fromUtf8(requestLine.value(1));
        QByteArray authorization;
        for (const auto& line : lines)
            if (line.toLower().startsWith("authorization:"))
                authorization = line.mid(14).trimmed();
        const auto method = QString::fromUtf8(requestLine.value(0));
        requests << method + u' ' + path;
        authorizations << QString::fromUtf8(authorization);
        bodies << body;
        const auto& table = method == QStringLiteral("POST") ? postAnswers : answers;
        Answer answer{404, "{}"};
        if (!requiredToken.isEmpty() && authorization != "Bearer " + requiredToken.toUtf8())
            answer = {401, "401: Unauthorized", "text/plain"};
        else if (table.contains(path))
            answer = table.value(path);
        else if (method == QStringLiteral("GET") && path.startsWith(QStringLiteral("/history/")))
            answer = {200, "{}"}; // ComfyUI's answer for a prompt it has no record of
        const auto declared = answer.declaredLength >= 0 ? answer.declaredLength : answer.body.size();
        socket->write(
            "HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\nContent-Type: " + answer.contentType +
            "\r\nContent-Length: " + QByteArray::number(declared) + "\r\nConnection: close\r\n\r\n");
        socket->write(answer.body);
        socket->disconnectFromHost();
        if (method == QStringLiteral("POST") && answer.status == 200 && onPost) {
            const auto json = QJsonDocument::fromJson(body).object();
            QTimer::singleShot(0, this, [this, path, json] { onPost(path, json); });
        }
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QWebSocketServer m_webSocket{QStringLiteral("fake ComfyUI"), QWebSocketServer::NonSecureMode};
    QList<QWebSocket*> m_clients;
    bool m_refuseWebSockets = false;
};

} // namespace eikona::testing
