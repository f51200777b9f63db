#include "render_target_field.h"

#include "generation_session.h"
#include "server_generation.h"

#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace eikona::ui {

RenderTargetField::RenderTargetField(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("targetCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(12);
    m_combo->addItem(QString(), QString());
    layout->addWidget(m_combo);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("targetNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    setFocusProxy(m_combo);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        updateNote();
        Q_EMIT targetChanged(target());
    });
    retranslate();
}

QComboBox* RenderTargetField::combo() const
{
    return m_combo;
}

void RenderTargetField::setServers(const QList<backend::RenderServer>& servers)
{
    const auto current = target();
    {
        const QSignalBlocker blocker(m_combo);
        while (m_combo->count() > 1)
            m_combo->removeItem(1);
        for (const auto& server : servers)
            m_combo->addItem(server.name, server.url.toString());
        m_combo->setCurrentIndex(std::max(0, m_combo->findData(current)));
    }
    updateNote();
    if (target() != current)
        Q_EMIT targetChanged(target());
}

QString RenderTargetField::target() const
{
    return m_combo->currentData().toString();
}

QString RenderTargetField::targetName() const
{
    return target().isEmpty() ? QString() : m_combo->currentText();
}

void RenderTargetField::setTarget(const QString& url)
{
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(url)));
}

void RenderTargetField::setSampler(const QString& samplerId)
{
    m_sampler = samplerId;
    updateNote();
}

QString RenderTargetField::note() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

void RenderTargetField::updateNote()
{
    QString text;
    if (!target().isEmpty() && !m_sampler.isEmpty()) {
        if (m_sampler == QLatin1String("pndm"))
            text = tr("PNDM cannot run on a ComfyUI server: choose another sampler.");
        else if (!backend::sameOnServer(m_sampler))
            text = tr("%1 draws fresh noise at every step, which the server seeds its own way: the same seed "
                      "gives a different picture there than on this computer.")
                       .arg(backend::samplerLabel(m_sampler));
    }
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void RenderTargetField::retranslate()
{
    m_combo->setItemText(0, tr("This computer"));
    m_combo->setAccessibleName(tr("Render on"));
    m_combo->setToolTip(tr("Where the job runs: here, or on a ComfyUI server (Preferences ▸ Servers)"));
    m_note->setAccessibleName(tr("About seeds on a server"));
    updateNote();
}

void RenderTargetField::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace eikona::ui
