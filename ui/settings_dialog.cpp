#include "settings_dialog.h"

#include "engine_status.h"
#include "language.h"
#include "preview_decoder_field.h"
#include "servers_page.h"

#include <QApplication>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

namespace eikona::ui {

namespace {

constexpr int k_previewChoices[] = {1, 2, 5, 0};

/// Switches the whole app to `setting`'s language now. Widgets resolve their locale when made,
/// so the open windows are given the new default; the catalogues' change makes each retranslate.
void switchLanguage(const QString& setting)
{
    const auto language = backend::resolveLanguage(setting);
    if (language == backend::currentLanguage())
        return;
    backend::applyLanguage(language);
    const auto topLevels = QApplication::topLevelWidgets();
    for (auto* widget : topLevels)
        widget->setLocale(QLocale());
}

} // namespace

SettingsDialog::SettingsDialog(const backend::AppSettings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    layout->addWidget(m_tabs);
    auto* general = new QWidget(m_tabs);
    auto* form = new QFormLayout(general);
    const auto addRow = [&](const char* text, QWidget* field) {
        auto* label = new QLabel(this);
        label->setBuddy(field->focusProxy() ? field->focusProxy() : field);
        m_labels.append({label, text});
        form->addRow(label, field);
    };
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    for (const auto* device : {"auto", "cpu", "cuda", "mps"})
        m_device->addItem(QString(), QLatin1String(device));
    addRow(QT_TR_NOOP("Device"), m_device);
    m_dtype = new QComboBox(this);
    m_dtype->setObjectName(QStringLiteral("dtypeCombo"));
    for (const auto* dtype : {"auto", "fp32", "fp16", "bf16"})
        m_dtype->addItem(QString(), QLatin1String(dtype));
    addRow(QT_TR_NOOP("Precision"), m_dtype);
    m_detected = new QLabel(this);
    m_detected->setObjectName(QStringLiteral("detectedLabel"));
    m_detected->setWordWrap(true);
    form->addRow(QString(), m_detected);
    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_threads->setRange(0, std::max(1, QThread::idealThreadCount() * 2));
    addRow(QT_TR_NOOP("Threads"), m_threads);
    QWidget* outputRow = nullptr;
    m_output = folderField(QStringLiteral("outputFolderEdit"), settings.outputFolder, outputRow);
    addRow(QT_TR_NOOP("Pictures folder"), outputRow);
    QWidget* cacheRow = nullptr;
    m_cache = folderField(QStringLiteral("modelCacheEdit"), settings.modelCache, cacheRow);
    addRow(QT_TR_NOOP("Model folder"), cacheRow);
    m_preview = new QComboBox(this);
    m_preview->setObjectName(QStringLiteral("previewCombo"));
    for (const int every : k_previewChoices)
        m_preview->addItem(QString(), every);
    addRow(QT_TR_NOOP("Live preview"), m_preview);
    m_fullSizePreview = new PreviewDecoderField(settings.fullSizePreviews, this);
    addRow(QT_TR_NOOP("Full-size previews"), m_fullSizePreview);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(QString(), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Ελληνικά"), QStringLiteral("el"));
    addRow(QT_TR_NOOP("Language"), m_language);
    m_tabs->addTab(general, QString());
    m_servers = new ServersPage(m_tabs);
    m_tabs->addTab(m_servers, QString());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_device->setCurrentIndex(std::max(0, m_device->findData(settings.device)));
    m_dtype->setCurrentIndex(std::max(0, m_dtype->findData(settings.dtype)));
    m_threads->setValue(settings.threads);
    m_preview->setCurrentIndex(std::max(0, m_preview->findData(settings.previewEvery)));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    connect(m_device, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateDetected);
    connect(m_dtype, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateDetected);
    // The language changes at once, this dialog included; Cancel changes it back.
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { switchLanguage(m_language->currentData().toString()); });
    retranslate();
    resize(std::max(560, sizeHint().width()), sizeHint().height());
}

QLineEdit* SettingsDialog::folderField(const QString& objectName, const QString& value, QWidget*& row)
{
    row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(value, row);
    edit->setObjectName(objectName);
    edit->setMinimumWidth(320);
    auto* browse = new QToolButton(row);
    browse->setObjectName(objectName + QStringLiteral("Browse"));
    browse->setText(QStringLiteral("…"));
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    row->setFocusProxy(edit);
    connect(browse, &QToolButton::clicked, this, [this, edit] {
        const auto folder = QFileDialog::getExistingDirectory(this, tr("Choose a folder"), edit->text());
        if (!folder.isEmpty())
            edit->setText(folder);
    });
    m_browseButtons.append(browse);
    return edit;
}

void SettingsDialog::accept()
{
    // The servers are written only now: Cancel leaves them as they were.
    if (const auto problem = m_servers->apply(); !problem.isEmpty()) {
        m_tabs->setCurrentWidget(m_servers);
        QMessageBox::warning(this, tr("Servers"), tr("The servers could not be saved: %1").arg(problem));
        return;
    }
    QDialog::accept();
}

ServersPage* SettingsDialog::serversPage() const
{
    return m_servers;
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Preferences"));
    m_tabs->setTabText(0, tr("General"));
    m_tabs->setTabText(1, tr("Servers", "render servers"));
    for (const auto& [label, text] : std::as_const(m_labels))
        label->setText(tr(text));
    m_device->setItemText(0, tr("Automatic"));
    m_device->setItemText(1, tr("CPU"));
    m_device->setItemText(2, tr("NVIDIA GPU (CUDA)"));
    m_device->setItemText(3, tr("Apple GPU (MPS)"));
    m_device->setAccessibleName(tr("Device"));
    m_device->setToolTip(tr("Where pictures are computed"));
    m_dtype->setItemText(0, tr("Automatic"));
    m_dtype->setItemText(1, tr("Full (fp32)"));
    m_dtype->setItemText(2, tr("Half (fp16, GPU only)"));
    m_dtype->setItemText(3, tr("Faster (bf16)"));
    m_dtype->setAccessibleName(tr("Precision"));
    m_dtype->setToolTip(
        tr("Number precision: fp32 matches the reference exactly; bf16 is faster on recent CPUs"));
    m_threads->setSpecialValueText(tr("Automatic (%n)", nullptr, QThread::idealThreadCount()));
    m_threads->setAccessibleName(tr("Threads"));
    m_threads->setToolTip(tr("CPU threads the engine uses"));
    m_output->setAccessibleName(tr("Pictures folder"));
    m_output->setToolTip(tr("Every picture is saved here as a PNG with its parameters"));
    m_cache->setAccessibleName(tr("Model folder"));
    m_cache->setToolTip(tr("Downloaded models (several GB each) are kept here, shared with diffusers; "
                           "applies from the next start"));
    m_preview->setItemText(0, tr("Every step"));
    m_preview->setItemText(1, tr("Every 2nd step"));
    m_preview->setItemText(2, tr("Every 5th step"));
    m_preview->setItemText(3, tr("Off"));
    m_preview->setAccessibleName(tr("Live preview"));
    m_preview->setToolTip(tr("How often the forming picture is drawn"));
    m_language->setItemText(0, tr("As the system"));
    m_language->setAccessibleName(tr("Language"));
    m_language->setToolTip(tr("The language of Eikona's window"));
    for (auto* browse : std::as_const(m_browseButtons)) {
        browse->setAccessibleName(tr("Choose a folder"));
        browse->setToolTip(tr("Choose a folder"));
    }
    updateDetected();
}

void SettingsDialog::updateDetected()
{
    QString error;
    const auto described = backend::describeComputeTarget(m_device->currentData().toString(),
                                                          m_dtype->currentData().toString(), &error);
    m_detected->setText(described.isEmpty() ? tr("Not available here: %1").arg(error)
                                            : tr("Will run on: %1").arg(described));
}

void SettingsDialog::reject()
{
    switchLanguage(m_settings.language);
    QDialog::reject();
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

backend::AppSettings SettingsDialog::settings() const
{
    auto settings = m_settings;
    settings.device = m_device->currentData().toString();
    settings.dtype = m_dtype->currentData().toString();
    settings.threads = m_threads->value();
    settings.outputFolder = m_output->text().trimmed();
    settings.modelCache = m_cache->text().trimmed();
    settings.previewEvery = m_preview->currentData().toInt();
    settings.fullSizePreviews = m_fullSizePreview->useIt();
    settings.language = m_language->currentData().toString();
    return settings;
}

} // namespace eikona::ui
