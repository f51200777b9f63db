#pragma once
// A message bar over the canvas for a failed job: the problem in the user's words, the
// engine's own message one click away (Details…), and a close button. Never modal.

#include <QWidget>

class QLabel;
class QPushButton;

namespace eikona::ui {

class ErrorBar final : public QWidget {
    Q_OBJECT

  public:
    explicit ErrorBar(QWidget* parent = nullptr);

    /// `detail`: the engine's words, shown under Details… (hidden when empty).
    void showMessage(const QString& text, const QString& detail);
    void clear();
    /// The message shown, or empty when the bar is closed.
    QString text() const;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    QLabel* m_label;
    QPushButton* m_details;
    QPushButton* m_close;
    QString m_detail;
};

} // namespace eikona::ui
