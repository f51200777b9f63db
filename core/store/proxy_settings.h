#pragma once
// Proxies as command-line tools and Python's requests (so huggingface_hub) take them from the
// environment: https_proxy / HTTPS_PROXY, http_proxy / HTTP_PROXY, all_proxy / ALL_PROXY, and
// no_proxy / NO_PROXY for the hosts that go direct. Qt alone reads only some of these (the
// lower-case ones), so the hub client asks here first and the system settings after.

#include <QNetworkProxyFactory>
#include <QProcessEnvironment>

#include <optional>

namespace eikona::store {

/// The proxy the environment names for `url`: NoProxy when no_proxy exempts the host, nullopt
/// when the environment says nothing (then the system's settings apply). no_proxy entries: a
/// host name matches itself and its subdomains (".example.com" too), an IP address itself,
/// "*" everything; an entry's ":port" must match the URL's port.
std::optional<QNetworkProxy> environmentProxyFor(const QUrl& url, const QProcessEnvironment& environment);

class EnvironmentProxyFactory : public QNetworkProxyFactory {
  public:
    explicit EnvironmentProxyFactory(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override;

  private:
    QProcessEnvironment m_environment;
};

} // namespace eikona::store
