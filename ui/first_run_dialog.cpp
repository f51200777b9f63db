#include "first_run_dialog.h"

#include "format_text.h"
#include "hub_client.h"
#include "model_download.h"
#include "model_registry.h"
#include "preview_decoder.h"

#include <QCheckBox>

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace eikona::ui {

FirstRunDialog::FirstRunDialog(QWidget* parent, const QString& repoId)
    : QDialog(parent),
      m_download(std::make_unique<backend::ModelDownload>(repoId.isEmpty() ? store::k_defaultModel : repoId)),
      m_previewDecoder(std::make_unique<backend::ModelDownload>(backend::previewDecoderRepo(),
                                                                backend::ModelDownload::Kind::PreviewDecoder))
{
    setObjectName(QStringLiteral("firstRunDialog"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::RichText);
    layout->addWidget(m_intro);
    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("downloadSizeLabel"));
    layout->addWidget(m_size);
    m_withPreviewDecoder = new QCheckBox(this);
    m_withPreviewDecoder->setObjectName(QStringLiteral("withPreviewDecoderCheck"));
    m_withPreviewDecoder->setChecked(true);
    m_withPreviewDecoder->setVisible(backend::cachedPreviewDecoder().isEmpty());
    layout->addWidget(m_withPreviewDecoder);
    auto* downloadRow = new QHBoxLayout;
    m_downloadButton = new QPushButton(this);
    m_downloadButton->setObjectName(QStringLiteral("downloadButton"));
    m_downloadButton->setDefault(true);
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelDownloadButton"));
    m_cancelButton->setEnabled(false);
    downloadRow->addWidget(m_downloadButton);
    downloadRow->addWidget(m_cancelButton);
    downloadRow->addStretch();
    layout->addLayout(downloadRow);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress);
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("downloadProgressText"));
    layout->addWidget(m_progressText);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("downloadError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    layout->addWidget(m_error);
    layout->addSpacing(12);
    auto* localRow = new QHBoxLayout;
    m_folderButton = new QPushButton(this);
    m_folderButton->setObjectName(QStringLiteral("localFolderButton"));
    m_fileButton = new QPushButton(this);
    m_fileButton->setObjectName(QStringLiteral("localFileButton"));
    m_laterButton = new QPushButton(this);
    m_laterButton->setObjectName(QStringLiteral("laterButton"));
    localRow->addWidget(m_folderButton);
    localRow->addWidget(m_fileButton);
    localRow->addStretch();
    localRow->addWidget(m_laterButton);
    layout->addLayout(localRow);

    connect(m_downloadButton, &QPushButton::clicked, this, &FirstRunDialog::startDownload);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_download->cancel();
        m_cancelButton->setEnabled(false);
    });
    connect(m_folderButton, &QPushButton::clicked, this, [this] { chooseLocal(false); });
    connect(m_fileButton, &QPushButton::clicked, this, [this] { chooseLocal(true); });
    connect(m_laterButton, &QPushButton::clicked, this, &FirstRunDialog::reject);
    connect(m_download.get(), &backend::ModelDownload::sizeKnown, this, [this](qint64 bytes) {
        m_bytesToFetch = bytes;
        retranslate();
    });
    connect(m_download.get(), &backend::ModelDownload::progress, this, &FirstRunDialog::showProgress);
    connect(m_download.get(), &backend::ModelDownload::failed, this, &FirstRunDialog::showFailure);
    connect(m_download.get(), &backend::ModelDownload::finished, this, [this] {
        m_model = m_download->repoId();
        m_modelDone = true;
        acceptWhenBothDone();
    });
    // TAESD is a nicety: a failure to fetch it never holds the model back (Preferences retries).
    const auto previewDecoderDone = [this] {
        m_previewDecoderPending = false;
        acceptWhenBothDone();
    };
    connect(m_previewDecoder.get(), &backend::ModelDownload::finished, this, previewDecoderDone);
    connect(m_previewDecoder.get(), &backend::ModelDownload::failed, this, previewDecoderDone);
    retranslate();
    setMinimumWidth(620);
    m_download->querySize();
}

FirstRunDialog::~FirstRunDialog() = default;

QString FirstRunDialog::model() const
{
    return m_model;
}

void FirstRunDialog::acceptWhenBothDone()
{
    if (m_modelDone && !m_previewDecoderPending)
        accept();
}

