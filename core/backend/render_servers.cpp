#include "render_servers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace eikona::backend {

namespace {

constexpr qint64 k_maxTokenFileBytes = 1 << 20;

QJsonObject readTokens(const QString& file)
{
    QFile in(file);
    if (in.size() > k_maxTokenFileBytes || !in.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(in.readAll()).object();
}

QString checkpointsKey(const QString& url)
{
    // An address as a settings key: '/' would make groups of it.
    return QStringLiteral("serverCheckpoints/") +
           QString::fromLatin1(RenderServers::normalised(url).toUtf8().toHex());
}

} // namespace

RenderServers::RenderServers(QString tokenFile) : m_tokenFile(std::move(tokenFile))
{
}

QString RenderServers::defaultTokenFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("server-tokens.json"));
}

QString RenderServers::normalised(const QString& text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty() || url.hasQuery() || url.hasFragment())
        return {};
    url.setUserInfo({});
    auto path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url.toString(QUrl::FullyEncoded);
}

QList<RenderServer> RenderServers::list() const
{
    QSettings settings;
    QList<RenderServer> servers;
    const int count = settings.beginReadArray(QStringLiteral("servers"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const auto url = normalised(settings.value(QStringLiteral("url")).toString());
        if (!url.isEmpty())
            servers.append({settings.value(QStringLiteral("name")).toString(), QUrl(url)});
    }
    settings.endArray();
    return servers;
}

std::optional<RenderServer> RenderServers::find(const QString& url) const
{
    const auto wanted = normalised(url);
    for (const auto& server : list())
        if (server.url.toString() == wanted)
            return server;
    return std::nullopt;
}

QString RenderServers::save(const RenderServer& server, const QString& token)
{
    const auto url = normalised(server.url.toString());
    if (url.isEmpty())
        return QStringLiteral("\"%1\" is not a server address: give http://HOST:PORT or https://HOST:PORT")
            .arg(server.url.toString(QUrl::RemoveUserInfo));
    if (const auto problem = writeTokens(url, token); !problem.isEmpty())
        return problem;
    auto servers = list();
    const auto name = server.name.trimmed().isEmpty() ? QUrl(url).host() : server.name.trimmed();
    bool replaced = false;
    for (auto& existing : servers)
        if (existing.url.toString() == url) {
            existing = {name, QUrl(url)};
            replaced = true;
        }
    if (!replaced)
        servers.append({name, QUrl(url)});
    QSettings settings;
    settings.beginWriteArray(QStringLiteral("servers"), static_cast<int>(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), servers[i].name);
        settings.setValue(QStringLiteral("url"), servers[i].url.toString());
    }
    settings.endArray();
    return {};
}

void RenderServers::remove(const QString& text)
{
    const auto url = normalised(text);
    auto servers = list();
    servers.removeIf([&](const RenderServer& server) { return server.url.toString() == url; });
    QSettings settings;
    settings.remove(QStringLiteral("servers"));
    settings.beginWriteArray(QStringLiteral("servers"), static_cast<int>(servers.size()));
    for (int i = 0; i < servers.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), servers[i].name);
        settings.setValue(QStringLiteral("url"), servers[i].url.toString());
    }
    settings.endArray();
    settings.remove(checkpointsKey(url));
    writeTokens(url, {});
}

QStringList RenderServers::checkpoints(const QString& url) const
{
    return QSettings().value(checkpointsKey(url)).toStringList();
}

void RenderServers::rememberCheckpoints(const QString& url, const QStringList& checkpoints)
{
    QSettings().setValue(checkpointsKey(url), checkpoints);
}

QString RenderServers::token(const QString& url) const
{
    return readTokens(m_tokenFile).value(normalised(url)).toString();
}

QString RenderServers::writeTokens(const QString& url, const QString& token)
{
    auto tokens = readTokens(m_tokenFile);
    if (tokens.value(url).toString() == token && (!token.isEmpty() || !tokens.contains(url)))
        return {};
    if (token.isEmpty())
        tokens.remove(url);
    else
        tokens.insert(url, token);
    if (!QDir().mkpath(QFileInfo(m_tokenFile).absolutePath()))
        return QStringLiteral("cannot make the folder of %1").arg(m_tokenFile);
    QSaveFile out(m_tokenFile);
    // Owner only from the moment it exists: QSaveFile's temporary file gets these permissions
    // before a byte of the token is written into it.
    if (!out.open(QIODevice::WriteOnly) ||
        !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return QStringLiteral("cannot write %1: %2").arg(m_tokenFile, out.errorString());
    out.write(QJsonDocument(tokens).toJson());
    if (!out.commit())
        return QStringLiteral("cannot write %1: %2").arg(m_tokenFile, out.errorString());
    return {};
}

} // namespace eikona::backend
