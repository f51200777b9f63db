#pragma once
// Where the next job runs: "This computer" or one of the render servers (Settings ▸ Servers),
// beside the Generate button — with a note, when a server is chosen, of what that changes: a
// sampler that draws fresh noise gives another picture there for the same seed, and PNDM has
// no counterpart there.

#include "render_servers.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace eikona::ui {

class RenderTargetField final : public QWidget {
    Q_OBJECT

  public:
    explicit RenderTargetField(QWidget* parent = nullptr);

    /// Keeps the chosen server when it is still among `servers`, else goes back to this computer.
    void setServers(const QList<backend::RenderServer>& servers);
    /// The chosen server's address; empty: this computer.
    QString target() const;
    /// The server's name; empty for this computer.
    QString targetName() const;
    void setTarget(const QString& url);
    /// The sampler chosen, for the note.
    void setSampler(const QString& samplerId);
    QComboBox* combo() const;
    /// What the note says now (empty: hidden).
    QString note() const;

  Q_SIGNALS:
    void targetChanged(const QString& url);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void updateNote();

    QComboBox* m_combo;
    QLabel* m_note;
    QString m_sampler;
};

} // namespace eikona::ui
