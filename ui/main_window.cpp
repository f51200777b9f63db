#include "main_window.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QWidget>

namespace eikona::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Eikona"));
    auto* central = new QWidget(this);
    auto* form = new QFormLayout(central);

    m_prompt = new QPlainTextEdit(central);
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setPlaceholderText(tr("Describe the picture you want"));
    form->addRow(tr("Prompt"), m_prompt);

    m_negativePrompt = new QPlainTextEdit(central);
    m_negativePrompt->setObjectName(QStringLiteral("negativePromptEdit"));
    m_negativePrompt->setPlaceholderText(tr("What the picture should not contain"));
    form->addRow(tr("Negative prompt"), m_negativePrompt);

    setCentralWidget(central);
    m_engineLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_engineLabel);
    resize(960, 640);
}

void MainWindow::setEngineSummary(const QString& summary)
{
    m_engineLabel->setText(summary);
}

} // namespace eikona::ui
