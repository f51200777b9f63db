#pragma once
// Settings ▸ Servers: the ComfyUI servers jobs can run on — add one (name, address, token),
// test the connection (off the window's thread: version, GPU, checkpoints), remove one. The
// edits are kept until the dialog's OK (Cancel loses nothing); tokens go to a file only the
// user can read (render_servers.h).

#include "render_servers.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace eikona::backend {
class ServerProbe;
struct ServerProbeResult;
} // namespace eikona::backend

namespace eikona::ui {

class ServersPage final : public QWidget {
    Q_OBJECT

  public:
    explicit ServersPage(QWidget* parent = nullptr);

    /// Writes the servers as edited; returns the problem in words, else "".
    QString apply();
    /// The servers as edited, before apply().
    QList<backend::RenderServer> servers() const;
    /// "ComfyUI 0.3.65 · NVIDIA GeForce RTX 4090, 22.5 of 24.0 GB free", in the window's language.
    static QString describe(const backend::ServerProbeResult& result);
    /// What the last connection test said (empty while none ran).
    QString testResult() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct Entry {
        backend::RenderServer server;
        QString token;
    };
    void retranslate();
    void refreshList();
    void fillFields(int row);
    void addServer();
    void removeServer();
    void testConnection();
    void showResult(const backend::ServerProbeResult& result);

    QList<Entry> m_entries;
    QStringList m_removed; ///< addresses to forget on apply()
    QListWidget* m_list;
    QLineEdit* m_name;
    QLineEdit* m_url;
    QLineEdit* m_token;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_test;
    QLabel* m_result;
    QLabel* m_note;
    QList<QPair<QLabel*, const char*>> m_labels;
    backend::ServerProbe* m_probe;
};

} // namespace eikona::ui
