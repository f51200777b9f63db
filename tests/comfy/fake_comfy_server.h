#pragma once
// A ComfyUI server for the tests, on 127.0.0.1 and a free port: it answers GETs with what a
// recorded real server answered (tests/data/comfyui transcripts), or with what a test sets.
// HTTP/1.1, one request per connection.

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

namespace eikona::testing {

class FakeComfyServer : public QObject {
  public:
    struct Answer {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json; charset=utf-8";
        qint64 declaredLength = -1; ///< >= 0: the Content-Length said, whatever the body
    };

    /// Serves every GET answer with JSON that `transcript` recorded.
    explicit FakeComfyServer(const QString& transcript)
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
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (auto* socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
        });
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    QHash<QString, Answer> answers;     ///< GET answers, by path (with its query)
    QHash<QString, Answer> postAnswers; ///< POST answers, by path
    QString requiredToken;              ///< non-empty: 401 without "Authorization: Bearer <it>"
    QStringList requests;               ///< "GET /path", in order
    QStringList authorizations;         ///< each request's Authorization header
    QList<QByteArray> bodies;           ///< each request's body

  private:
    void serve(QTcpSocket* socket)
    {
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
        const auto declared = answer.declaredLength >= 0 ? answer.declaredLength : answer.body.size();
        socket->write(
            "HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\nContent-Type: " + answer.contentType +
            "\r\nContent-Length: " + QByteArray::number(declared) + "\r\nConnection: close\r\n\r\n");
        socket->write(answer.body);
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace eikona::testing