void FirstRunDialog::retranslate()
{
    setWindowTitle(tr("Welcome to Eikona"));
    m_intro->setText(
        tr("<p><b>Eikona needs a Stable Diffusion 1.5 model to make pictures.</b></p>"
           "<p>Download the standard one from Hugging Face, or use a model you already have: a diffusers "
           "folder or a single <tt>.safetensors</tt> file.</p>"));
    if (m_bytesToFetch > 0)
        m_size->setText(tr("Stable Diffusion 1.5 (%1): %2 to download.")
                            .arg(m_download->repoId(), formatBytes(m_bytesToFetch)));
    else if (m_bytesToFetch == 0)
        m_size->setText(tr("Stable Diffusion 1.5 is already downloaded: it only needs to be checked."));
    else
        m_size->setText(
            tr("Stable Diffusion 1.5 (%1): asking Hugging Face for its size…").arg(m_download->repoId()));
    m_withPreviewDecoder->setText(tr("Also download TAESD for full-size live previews (about 10 MB)"));
    m_withPreviewDecoder->setAccessibleName(tr("Also download TAESD"));
    m_downloadButton->setText(tr("Download"));
    m_downloadButton->setAccessibleName(tr("Download Stable Diffusion 1.5"));
    m_downloadButton->setToolTip(
        tr("Fetch the model into the model folder; an interrupted download resumes next time"));
    m_cancelButton->setText(tr("Cancel download"));
    m_cancelButton->setAccessibleName(tr("Cancel download"));
    m_cancelButton->setToolTip(tr("Stop; what was fetched stays and the download resumes next time"));
    m_progress->setAccessibleName(tr("Download progress"));
    m_folderButton->setText(tr("Use a model folder…"));
    m_folderButton->setAccessibleName(tr("Use a model folder"));
    m_folderButton->setToolTip(tr("A diffusers folder (with model_index.json) on this computer"));
    m_fileButton->setText(tr("Use a model file…"));
    m_fileButton->setAccessibleName(tr("Use a model file"));
    m_fileButton->setToolTip(tr("A single SD 1.x .safetensors checkpoint on this computer"));
    m_laterButton->setText(tr("Later"));
    m_laterButton->setAccessibleName(tr("Later"));
    m_laterButton->setToolTip(
        tr("Close; the window stays usable and File ▸ Add a model folder… adds one later"));
}

void FirstRunDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fitHeight();
    }
    QDialog::changeEvent(event);
}

void FirstRunDialog::reject()
{
    m_download->cancel();
    m_previewDecoder->cancel();
    QDialog::reject();
}

void FirstRunDialog::startDownload()
{
    m_error->hide();
    m_downloadButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_cancelButton->setFocus();
    m_progressText->setText(tr("Connecting…"));
    m_download->start();
    if (!m_withPreviewDecoder->isHidden() && m_withPreviewDecoder->isChecked() && !m_previewDecoderPending) {
        m_previewDecoderPending = true;
        m_previewDecoder->start();
    }
}

void FirstRunDialog::showProgress(const store::DownloadProgress& progress)
{
    if (progress.bytesTotal > 0)
        m_progress->setValue(static_cast<int>(1000 * progress.bytesDone / progress.bytesTotal));
    const auto left = progress.bytesPerSecond > 0
                          ? formatDuration(static_cast<double>(progress.bytesTotal - progress.bytesDone) /
                                           progress.bytesPerSecond)
                          : QStringLiteral("–");
    m_progressText->setText(tr("%1 of %2 · %3/s · %4 left")
                                .arg(formatBytes(progress.bytesDone), formatBytes(progress.bytesTotal),
                                     formatBytes(static_cast<qint64>(progress.bytesPerSecond)), left));
}

void FirstRunDialog::showFailure(store::HubFailure kind, const QString& message)
{
    m_downloadButton->setEnabled(true);
    m_downloadButton->setFocus();
    m_cancelButton->setEnabled(false);
    m_progressText->clear();
    m_error->setText(failureText(kind));
    m_error->setToolTip(message); // the hub client's own words, for a bug report
    m_error->show();
    fitHeight();
}

QString FirstRunDialog::failureText(store::HubFailure kind)
{
    using store::HubFailure;
    switch (kind) {
    case HubFailure::Cancelled:
        return tr("The download was stopped. What was fetched is kept: Download resumes it.");
    case HubFailure::Unreachable:
        return tr("Hugging Face cannot be reached. Check the connection (and the proxy, if you use one), "
                  "then press "
                  "Download again: what was fetched is kept.");
    case HubFailure::Offline:
        return tr("Offline mode is on (HF_HUB_OFFLINE) and the model is not downloaded yet. Turn it off to "
                  "download, or use "
                  "a model you already have.");
    case HubFailure::NotFound:
        return tr("The model was not found on Hugging Face. Use a model you already have.");
    case HubFailure::NeedsAccess:
        return tr("Hugging Face refuses access to this model: it is private or gated. Accept its licence on "
                  "the Hugging Face "
                  "website, then set HF_TOKEN to an access token of that account.");
    case HubFailure::Storage:
        return tr("The model folder cannot be written to: check its permissions and the free space "
                  "(Preferences ▸ Model "
                  "folder). What was fetched is kept.");
    case HubFailure::Corrupt:
        return tr("A file arrived damaged and was discarded. Press Download again.");
    case HubFailure::Other:
        break;
    }
    return tr("The download did not work. Press Download again, or use a model you already have.");
}

void FirstRunDialog::fitHeight()
{
    // Wrapped text grew (a message appeared, another language): the dialog grows to show it
    // all rather than letting the lines overlap.
    layout()->activate();
    if (const int needed = heightForWidth(width()); needed > height())
        resize(width(), needed);
}

void FirstRunDialog::chooseLocal(bool file)
{
    const auto path = file ? QFileDialog::getOpenFileName(this, tr("Choose a model file"), QString(),
                                                          tr("Safetensors checkpoints (*.safetensors)"))
                           : QFileDialog::getExistingDirectory(this, tr("Choose a diffusers model folder"));
    if (!path.isEmpty())
        useLocalModel(path);
}

bool FirstRunDialog::useLocalModel(const QString& path)
{
    try {
        m_model = store::ModelRegistry().add(path).name;
        accept();
        return true;
    } catch (const store::RegistryError& error) {
        m_error->setText(tr("This cannot be used as a model: %1").arg(QString::fromUtf8(error.what())));
        m_error->show();
        fitHeight();
        return false;
    }
}

QString FirstRunDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

} // namespace eikona::ui
