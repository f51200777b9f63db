#pragma once
// The ComfyUI servers the artist renders on (Settings ▸ Servers): a name and an address each,
// kept with the app's settings, and each one's token kept apart, in a file only its owner may
// read (0600 in the app's config folder), never in the settings file. QtKeychain was weighed
// and left out: it needs a Secret Service on D-Bus, which many desktops and every headless
// machine lack, and a second code path for them; the file is the one path, and is tested.

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace eikona::backend {

struct RenderServer {
    QString name; ///< the artist's ("Studio GPU"); the address's host when none was given
    QUrl url;     ///< http(s)://HOST:PORT[/prefix]

    bool operator==(const RenderServer&) const = default;
};

class RenderServers {
  public:
    /// `tokenFile`: default the app's config folder's server-tokens.json.
    explicit RenderServers(QString tokenFile = defaultTokenFile());

    static QString defaultTokenFile();

    QList<RenderServer> list() const;
    std::optional<RenderServer> find(const QString& url) const;
    /// Adds or replaces the server at `server.url`, with its token (empty: none). Returns the
    /// problem in words (a bad address, the token file not writable), else "".
    QString save(const RenderServer& server, const QString& token);
    void remove(const QString& url);

    /// The server's checkpoints when it last answered: the model list while it is asked again,
    /// or does not answer (a job for it can then wait in the queue).
    QStringList checkpoints(const QString& url) const;
    void rememberCheckpoints(const QString& url, const QStringList& checkpoints);

    /// The token for `url`; empty when none (or the file is unreadable).
    QString token(const QString& url) const;

    /// "http://HOST:PORT" as it is stored and compared: scheme and host lower case, no user
    /// info, no trailing slash; empty when `text` is not an http(s) address.
    static QString normalised(const QString& text);

  private:
    QString writeTokens(const QString& url, const QString& token);

    QString m_tokenFile;
};

} // namespace eikona::backend
