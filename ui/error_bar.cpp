#include "error_bar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace eikona::ui {

ErrorBar::ErrorBar(QWidget* parent)
    : QWidget(parent), m_label(new QLabel(this)), m_details(new QPushButton(this)),
      m_close(new QPushButton(QStringLiteral("✕"), this))
{
    setObjectName(QStringLiteral("errorBar"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#errorBar { background: #fdecea; border-bottom: 1px solid #f5c2c0; } "
                                 "#errorBar QLabel { color: #611a15; }"));
    m_label->setObjectName(QStringLiteral("errorLabel"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("errorDetailsButton"));
    m_close->setObjectName(QStringLiteral("errorCloseButton"));
    m_close->setFlat(true);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_close);
    connect(m_close, &QPushButton::clicked, this, &ErrorBar::clear);
    connect(m_details, &QPushButton::clicked, this, [this] {
        QMessageBox box(QMessageBox::Warning, tr("What went wrong"), m_label->text(), QMessageBox::Close,
                        this);
        box.setDetailedText(m_detail);
        box.exec();
    });
    retranslate();
    hide();
}

void ErrorBar::showMessage(const QString& text, const QString& detail)
{
    m_label->setText(text);
    m_detail = detail;
    m_details->setVisible(!detail.isEmpty());
    show();
}

void ErrorBar::clear()
{
    hide();
    m_label->clear();
    m_detail.clear();
}

QString ErrorBar::text() const
{
    return isVisible() ? m_label->text() : QString();
}

void ErrorBar::retranslate()
{
    m_details->setText(tr("Details…"));
    m_details->setAccessibleName(tr("Details of the error"));
    m_details->setToolTip(tr("What the engine said, in full"));
    m_close->setAccessibleName(tr("Close the message"));
    m_close->setToolTip(tr("Close the message"));
}

void ErrorBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace eikona::ui
