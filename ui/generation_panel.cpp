#include "generation_panel.h"

#include "generation_session.h"
#include "number_field.h"
#include "render_target_field.h"
#include "prompt_edit.h"
#include "prompt_tools.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace eikona::ui {

namespace {

struct SizePreset {
    int width;
    int height;
};
constexpr SizePreset k_sizePresets[] = {{512, 512},  {512, 768},  {768, 512}, {640, 640},
                                        {576, 1024}, {1024, 576}, {768, 768}};

QString settingsKey(const char* name)
{
    return QStringLiteral("generation/") + QLatin1String(name);
}

} // namespace

GenerationPanel::GenerationPanel(QWidget* parent) : QWidget(parent)
{
    std::shared_ptr<const backend::PromptTokenCounter> counter = backend::PromptTokenCounter::open();
    auto* layout = new QVBoxLayout(this);

    const auto promptHeader = [&](QLabel*& label, PromptEdit* edit) {
        auto* row = new QHBoxLayout;
        label = new QLabel(this);
        label->setBuddy(edit);
        row->addWidget(label);
        row->addStretch();
        row->addWidget(edit->counterLabel());
        layout->addLayout(row);
        layout->addWidget(edit);
    };
    m_prompt = new PromptEdit(counter, this);
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setMinimumHeight(96);
    promptHeader(m_promptLabel, m_prompt);
    m_negative = new PromptEdit(counter, this);
    m_negative->setObjectName(QStringLiteral("negativePromptEdit"));
    m_negative->setMinimumHeight(56);
    m_negative->setMaximumHeight(120);
    promptHeader(m_negativeLabel, m_negative);

    auto* targetRow = new QHBoxLayout;
    m_targetLabel = new QLabel(this);
    m_target = new RenderTargetField(this);
    m_target->setObjectName(QStringLiteral("renderTarget"));
    m_targetLabel->setBuddy(m_target->combo());
    targetRow->addWidget(m_targetLabel, 0, Qt::AlignTop | Qt::AlignLeft);
    targetRow->addWidget(m_target, 1);
    layout->addLayout(targetRow);

    auto* buttons = new QHBoxLayout;
    m_generate = new QPushButton(this);
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setDefault(true);
    QFont bold = m_generate->font();
    bold.setBold(true);
    m_generate->setFont(bold);
    m_generate->setMinimumHeight(34);
    m_queue = new QPushButton(this);
    m_queue->setObjectName(QStringLiteral("queueButton"));
    m_queue->setMinimumHeight(34);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setMinimumHeight(34);
    m_cancel->setEnabled(false);
    buttons->addWidget(m_generate, 2);
    buttons->addWidget(m_queue, 1);
    buttons->addWidget(m_cancel, 1);
    layout->addLayout(buttons);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);
    const auto addRow = [&](const char* text, QWidget* field) {
        auto* label = new QLabel(this);
        label->setBuddy(field->focusProxy() ? field->focusProxy() : field);
        m_labels.append({label, text});
        form->addRow(label, field);
    };

    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("modelCombo"));
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->setMinimumContentsLength(12);
    addRow(QT_TR_NOOP("Model"), m_model);
    m_sampler = new QComboBox(this);
    m_sampler->setObjectName(QStringLiteral("samplerCombo"));
    fillSamplers();
    //: The sampling method (Euler a, DPM++ 2M Karras…); the method names stay as they are
    addRow(QT_TR_NOOP("Sampler"), m_sampler);
    m_steps = new NumberField(1, 150, 1, 0, 0, this);
    m_steps->setObjectName(QStringLiteral("stepsField"));
    m_steps->setValue(25);
    //: The number of denoising steps the sampler takes (not walking steps)
    addRow(QT_TR_NOOP("Steps"), m_steps);
    m_cfg = new NumberField(1, 30, 0.5, 1, 0, this);
    m_cfg->setObjectName(QStringLiteral("cfgField"));
    m_cfg->setValue(7.5);
    //: Classifier-free guidance scale: how strongly the prompt steers the picture. CFG stays as it is
    addRow(QT_TR_NOOP("CFG scale"), m_cfg);
    m_width = new NumberField(64, 2048, 8, 0, 8, this);
    m_width->setObjectName(QStringLiteral("widthField"));
    m_width->setValue(512);
    addRow(QT_TR_NOOP("Width"), m_width);
    m_height = new NumberField(64, 2048, 8, 0, 8, this);
    m_height->setObjectName(QStringLiteral("heightField"));
    m_height->setValue(512);
    addRow(QT_TR_NOOP("Height"), m_height);

    auto* sizeRow = new QWidget(this);
    auto* sizeLayout = new QHBoxLayout(sizeRow);
    sizeLayout->setContentsMargins(0, 0, 0, 0);
    m_sizePresets = new QComboBox(sizeRow);
    m_sizePresets->setObjectName(QStringLiteral("sizePresetCombo"));
    m_swap = new QToolButton(sizeRow);
    m_swap->setObjectName(QStringLiteral("swapSizeButton"));
    m_swap->setText(QStringLiteral("⇅"));
    sizeLayout->addWidget(m_sizePresets, 1);
    sizeLayout->addWidget(m_swap);
    sizeRow->setFocusProxy(m_sizePresets);
    addRow(QT_TR_NOOP("Presets"), sizeRow);

    auto* seedRow = new QWidget(this);
    auto* seedLayout = new QHBoxLayout(seedRow);
    seedLayout->setContentsMargins(0, 0, 0, 0);
    m_seed = new QLineEdit(seedRow);
    m_seed->setObjectName(QStringLiteral("seedEdit"));
    m_seed->setText(QStringLiteral("-1"));
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-1|\\d{1,20}")), m_seed));
    m_randomSeed = new QToolButton(seedRow);
    m_randomSeed->setObjectName(QStringLiteral("randomSeedButton"));
    m_randomSeed->setText(QStringLiteral("⚄"));
    m_reuseSeed = new QToolButton(seedRow);
    m_reuseSeed->setObjectName(QStringLiteral("reuseSeedButton"));
    m_reuseSeed->setText(QStringLiteral("♻"));
    m_reuseSeed->setEnabled(false);
    seedLayout->addWidget(m_seed, 1);
    seedLayout->addWidget(m_randomSeed);
    seedLayout->addWidget(m_reuseSeed);
    seedRow->setFocusProxy(m_seed);
    //: The random-number seed a picture starts from (a number), not a plant's seed
    addRow(QT_TR_NOOP("Seed"), seedRow);

    m_batchSize = new NumberField(1, 8, 1, 0, 0, this);
    m_batchSize->setObjectName(QStringLiteral("batchSizeField"));
    addRow(QT_TR_NOOP("Batch size"), m_batchSize);
    m_batchCount = new NumberField(1, 100, 1, 0, 0, this);
    m_batchCount->setObjectName(QStringLiteral("batchCountField"));
    addRow(QT_TR_NOOP("Batch count"), m_batchCount);
    m_draft = new QCheckBox(this);
    m_draft->setObjectName(QStringLiteral("draftCheck"));
    form->addRow(QString(), m_draft);

    auto* initRow = new QWidget(this);
    auto* initLayout = new QHBoxLayout(initRow);
    initLayout->setContentsMargins(0, 0, 0, 0);
    m_initThumbnail = new QLabel(initRow);
    m_initThumbnail->setFixedSize(40, 40);
    m_initThumbnail->setFrameShape(QFrame::StyledPanel);
    m_initThumbnail->setAlignment(Qt::AlignCenter);
    m_initName = new QLabel(initRow);
    m_initName->setObjectName(QStringLiteral("initImageName"));
    m_initName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_initName->setWordWrap(true); // long file names and longer languages wrap instead of widening the panel
    m_initName->setMinimumWidth(80);
    m_openInit = new QToolButton(initRow);
    m_openInit->setObjectName(QStringLiteral("openInitImageButton"));
    m_clearInit = new QToolButton(initRow);
    m_clearInit->setObjectName(QStringLiteral("clearInitImageButton"));
    m_clearInit->setText(QStringLiteral("✕"));
    initLayout->addWidget(m_initThumbnail);
    initLayout->addWidget(m_initName, 1);
    initLayout->addWidget(m_openInit);
    initLayout->addWidget(m_clearInit);
    initRow->setFocusProxy(m_openInit);
    addRow(QT_TR_NOOP("Init image"), initRow);
    m_takeSize = new QCheckBox(this);
    m_takeSize->setObjectName(QStringLiteral("takeSizeCheck"));
    form->addRow(QString(), m_takeSize);
    m_strength = new NumberField(0.01, 1, 0.01, 2, 0, this);
    m_strength->setObjectName(QStringLiteral("strengthField"));
    m_strength->setValue(0.75);
    //: img2img denoising strength: how much the init image may change (0 to 1)
    addRow(QT_TR_NOOP("Strength"), m_strength);
    layout->addStretch();

    setInitImage({}, {});
    retranslate();
    setFocusProxy(m_prompt);

    connect(m_generate, &QPushButton::clicked, this, &GenerationPanel::generateRequested);
    connect(m_queue, &QPushButton::clicked, this, &GenerationPanel::queueRequested);
    connect(m_cancel, &QPushButton::clicked, this, &GenerationPanel::cancelRequested);
    connect(m_openInit, &QToolButton::clicked, this, &GenerationPanel::openImageRequested);
    connect(m_clearInit, &QToolButton::clicked, this, [this] { setInitImage({}, {}); });
    connect(m_swap, &QToolButton::clicked, this, [this] {
        const double width = m_width->value();
        m_width->setValue(m_height->value());
        m_height->setValue(width);
    });
    connect(m_sizePresets, &QComboBox::activated, this, &GenerationPanel::applyPreset);
    connect(m_randomSeed, &QToolButton::clicked, this, [this] { setSeed(std::nullopt); });
    connect(m_reuseSeed, &QToolButton::clicked, this, [this] { setSeed(m_lastSeed); });
    for (auto* edit : {m_prompt, m_negative})
        connect(edit, &QPlainTextEdit::textChanged, this, &GenerationPanel::changed);
    for (auto* field : {m_steps, m_cfg, m_width, m_height, m_strength, m_batchSize, m_batchCount})
        connect(field, &NumberField::valueChanged, this, &GenerationPanel::changed);
    connect(m_takeSize, &QCheckBox::toggled, this, &GenerationPanel::changed);
    connect(m_draft, &QCheckBox::toggled, this, &GenerationPanel::changed);
    for (auto* combo : {m_model, m_sampler})
        connect(combo, &QComboBox::currentIndexChanged, this, &GenerationPanel::changed);
    connect(m_sampler, &QComboBox::currentIndexChanged, this,
            [this] { m_target->setSampler(m_sampler->currentData().toString()); });
    m_target->setSampler(m_sampler->currentData().toString());
    connect(m_target, &RenderTargetField::targetChanged, this, [this](const QString& url) {
        updateDraft();
        Q_EMIT targetChanged(url);
        Q_EMIT changed();
    });
    connect(m_seed, &QLineEdit::textChanged, this, &GenerationPanel::changed);
}

