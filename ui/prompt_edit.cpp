#include "prompt_edit.h"

#include "prompt_tools.h"

#include <QKeyEvent>
#include <QLabel>
#include <QTextBlock>
#include <QTimer>

namespace eikona::ui {

namespace {

QTextCharFormat formatFor(backend::PromptSpan::Kind kind)
{
    QTextCharFormat format;
    switch (kind) {
    case backend::PromptSpan::Kind::Bracket:
        format.setForeground(QColor(0x1e, 0x6f, 0xd9));
        format.setFontWeight(QFont::Bold);
        break;
    case backend::PromptSpan::Kind::Weight:
        format.setForeground(QColor(0xb3, 0x5c, 0x00));
        break;
    case backend::PromptSpan::Kind::Break:
        format.setForeground(QColor(0x8a, 0x2b, 0xe2));
        format.setFontWeight(QFont::Bold);
        break;
    case backend::PromptSpan::Kind::Escape:
        format.setForeground(QColor(0x70, 0x70, 0x70));
        break;
    case backend::PromptSpan::Kind::Unbalanced:
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(QColor(0xd0, 0x20, 0x20));
        break;
    }
    return format;
}

} // namespace

PromptHighlighter::PromptHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
}

void PromptHighlighter::reparse()
{
    // Prompts are short: the whole text is parsed once per change, blocks only map ranges.
    const auto text = document()->toPlainText();
    if (text == m_text && !m_kinds.isEmpty())
        return;
    m_text = text;
    m_spans.clear();
    m_kinds.clear();
    for (const auto& span : backend::promptSyntaxSpans(text)) {
        m_spans.append({span.start, span.length});
        m_kinds.append(static_cast<int>(span.kind));
    }
}

void PromptHighlighter::highlightBlock(const QString& text)
{
    reparse();
    const int blockStart = currentBlock().position();
    const int blockEnd = blockStart + static_cast<int>(text.size());
    for (int i = 0; i < m_spans.size(); ++i) {
        const auto [start, length] = m_spans[i];
        if (start + length <= blockStart || start >= blockEnd)
            continue;
        const int from = std::max(start, blockStart);
        const int to = std::min(start + length, blockEnd);
        setFormat(from - blockStart, to - from,
                  formatFor(static_cast<backend::PromptSpan::Kind>(m_kinds[i])));
    }
}

PromptEdit::PromptEdit(std::shared_ptr<const backend::PromptTokenCounter> counter, QWidget* parent)
    : QPlainTextEdit(parent), m_counter(std::move(counter)), m_counterLabel(new QLabel(this)),
      m_countTimer(new QTimer(this))
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    new PromptHighlighter(document());
    m_counterLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_counterLabel->setForegroundRole(QPalette::PlaceholderText);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(150);
    connect(m_countTimer, &QTimer::timeout, this, &PromptEdit::updateCount);
    connect(this, &QPlainTextEdit::textChanged, m_countTimer, qOverload<>(&QTimer::start));
    updateCount();
}

QString PromptEdit::text() const
{
    return toPlainText();
}

void PromptEdit::setText(const QString& text)
{
    if (text == toPlainText())
        return;
    auto cursor = textCursor();
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    updateCount();
}

QLabel* PromptEdit::counterLabel() const
{
    return m_counterLabel;
}

void PromptEdit::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateCount();
    QPlainTextEdit::changeEvent(event);
}

void PromptEdit::keyPressEvent(QKeyEvent* event)
{
    if (event->modifiers() == Qt::ControlModifier &&
        (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        adjustWeight(event->key() == Qt::Key_Up ? 0.1 : -0.1);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void PromptEdit::adjustWeight(double delta)
{
    const auto cursor = textCursor();
    const auto edit =
        backend::adjustEmphasis(toPlainText(), cursor.selectionStart(), cursor.selectionEnd(), delta);
    if (!edit)
        return;
    // One undoable edit that keeps the words selected for the next press.
    auto change = textCursor();
    change.beginEditBlock();
    change.select(QTextCursor::Document);
    change.insertText(edit->text);
    change.endEditBlock();
    change.setPosition(edit->selectionStart);
    change.setPosition(edit->selectionEnd, QTextCursor::KeepAnchor);
    setTextCursor(change);
}

void PromptEdit::updateCount()
{
    if (!m_counter) {
        m_counterLabel->clear();
        return;
    }
    const auto count = m_counter->count(toPlainText());
    m_counterLabel->setText(
        tr("%1 / %2", "prompt tokens used / tokens available").arg(count.tokens).arg(count.limit));
    m_counterLabel->setToolTip(
        tr("CLIP tokens: the model reads prompts in chunks of 75; BREAK starts a new chunk"));
    m_counterLabel->setAccessibleName(tr("Token count"));
}

} // namespace eikona::ui
