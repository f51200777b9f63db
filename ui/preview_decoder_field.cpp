#include "preview_decoder_field.h"

#include "first_run_dialog.h"
#include "format_text.h"
#include "model_download.h"
#include "preview_decoder.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace eikona::ui {

PreviewDecoderField::PreviewDecoderField(bool useIt, QWidget* parent)
    : QWidget(parent), m_fetch(std::make_unique<backend::ModelDownload>(
                           backend::previewDecoderRepo(), backend::ModelDownload::Kind::PreviewDecoder))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_use = new QCheckBox(this);
    m_use->setObjectName(QStringLiteral("fullSizePreviewCheck"));
    m_use->setChecked(useIt);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("previewDecoderState"));
    m_download = new QPushButton(this);
    m_download->setObjectName(QStringLiteral("previewDecoderDownload"));
    layout->addWidget(m_use);
    layout->addWidget(m_state, 1);
    layout->addWidget(m_download);
    setFocusProxy(m_use);
    connect(m_download, &QPushButton::clicked, this, &PreviewDecoderField::startDownload);
    connect(m_fetch.get(), &backend::ModelDownload::progress, this,
            [this](const store::DownloadProgress& progress) {
                if (progress.bytesTotal > 0)
                    m_progress =
                        QLocale().toString(100 * progress.bytesDone / progress.bytesTotal) + QLatin1Char('%');
                retranslate();
            });
    connect(m_fetch.get(), &backend::ModelDownload::finished, this, [this] {
        m_progress.clear();
        retranslate();
    });
    connect(m_fetch.get(), &backend::ModelDownload::failed, this,
            [this](store::HubFailure kind, const QString& message) {
                m_progress.clear();
                m_failure = FirstRunDialog::failureText(kind);
                m_state->setToolTip(message);
                retranslate();
            });
    retranslate();
}

PreviewDecoderField::~PreviewDecoderField() = default;

bool PreviewDecoderField::useIt() const
{
    return m_use->isChecked();
}

QString PreviewDecoderField::stateText() const
{
    return m_state->text();
}

void PreviewDecoderField::startDownload()
{
    m_failure.clear();
    m_progress = QLocale().toString(0) + QLatin1Char('%');
    m_fetch->start();
    retranslate();
}

void PreviewDecoderField::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PreviewDecoderField::retranslate()
{
    // Progress comes many times a second: the cache is looked at only when not fetching.
    const bool fetching = m_fetch->isRunning() || !m_progress.isEmpty();
    const bool here = !fetching && !backend::cachedPreviewDecoder().isEmpty();
    m_use->setText(tr("With TAESD"));
    m_use->setAccessibleName(tr("Full-size previews"));
    m_use->setToolTip(
        tr("The forming picture at full size, drawn by TAESD (a tiny decoder), instead of a blurred "
           "sketch; it costs about 3% of the time"));
    if (fetching)
        m_state->setText(tr("Downloading… %1").arg(m_progress));
    else if (here)
        m_state->setText(tr("Downloaded"));
    else if (!m_failure.isEmpty())
        m_state->setText(m_failure);
    else
        m_state->setText(tr("Not downloaded (about 10 MB)"));
    m_state->setWordWrap(!m_failure.isEmpty() && !here && !fetching);
    m_download->setText(tr("Download"));
    m_download->setAccessibleName(tr("Download TAESD"));
    m_download->setToolTip(tr("Fetch madebyollin/taesd from Hugging Face into the model folder"));
    m_download->setVisible(!here);
    m_download->setEnabled(!fetching);
}

} // namespace eikona::ui
