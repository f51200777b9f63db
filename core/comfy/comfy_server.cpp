#include "comfy_server.h"

#include "proxy_settings.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace eikona::comfy {

namespace {

// /system_stats and /object_info/NODE are a few kilobytes; a server sending more is not one.
constexpr qint64 k_maxAnswerBytes = 8 << 20;

QUrl endpoint(const QUrl& server, const QString& path)
{
    QUrl url = server;
    auto prefix = server.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    return url;
}

QJsonObject getJson(QNetworkAccessManager& network, const QUrl& server, const QString& path,
                    const QString& token, int timeoutMs)
{
    const auto url = endpoint(server, path);
    QNetworkRequest request(url);
    request.setRawHeader("User-Agent", "eikona/" EIKONA_VERSION);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > k_maxAnswerBytes)
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto where = server.toString(QUrl::RemoveUserInfo);
    if (status == 401)
        throw ComfyError(
            QStringLiteral("the server at %1 needs a token (--server-token)").arg(where).toStdString());
    if (status == 403)
        throw ComfyError(
            QStringLiteral("the server at %1 refuses this origin (or this token)").arg(where).toStdString());
    if (reply->error() != QNetworkReply::NoError && status == 0)
        throw ComfyError(QStringLiteral("cannot reach the server at %1: %2")
                             .arg(where, reply->errorString())
                             .toStdString());
    if (status != 200)
        throw ComfyError(QStringLiteral("the server at %1 answered %2 with HTTP %3: is it a ComfyUI server?")
                             .arg(where, path)
                             .arg(status)
                             .toStdString());
    const auto bytes = reply->readAll();
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(bytes, &error);
    if (!document.isObject())
        throw ComfyError(
            QStringLiteral("the server at %1 answered %2 with something other than JSON: is it a "
                           "ComfyUI server?")
                .arg(where, path)
                .toStdString());
    return document.object();
}

} // namespace

void readSystemStats(const QJsonObject& answer, ComfyServerInfo& info)
{
    const auto system = answer.value(QStringLiteral("system")).toObject();
    info.version = system.value(QStringLiteral("comfyui_version")).toString();
    info.os = system.value(QStringLiteral("os")).toString();
    info.ramTotal = system.value(QStringLiteral("ram_total")).toInteger();
    info.ramFree = system.value(QStringLiteral("ram_free")).toInteger();
    info.devices.clear();
    for (const auto& value : answer.value(QStringLiteral("devices")).toArray()) {
        const auto device = value.toObject();
        info.devices.append({device.value(QStringLiteral("name")).toString(),
                             device.value(QStringLiteral("type")).toString(),
                             device.value(QStringLiteral("vram_total")).toInteger(),
                             device.value(QStringLiteral("vram_free")).toInteger()});
    }
}

QStringList readChoices(const QJsonObject& objectInfo, const QString& node, const QString& input)
{
    const auto inputs = objectInfo.value(node).toObject().value(QStringLiteral("input")).toObject();
    const auto spec = inputs.value(QStringLiteral("required")).toObject().value(input).toArray();
    QStringList choices;
    for (const auto& value : spec.first().toArray())
        if (value.isString())
            choices << value.toString();
    return choices;
}

ComfyServerInfo fetchServerInfo(const QUrl& url, const QString& token, int timeoutMs)
{
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty())
        throw ComfyError(
            QStringLiteral("%1 is not a server address: give http://HOST:PORT or https://HOST:PORT")
                .arg(url.toString(QUrl::RemoveUserInfo))
                .toStdString());
    QNetworkAccessManager network;
    store::EnvironmentProxyFactory* proxies = new store::EnvironmentProxyFactory();
    network.setProxyFactory(proxies); // the manager owns it
    ComfyServerInfo info;
    readSystemStats(getJson(network, url, QStringLiteral("/system_stats"), token, timeoutMs), info);
    if (info.version.isEmpty() && info.devices.isEmpty())
        throw ComfyError(
            QStringLiteral("the server at %1 does not answer as ComfyUI does (no version, no devices)")
                .arg(url.toString(QUrl::RemoveUserInfo))
                .toStdString());
    const auto checkpointNode = QStringLiteral("CheckpointLoaderSimple");
    info.checkpoints =
        readChoices(getJson(network, url, QStringLiteral("/object_info/") + checkpointNode, token, timeoutMs),
                    checkpointNode, QStringLiteral("ckpt_name"));
    const auto samplerNode = QStringLiteral("KSampler");
    const auto sampler =
        getJson(network, url, QStringLiteral("/object_info/") + samplerNode, token, timeoutMs);
    info.samplers = readChoices(sampler, samplerNode, QStringLiteral("sampler_name"));
    info.schedulers = readChoices(sampler, samplerNode, QStringLiteral("scheduler"));
    return info;
}

} // namespace eikona::comfy
