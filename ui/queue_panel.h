#pragma once
// The queue dock: the waiting and running jobs (prompt, size, steps, state), reordered by drag
// or with the buttons; a waiting job can be removed or edited back into the controls, the
// running one cancelled.

#include <QWidget>

class QTableView;
class QToolButton;

namespace eikona::backend {
class JobQueue;
}

namespace eikona::ui {

class QueuePanel final : public QWidget {
    Q_OBJECT

  public:
    explicit QueuePanel(backend::JobQueue* queue, QWidget* parent = nullptr);
    QTableView* view() const;
    /// The Where column is shown once there is somewhere else than this computer to run.
    void setTargetColumnVisible(bool visible);

  Q_SIGNALS:
    /// Remove a waiting job, or cancel the running one.
    void removeRequested(qint64 id);
    void editRequested(qint64 id);
    /// Jobs held because their server did not answer: try it again now.
    void retryRequested();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void updateButtons();
    std::optional<qint64> selectedId() const;
    int selectedRow() const;

    backend::JobQueue* m_queue;
    QTableView* m_view;
    QToolButton* m_up;
    QToolButton* m_down;
    QToolButton* m_edit;
    QToolButton* m_remove;
    QToolButton* m_retry;
};

} // namespace eikona::ui
