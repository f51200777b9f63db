#pragma once
// A prompt box: multi-line with word wrap and undo, A1111's emphasis syntax highlighted, a
// token counter ("12 / 75") that follows the 75-token chunks, and Ctrl+Up / Ctrl+Down to
// raise or lower the weight of the selected words by 0.1.

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>

#include <memory>

class QLabel;
class QTimer;

namespace eikona::backend {
class PromptTokenCounter;
}

namespace eikona::ui {

class PromptHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT

  public:
    explicit PromptHighlighter(QTextDocument* document);

  protected:
    void highlightBlock(const QString& text) override;

  private:
    void reparse();
    QString m_text;
    QList<QPair<int, int>> m_spans; ///< (start, length) per kind, see formatFor
    QList<int> m_kinds;
};

class PromptEdit final : public QPlainTextEdit {
    Q_OBJECT

  public:
    /// `counter` may be null (no tokenizer): then the counter label stays empty.
    PromptEdit(std::shared_ptr<const backend::PromptTokenCounter> counter, QWidget* parent = nullptr);

    QString text() const;
    /// Replaces the text as one undoable edit.
    void setText(const QString& text);
    /// The "12 / 75" label to place beside the box.
    QLabel* counterLabel() const;

  protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    void adjustWeight(double delta);
    void updateCount();

    std::shared_ptr<const backend::PromptTokenCounter> m_counter;
    QLabel* m_counterLabel;
    QTimer* m_countTimer;
};

} // namespace eikona::ui