void GenerationPanel::fillSamplers()
{
    for (const auto& id : backend::samplerIds())
        m_sampler->addItem(backend::samplerLabel(id), id); // sampler names stay as they are in every language
    m_sampler->setCurrentIndex(std::max(0, m_sampler->findData(QStringLiteral("euler_a"))));
}

void GenerationPanel::applyPreset(int index)
{
    if (index <= 0 || index > static_cast<int>(std::size(k_sizePresets)))
        return;
    m_width->setValue(k_sizePresets[index - 1].width);
    m_height->setValue(k_sizePresets[index - 1].height);
    m_sizePresets->setCurrentIndex(0);
}

void GenerationPanel::retranslate()
{
    for (const auto& [label, text] : std::as_const(m_labels))
        label->setText(tr(text));
    m_promptLabel->setText(tr("&Prompt"));
    m_negativeLabel->setText(tr("&Negative prompt"));
    m_prompt->setPlaceholderText(tr("Describe the picture: a lighthouse at dusk, (oil painting:1.2)"));
    m_prompt->setAccessibleName(tr("Prompt"));
    m_prompt->setToolTip(
        tr("What to draw. (word:1.3) gives a word more weight, [word] less; Ctrl+Up and Ctrl+Down change "
           "the weight of the selected words; BREAK starts a new 75-token chunk."));
    m_negative->setPlaceholderText(tr("What the picture should not contain"));
    m_negative->setAccessibleName(tr("Negative prompt"));
    m_negative->setToolTip(tr("What to steer away from, with the same syntax as the prompt."));
    m_targetLabel->setText(tr("&Render on"));
    m_generate->setText(tr("Generate"));
    m_generate->setToolTip(tr("Make the picture now, before the waiting jobs (Ctrl+Enter)"));
    m_generate->setAccessibleName(tr("Generate"));
    m_queue->setText(tr("Queue", "verb: add to the queue"));
    m_queue->setToolTip(tr("Add these settings to the end of the queue (Ctrl+Shift+Enter)"));
    m_queue->setAccessibleName(tr("Queue", "verb: add to the queue"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the picture being made; the queue goes on (Esc)"));
    m_cancel->setAccessibleName(tr("Cancel"));
    m_model->setAccessibleName(tr("Model"));
    m_model->setToolTip(
        tr("The Stable Diffusion 1.5 model to use: downloaded, or a folder or file on this computer"));
    m_sampler->setAccessibleName(tr("Sampler"));
    m_sampler->setToolTip(
        tr("The sampling method; Euler a and DPM++ 2M Karras give good pictures in 20–30 steps"));
    m_steps->describe(tr("Steps"), tr("Denoising steps: more take longer and add detail, up to a point"));
    m_cfg->describe(tr("CFG scale"), tr("How closely the picture follows the prompt (7 is a good start)"));
    m_width->describe(tr("Width"), tr("Width in pixels, a multiple of 8; SD 1.5 knows 512 best"));
    m_height->describe(tr("Height"), tr("Height in pixels, a multiple of 8; SD 1.5 knows 512 best"));
    m_sizePresets->clear();
    m_sizePresets->addItem(tr("Choose a size…"));
    for (const auto& preset : k_sizePresets)
        m_sizePresets->addItem(QStringLiteral("%1 × %2").arg(preset.width).arg(preset.height));
    m_sizePresets->setAccessibleName(tr("Size presets"));
    m_sizePresets->setToolTip(tr("Common sizes"));
    m_swap->setAccessibleName(tr("Swap width and height"));
    m_swap->setToolTip(tr("Swap width and height"));
    m_seed->setAccessibleName(tr("Seed"));
    m_seed->setToolTip(tr("The same seed and settings make the same picture; -1 draws a new one each time"));
    m_randomSeed->setAccessibleName(tr("Random seed"));
    m_randomSeed->setToolTip(tr("A new random seed for every picture (-1)"));
    m_reuseSeed->setAccessibleName(tr("Reuse the last seed"));
    m_reuseSeed->setToolTip(tr("Use the seed of the last picture made"));
    m_batchSize->describe(tr("Batch size"), tr("Pictures made together in one run (uses more memory)"));
    m_batchCount->describe(tr("Batch count"), tr("Runs one after another; each picture gets the next seed"));
    m_openInit->setText(tr("Open…"));
    m_openInit->setAccessibleName(tr("Open init image"));
    m_openInit->setToolTip(tr("Start from a picture (img2img)"));
    m_clearInit->setAccessibleName(tr("Clear init image"));
    m_clearInit->setToolTip(tr("Make pictures from the prompt alone again"));
    m_initThumbnail->setAccessibleName(tr("Init image preview"));
    if (m_initPath.isEmpty())
        m_initName->setText(tr("None: the picture starts from noise"));
    m_strength->describe(tr("Strength"), tr("How much the init image may change: 0 keeps it, 1 replaces it"));
    m_draft->setText(tr("Draft (quick decode)"));
    m_draft->setAccessibleName(tr("Draft"));
    m_draft->setToolTip(m_draft->isEnabled()
                            ? tr("The finished picture is decoded by TAESD: seconds faster, a "
                                 "little rougher")
                        : !m_target->target().isEmpty()
                            ? tr("A server decodes with its own VAE; drafts are made on this computer only")
                            : tr("Needs TAESD: Preferences ▸ Full-size previews ▸ Download"));
    m_takeSize->setText(tr("Use the init image's size"));
    m_takeSize->setAccessibleName(tr("Use the init image's size"));
    m_takeSize->setToolTip(tr("On: a new init image sets the width and height. Off: it is resized to them."));
}

void GenerationPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

backend::GenerationJob GenerationPanel::job() const
{
    backend::GenerationJob job;
    job.model = model();
    job.initImagePath = m_initPath;
    job.server = m_target->target();
    auto& request = job.request;
    request.prompt = m_prompt->text();
    request.negativePrompt = m_negative->text();
    request.steps = m_steps->intValue();
    request.cfgScale = m_cfg->value();
    request.width = m_width->intValue();
    request.height = m_height->intValue();
    request.sampler = m_sampler->currentData().toString();
    request.strength = m_strength->value();
    request.batchSize = m_batchSize->intValue();
    request.batchCount = m_batchCount->intValue();
    request.seed = seed().value_or(0);
    request.draft = m_draft->isEnabled() && m_draft->isChecked();
    return job;
}

std::optional<quint64> GenerationPanel::seed() const
{
    bool ok = false;
    const auto value = m_seed->text().toULongLong(&ok);
    return ok ? std::optional<quint64>(value) : std::nullopt;
}

void GenerationPanel::setSeed(std::optional<quint64> seed)
{
    m_seed->setText(seed ? QString::number(*seed) : QStringLiteral("-1"));
}

void GenerationPanel::setLastSeed(quint64 seed)
{
    m_lastSeed = seed;
    m_reuseSeed->setEnabled(true);
}

void GenerationPanel::applyParameters(const store::GenerationParameters& parameters)
{
    m_prompt->setText(parameters.prompt);
    m_negative->setText(parameters.negativePrompt);
    if (parameters.steps > 0)
        m_steps->setValue(parameters.steps);
    if (parameters.cfgScale > 0)
        m_cfg->setValue(parameters.cfgScale);
    if (parameters.width > 0 && parameters.height > 0) {
        m_width->setValue(parameters.width);
        m_height->setValue(parameters.height);
    }
    for (int i = 0; i < m_sampler->count(); ++i)
        if (m_sampler->itemText(i) == parameters.sampler)
            m_sampler->setCurrentIndex(i);
    if (parameters.denoisingStrength)
        m_strength->setValue(*parameters.denoisingStrength);
    m_draft->setChecked(std::any_of(parameters.extra.begin(), parameters.extra.end(), [](const auto& pair) {
        return pair.first == QStringLiteral("Draft") && pair.second == QStringLiteral("TAESD");
    }));
    setSeed(parameters.seed);
}

void GenerationPanel::applyJob(const backend::GenerationJob& job)
{
    const auto& request = job.request;
    m_target->setTarget(job.server);
    m_wantedModel = job.model; // a server's checkpoints may come later
    m_prompt->setText(request.prompt);
    m_negative->setText(request.negativePrompt);
    m_steps->setValue(request.steps);
    m_cfg->setValue(request.cfgScale);
    m_width->setValue(request.width);
    m_height->setValue(request.height);
    if (const int index = m_sampler->findData(request.sampler); index >= 0)
        m_sampler->setCurrentIndex(index);
    m_strength->setValue(request.strength);
    m_batchSize->setValue(request.batchSize);
    m_batchCount->setValue(request.batchCount);
    m_draft->setChecked(request.draft);
    setSeed(request.seed);
    if (const int index = m_model->findText(job.model); index >= 0)
        m_model->setCurrentIndex(index);
    setInitImage(job.initImagePath, {});
}

void GenerationPanel::setModels(const QStringList& names)
{
    const auto current = names.contains(m_wantedModel) ? m_wantedModel : model();
    if (names.contains(m_wantedModel))
        m_wantedModel.clear();
    const QSignalBlocker blocker(m_model);
    m_model->clear();
    m_model->addItems(names);
    if (const int index = m_model->findText(current); index >= 0)
        m_model->setCurrentIndex(index);
}

void GenerationPanel::selectModel(const QString& name)
{
    if (const int index = m_model->findText(name); index >= 0)
        m_model->setCurrentIndex(index);
}

QString GenerationPanel::model() const
{
    return m_model->currentText();
}

void GenerationPanel::setInitImage(const QString& path, const QImage& thumbnail, const QSize& size)
{
    if (!path.isEmpty() && size.isValid() && m_takeSize->isChecked()) {
        const auto fit = [](int pixels) { return std::clamp((pixels + 4) / 8 * 8, 64, 2048); };
        m_width->setValue(fit(size.width()));
        m_height->setValue(fit(size.height()));
    }
    m_initPath = path;
    m_initThumbnail->setPixmap(thumbnail.isNull() ? QPixmap() : QPixmap::fromImage(thumbnail));
    m_initThumbnail->setVisible(!path.isEmpty());
    m_clearInit->setEnabled(!path.isEmpty());
    m_strength->setEnabled(!path.isEmpty());
    m_initName->setText(path.isEmpty() ? tr("None: the picture starts from noise")
                                       : QFileInfo(path).fileName());
    m_initName->setToolTip(path);
    Q_EMIT changed();
}

QString GenerationPanel::initImage() const
{
    return m_initPath;
}

void GenerationPanel::setRunning(bool running)
{
    m_cancel->setEnabled(running);
}

void GenerationPanel::setDraftAvailable(bool available)
{
    m_draftAvailable = available;
    updateDraft();
}

// A draft is decoded here by TAESD: a server decodes with its own VAE.
void GenerationPanel::updateDraft()
{
    m_draft->setEnabled(m_draftAvailable && m_target->target().isEmpty());
    retranslate();
}

void GenerationPanel::setServers(const QList<backend::RenderServer>& servers)
{
    m_target->setServers(servers);
}

RenderTargetField* GenerationPanel::targetField() const
{
    return m_target;
}

void GenerationPanel::saveState(QSettings& settings) const
{
    const auto job = this->job();
    settings.setValue(settingsKey("prompt"), job.request.prompt);
    settings.setValue(settingsKey("negativePrompt"), job.request.negativePrompt);
    settings.setValue(settingsKey("steps"), job.request.steps);
    settings.setValue(settingsKey("cfgScale"), job.request.cfgScale);
    settings.setValue(settingsKey("width"), job.request.width);
    settings.setValue(settingsKey("height"), job.request.height);
    settings.setValue(settingsKey("sampler"), job.request.sampler);
    settings.setValue(settingsKey("strength"), job.request.strength);
    settings.setValue(settingsKey("batchSize"), job.request.batchSize);
    settings.setValue(settingsKey("batchCount"), job.request.batchCount);
    settings.setValue(settingsKey("seed"), m_seed->text());
    settings.setValue(settingsKey("model"), job.model);
    settings.setValue(settingsKey("target"), job.server);
    settings.setValue(settingsKey("initImage"), m_initPath);
    settings.setValue(settingsKey("takeInitSize"), m_takeSize->isChecked());
    settings.setValue(settingsKey("draft"), m_draft->isChecked());
}

void GenerationPanel::restoreState(const QSettings& settings)
{
    backend::GenerationJob job = this->job();
    auto& request = job.request;
    request.prompt = settings.value(settingsKey("prompt"), request.prompt).toString();
    request.negativePrompt = settings.value(settingsKey("negativePrompt"), request.negativePrompt).toString();
    request.steps = settings.value(settingsKey("steps"), request.steps).toInt();
    request.cfgScale = settings.value(settingsKey("cfgScale"), request.cfgScale).toDouble();
    request.width = settings.value(settingsKey("width"), request.width).toInt();
    request.height = settings.value(settingsKey("height"), request.height).toInt();
    request.sampler = settings.value(settingsKey("sampler"), request.sampler).toString();
    request.strength = settings.value(settingsKey("strength"), request.strength).toDouble();
    request.batchSize = settings.value(settingsKey("batchSize"), request.batchSize).toInt();
    request.batchCount = settings.value(settingsKey("batchCount"), request.batchCount).toInt();
    job.model = settings.value(settingsKey("model"), job.model).toString();
    job.server = settings.value(settingsKey("target")).toString();
    job.initImagePath = settings.value(settingsKey("initImage")).toString();
    applyJob(job);
    m_takeSize->setChecked(settings.value(settingsKey("takeInitSize"), false).toBool());
    m_draft->setChecked(settings.value(settingsKey("draft"), false).toBool());
    m_seed->setText(settings.value(settingsKey("seed"), QStringLiteral("-1")).toString());
    if (!m_seed->hasAcceptableInput())
        m_seed->setText(QStringLiteral("-1"));
}

PromptEdit* GenerationPanel::promptEdit() const
{
    return m_prompt;
}

PromptEdit* GenerationPanel::negativePromptEdit() const
{
    return m_negative;
}

} // namespace eikona::ui
