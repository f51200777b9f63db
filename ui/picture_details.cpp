#include "picture_details.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace eikona::ui {

PictureDetails::PictureDetails(QWidget* parent)
    : QWidget(parent), m_text(new QPlainTextEdit(this)), m_useParameters(new QPushButton(this)),
      m_useSeed(new QPushButton(this))
{
    m_text->setObjectName(QStringLiteral("detailsText"));
    m_text->setReadOnly(true);
    m_useParameters->setObjectName(QStringLiteral("useParametersButton"));
    m_useSeed->setObjectName(QStringLiteral("useSeedButton"));
    m_useParameters->setEnabled(false);
    m_useSeed->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_text);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_useParameters);
    buttons->addWidget(m_useSeed);
    layout->addLayout(buttons);
    connect(m_useParameters, &QPushButton::clicked, this, [this] {
        if (m_parameters)
            Q_EMIT useParametersRequested(*m_parameters);
    });
    connect(m_useSeed, &QPushButton::clicked, this, [this] {
        if (m_parameters)
            Q_EMIT useSeedRequested(m_parameters->seed);
    });
    retranslate();
}

void PictureDetails::showPicture(const QString& path, const store::GenerationParameters& parameters)
{
    m_parameters = parameters;
    m_text->setPlainText(formatParameters(parameters) + QStringLiteral("\n\n") + path);
    m_useParameters->setEnabled(true);
    m_useSeed->setEnabled(true);
}

std::optional<store::GenerationParameters> PictureDetails::parameters() const
{
    return m_parameters;
}

void PictureDetails::retranslate()
{
    m_text->setAccessibleName(tr("Parameters of the picture"));
    m_text->setToolTip(tr("The parameters stored in the picture's PNG; select text to copy it"));
    m_text->setPlaceholderText(tr("Click a picture to see its parameters here."));
    m_useParameters->setText(tr("Use these parameters"));
    m_useParameters->setAccessibleName(tr("Use these parameters"));
    m_useParameters->setToolTip(tr("Fill the controls with this picture's prompt and settings"));
    m_useSeed->setText(tr("Use this seed"));
    m_useSeed->setAccessibleName(tr("Use this seed"));
    m_useSeed->setToolTip(tr("Put this picture's seed into the seed field"));
}

void PictureDetails::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace eikona::ui
