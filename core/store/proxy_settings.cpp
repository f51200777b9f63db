#include "proxy_settings.h"

#include <QHostAddress>
#include <QUrl>

namespace eikona::store {

namespace {

// Lower case first, as curl and requests read them.
QString variable(const QProcessEnvironment& environment, const QString& lowerName)
{
    const auto lower = environment.value(lowerName).trimmed();
    return lower.isEmpty() ? environment.value(lowerName.toUpper()).trimmed() : lower;
}

bool exempt(const QUrl& url, const QString& noProxy)
{
    const auto host = url.host().toLower();
    const auto port = url.port(url.scheme() == QStringLiteral("https") ? 443 : 80);
    for (auto entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry == QStringLiteral("*"))
            return true;
        // An entry's port, when it has one (not inside an IPv6 address).
        if (const auto colon = entry.lastIndexOf(QLatin1Char(':'));
            colon > 0 && !entry.endsWith(QLatin1Char(']')) && entry.count(QLatin1Char(':')) == 1) {
            if (entry.mid(colon + 1).toInt() != port)
                continue;
            entry.truncate(colon);
        }
        entry.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (entry.isEmpty())
            continue;
        const QHostAddress address(entry);
        if (!address.isNull()) {
            if (address == QHostAddress(host))
                return true;
            continue;
        }
        if (host == entry || host.endsWith(QLatin1Char('.') + entry))
            return true;
    }
    return false;
}

} // namespace

std::optional<QNetworkProxy> environmentProxyFor(const QUrl& url, const QProcessEnvironment& environment)
{
    if (exempt(url, variable(environment, QStringLiteral("no_proxy"))))
        return QNetworkProxy(QNetworkProxy::NoProxy);
    auto proxy =
        variable(environment, url.scheme() == QStringLiteral("https") ? QStringLiteral("https_proxy")
                                                                      : QStringLiteral("http_proxy"));
    if (proxy.isEmpty())
        proxy = variable(environment, QStringLiteral("all_proxy"));
    if (proxy.isEmpty())
        return std::nullopt;
    if (!proxy.contains(QStringLiteral("://")))
        proxy.prepend(QStringLiteral("http://"));
    const QUrl proxyUrl(proxy);
    const auto type = proxyUrl.scheme().startsWith(QStringLiteral("socks")) ? QNetworkProxy::Socks5Proxy
                                                                            : QNetworkProxy::HttpProxy;
    return QNetworkProxy(type, proxyUrl.host(),
                         static_cast<quint16>(proxyUrl.port(type == QNetworkProxy::Socks5Proxy ? 1080 : 80)),
                         proxyUrl.userName(QUrl::FullyDecoded), proxyUrl.password(QUrl::FullyDecoded));
}

EnvironmentProxyFactory::EnvironmentProxyFactory(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{
}

QList<QNetworkProxy> EnvironmentProxyFactory::queryProxy(const QNetworkProxyQuery& query)
{
    if (const auto proxy = environmentProxyFor(query.url(), m_environment))
        return {*proxy};
    return systemProxyForQuery(query);
}

} // namespace eikona::store
