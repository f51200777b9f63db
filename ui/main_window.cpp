#include "main_window.h"
#include "main_window_menus.h"

#include "canvas_view.h"
#include "error_bar.h"
#include "error_text.h"
#include "help_dialogs.h"
#include "init_image_intake.h"
#include "engine_status.h"
#include "first_run_dialog.h"
#include "format_text.h"
#include "gallery_store.h"
#include "gallery_view.h"
#include "generation_panel.h"
#include "thumbnail_cache.h"
#include "upright_scroll_area.h"
#include "job_queue.h"
#include "job_runner.h"
#include "picture_details.h"
#include "picture_file.h"
#include "progress_status.h"
#include "model_registry.h"
#include "picture_metadata.h"
#include "preview_decoder.h"
#include "prompt_edit.h"
#include "queue_panel.h"
#include "settings_dialog.h"

#include <QAction>
#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace eikona::ui {

namespace {

constexpr int k_layoutVersion = 1;
constexpr QSize k_minimumSize(960, 560);
constexpr const char* k_qtDockContext = "QDockWidget";

QString defaultQueueFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("queue.json"));
}

} // namespace

MainWindow::MainWindow(const QString& queueFile, QWidget* parent)
    : QMainWindow(parent), m_settings(backend::AppSettings::load()),
      m_queue(std::make_unique<backend::JobQueue>(queueFile.isEmpty() ? defaultQueueFile() : queueFile)),
      m_menus(std::make_unique<MenuTexts>())
{
    setObjectName(QStringLiteral("mainWindow"));
    m_runner = new backend::JobRunner(m_queue.get(), this);
    m_intake = new InitImageIntake(this);
    m_runner->setSettings(m_settings.workerSettings());

    // Centre: an error bar, the canvas and the strip of this session's pictures.
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    m_errorBar = new ErrorBar(centre);
    centreLayout->addWidget(m_errorBar);
    m_canvas = new CanvasView(centre);
    centreLayout->addWidget(m_canvas, 1);
    m_results = new ResultsStrip(centre);
    centreLayout->addWidget(m_results);
    // The gallery: the index of every picture, read on this thread (queries are milliseconds);
    // the worker writes through its own connection.
    m_gallery = std::make_unique<store::GalleryStore>(store::GalleryStore::defaultDatabase(),
                                                      QStringList{m_settings.outputFolder});
    m_thumbnails = new ThumbnailCache({}, 256LL * 1024 * 1024, this);
    m_galleryView = new GalleryView(m_gallery.get(), m_thumbnails, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(centre, QString());
    m_tabs->addTab(m_galleryView, QString());
    setCentralWidget(m_tabs);

    buildDocks();
    buildMenus();

    m_progress = new ProgressStatus(this);
    statusBar()->addWidget(m_progress, 1);
    m_computeLabel = new QLabel(this);
    m_computeLabel->setObjectName(QStringLiteral("computeLabel"));
    statusBar()->addPermanentWidget(m_computeLabel);

    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(500);
    connect(m_saveTimer, &QTimer::timeout, this, &MainWindow::saveState);
    connect(m_panel, &GenerationPanel::changed, m_saveTimer, qOverload<>(&QTimer::start));
    m_warmUpTimer = new QTimer(this);
    m_warmUpTimer->setSingleShot(true);
    m_warmUpTimer->setInterval(1500);
    connect(m_warmUpTimer, &QTimer::timeout, this, &MainWindow::prepareModel);
    connect(m_panel, &GenerationPanel::changed, m_warmUpTimer, qOverload<>(&QTimer::start));

    connectRunner();
    connectGallery();
    connectServers();
    reloadModels();
    applySettings();
    retranslate();
    m_defaultLayout = QMainWindow::saveState(k_layoutVersion);
    restoreState();
    updateRunningState();
    m_warmUpTimer->start(); // the model loads and warms up while the artist types
    m_panel->promptEdit()->setFocus();
    if (!m_queue->lastError().isEmpty())
        showError(backend::ErrorKind::Failed, m_queue->lastError());
    // Jobs left waiting from the last session start once the window is up.
    QTimer::singleShot(0, m_runner, &backend::JobRunner::startNext);
}

MainWindow::~MainWindow()
{
    m_runner->shutdown();
}

void MainWindow::buildDocks()
{
    m_panel = new GenerationPanel(this);
    m_generationDock = new QDockWidget(this);
    m_generationDock->setObjectName(QStringLiteral("generationDock"));
    // Small screens: the panel scrolls rather than squeezing its controls.
    // Only upright: the panel never gets narrower than its controls need, in either language.
    auto* scroll = new UprightScrollArea(m_panel, this);
    scroll->setObjectName(QStringLiteral("generationScroll"));
    m_generationDock->setWidget(scroll);
    m_generationDock->setMinimumWidth(340);
    addDockWidget(Qt::LeftDockWidgetArea, m_generationDock);

    m_queuePanel = new QueuePanel(m_queue.get(), this);
    m_queueDock = new QDockWidget(this);
    m_queueDock->setObjectName(QStringLiteral("queueDock"));
    m_queueDock->setWidget(m_queuePanel);
    addDockWidget(Qt::RightDockWidgetArea, m_queueDock);

    m_details = new PictureDetails(this);
    m_detailsDock = new QDockWidget(this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    splitDockWidget(m_queueDock, m_detailsDock, Qt::Vertical);
    resizeDocks({m_generationDock, m_queueDock}, {420, 340}, Qt::Horizontal);
    updateMinimumSize();

    connect(m_panel, &GenerationPanel::generateRequested, this, [this] { submit(true); });
    connect(m_panel, &GenerationPanel::queueRequested, this, [this] { submit(false); });
    connect(m_panel, &GenerationPanel::cancelRequested, this, [this] {
        if (const auto id = m_runner->runningJob())
            m_runner->cancel(*id);
    });
    connect(m_panel, &GenerationPanel::openImageRequested, this, &MainWindow::openInitImage);
    connect(m_queuePanel, &QueuePanel::removeRequested, this, [this](qint64 id) { m_runner->cancel(id); });
    connect(m_queuePanel, &QueuePanel::editRequested, this, [this](qint64 id) {
        if (const auto job = m_queue->take(id))
            m_panel->applyJob(*job);
    });
    connect(m_results, &ResultsStrip::resultSelected, this, &MainWindow::showResult);
    connect(m_canvas, &CanvasView::dropped, this, &MainWindow::takeImage);
    connect(m_intake, &InitImageIntake::accepted, this, &MainWindow::takeInitImage);
    connect(m_intake, &InitImageIntake::refused, this, &MainWindow::refuseInitImage);
    connect(m_details, &PictureDetails::useParametersRequested, m_panel, &GenerationPanel::applyParameters);
    connect(m_details, &PictureDetails::useSeedRequested, this,
            [this](quint64 seed) { m_panel->setSeed(seed); });
}

void MainWindow::connectGallery()
{
    m_galleryReload = new QTimer(this);
    m_galleryReload->setSingleShot(true);
    m_galleryReload->setInterval(300);
    connect(m_galleryReload, &QTimer::timeout, m_galleryView, &GalleryView::reload);
    connect(m_runner, &backend::JobRunner::imageSaved, m_galleryReload, qOverload<>(&QTimer::start));
    connect(m_galleryView, &GalleryView::pictureOpened, this, [this](const store::GalleryEntry& entry) {
        showResult({entry.path, {}, entry.parameters});
        m_tabs->setCurrentIndex(0);
    });
    connect(m_galleryView, &GalleryView::pictureSelected, this, [this](const store::GalleryEntry& entry) {
        m_details->showPicture(entry.path, entry.parameters);
    });
    connect(m_galleryView, &GalleryView::useParametersRequested, m_panel, &GenerationPanel::applyParameters);
    connect(m_galleryView, &GalleryView::useAsInitImageRequested, this, &MainWindow::setInitImage);
    connect(m_galleryView, &GalleryView::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    if (!m_gallery->isOpen())
        showError(backend::ErrorKind::Failed, m_gallery->lastError());
    // Pictures added or removed while the app was closed.
    m_galleryView->rescanInBackground();
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Eikona"));
    retranslateMenus();
    m_tabs->setTabText(0, tr("Picture"));
    m_tabs->setTabText(1, tr("Gallery"));
    m_generationDock->setWindowTitle(tr("Generation"));
    m_queueDock->setWindowTitle(tr("Queue"));
    m_detailsDock->setWindowTitle(tr("Picture"));
    // Qt names its docks' title buttons once, when they are made: named again in this language,
    // with Qt's own words (its catalogue, not Eikona's).
    const auto qtWords = [](const char* text) { return QCoreApplication::translate(k_qtDockContext, text); };
    for (auto* dock : {m_generationDock, m_queueDock, m_detailsDock}) {
        if (auto* button = dock->findChild<QAbstractButton*>(QStringLiteral("qt_dockwidget_floatbutton"))) {
            button->setAccessibleName(qtWords("Float"));
            button->setToolTip(qtWords("Undocks and re-attaches the dock widget"));
        }
        if (auto* button = dock->findChild<QAbstractButton*>(QStringLiteral("qt_dockwidget_closebutton"))) {
            button->setAccessibleName(qtWords("Close"));
            button->setToolTip(qtWords("Closes the dock widget"));
        }
    }
    updateComputeLabel();
    updateRunningState();
}

bool MainWindow::event(QEvent* event)
{
    const bool handled = QMainWindow::event(event);
    // The docks' new needs (other words, another language) reach the window as a layout request.
    if (event->type() == QEvent::LayoutRequest)
        updateMinimumSize();
    return handled;
}

void MainWindow::updateMinimumSize()
{
    // Below k_minimumSize the three columns cut their controls and the picture shrinks to a
    // stamp (the panel scrolls, so height matters less); a 1024 x 600 netbook screen still fits
    // it. Longer words need more: in Greek the docks' controls need about 1020 px, and a smaller
    // minimum would let a window manager lay the docks over the picture.
    setMinimumSize(k_minimumSize.expandedTo(minimumSizeHint()));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

bool MainWindow::submit(bool now)
{
    auto job = m_panel->job();
    if (job.onServer() && job.model.isEmpty()) {
        const auto answer = m_serverAnswers.constFind(job.server);
        const bool unreachable = answer != m_serverAnswers.constEnd() && answer->unreachable;
        const bool refused = answer != m_serverAnswers.constEnd() && !answer->error.isEmpty() && !unreachable;
        showError(unreachable ? backend::ErrorKind::ServerUnreachable
                  : refused   ? backend::ErrorKind::ServerRefused
                              : backend::ErrorKind::ModelMissing,
                  serverProblem(job.server));
        if (answer == m_serverAnswers.constEnd() || !answer->error.isEmpty())
            showModelsForTarget(); // ask again
        return false;
    }
    if (job.model.isEmpty()) {
        showError(backend::ErrorKind::ModelMissing, QStringLiteral("no model is selected"));
        showFirstRunIfNeeded();
        return false;
    }
    if (job.request.width % 8 != 0 || job.request.height % 8 != 0) {
        showError(backend::ErrorKind::BadRequest, QStringLiteral("the size must be a multiple of 8"));
        return false;
    }
    // A random seed is drawn now, so the queue shows and keeps the picture's own seed.
    job.request.seed = m_panel->seed().value_or(QRandomGenerator::global()->generate());
    const auto id = m_queue->enqueue(job);
    if (now) {
        const int firstWaiting = m_runner->runningJob() ? 1 : 0;
        m_queue->move(m_queue->rowOf(id), std::min(firstWaiting, m_queue->size() - 1));
    }
    saveState();
    m_runner->startNext();
    return true;
}

void MainWindow::showError(backend::ErrorKind kind, const QString& detail)
{
    const auto text = ErrorText::describe(kind);
    m_errorBar->showMessage(text, detail);
    qWarning("%s (%s)", qUtf8Printable(text), qUtf8Printable(detail)); // the log keeps what the bar showed
}

void MainWindow::clearError()
{
    m_errorBar->clear();
}

QString MainWindow::errorText() const
{
    return m_errorBar->text();
}

void MainWindow::showResult(const Result& result)
{
    m_details->showPicture(result.path, result.parameters);
    if (!result.image.isNull()) {
        m_canvas->showImage(result.image);
        return;
    }
    // An older picture is read from its file off this thread.
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher] {
        m_canvas->showImage(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([path = result.path] { return store::readPicture(path); }));
}

void MainWindow::openInitImage()
{
    const auto path =
        QFileDialog::getOpenFileName(this, tr("Start from a picture"), QString(),
                                     tr("Pictures (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)"));
    if (!path.isEmpty())
        setInitImage(path);
}

void MainWindow::setInitImage(const QString& path)
{
    m_intake->check(path); // the current init image stays until the new one proved readable
}

void MainWindow::takeInitImage(const QString& path, const QImage& thumbnail, const QSize& size,
                               const store::PictureMetadata& metadata)
{
    clearError();
    m_panel->setInitImage(path, thumbnail, size);
    if (metadata.source != store::PictureMetadata::Source::None && !metadata.parameters.prompt.isEmpty())
        offerParameters(metadata.parameters);
}

void MainWindow::refuseInitImage(const QString& path, const QString& detail)
{
    if (!path.isEmpty() && m_panel->initImage() == path) // restored from the last session, and gone since
        m_panel->setInitImage({}, {});
    showError(backend::ErrorKind::ImageUnreadable, detail);
}

void MainWindow::offerParameters(const store::GenerationParameters& parameters)
{
    QMessageBox box(
        QMessageBox::Question, tr("Restore its parameters?"),
        tr("This picture carries the parameters it was made with. Put them into the controls too?"),
        QMessageBox::NoButton, this);
    box.setInformativeText(parameters.prompt.left(300));
    auto* restore = box.addButton(tr("Restore the parameters"), QMessageBox::AcceptRole);
    box.addButton(tr("Only the picture"), QMessageBox::RejectRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == restore)
        m_panel->applyParameters(parameters);
}

void MainWindow::takeImage(const QMimeData* data)
{
    m_intake->take(data);
}

void MainWindow::reloadModels()
{
    if (m_panel->job().onServer())
        return; // the list shows the server's checkpoints
    QStringList names;
    for (const auto& model : store::ModelRegistry().models())
        names.append(model.name);
    m_panel->setModels(names);
}

void MainWindow::addModel(bool file)
{
    const auto path = file ? QFileDialog::getOpenFileName(this, tr("Choose a model file"), QString(),
                                                          tr("Safetensors checkpoints (*.safetensors)"))
                           : QFileDialog::getExistingDirectory(this, tr("Choose a diffusers model folder"));
    if (path.isEmpty())
        return;
    try {
        const auto entry = store::ModelRegistry().add(path);
        reloadModels();
        m_panel->selectModel(entry.name);
    } catch (const store::RegistryError& error) {
        showError(backend::ErrorKind::ModelBroken, QString::fromUtf8(error.what()));
    }
}

void MainWindow::showFirstRunIfNeeded()
{
    if (m_firstRunShown || !store::ModelRegistry().models().isEmpty())
        return;
    m_firstRunShown = true;
    FirstRunDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        reloadModels();
        m_panel->selectModel(dialog.model());
    }
    applySettings(); // TAESD may have come with the model
}

void MainWindow::openPreferences()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refreshServers();
    m_settings = dialog.settings();
    m_settings.save();
    applySettings();
    m_warmUpTimer->start(); // another device or precision loads the model anew
}

void MainWindow::prepareModel()
{
    if (m_runningJob || m_queue->size() > 0)
        return;
    const auto job = m_panel->job();
    if (job.model.isEmpty() || job.onServer())
        return;
    const auto key = QStringLiteral("%1\n%2x%3x%4\n%5\n%6")
                         .arg(job.model)
                         .arg(job.request.width)
                         .arg(job.request.height)
                         .arg(job.request.batchSize)
                         .arg(m_settings.device, m_settings.dtype);
    if (key == m_warmedFor)
        return;
    m_warmedFor = key;
    m_runner->prepare(job);
}

void MainWindow::applySettings()
{
    // The worker finds TAESD through these: a download just made counts from the next job.
    m_runner->setSettings(m_settings.workerSettings());
    m_panel->setDraftAvailable(!backend::cachedPreviewDecoder().isEmpty());
    updateComputeLabel();
}

void MainWindow::showShortcuts()
{
    HelpDialogs::showShortcuts(this);
}

void MainWindow::showAbout()
{
    HelpDialogs::showAbout(this, m_computeLabel->text());
}

void MainWindow::resetLayout()
{
    QMainWindow::restoreState(m_defaultLayout, k_layoutVersion);
    for (auto* dock : {m_generationDock, m_queueDock, m_detailsDock})
        dock->show();
}

void MainWindow::saveState()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState(k_layoutVersion));
    m_panel->saveState(settings);
    settings.sync();
}

void MainWindow::restoreState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        const auto available = screen() ? screen()->availableGeometry().size() : QSize(1400, 900);
        resize(std::min(1400, available.width() * 9 / 10), std::min(900, available.height() * 9 / 10));
    }
    QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), k_layoutVersion);
    m_panel->restoreState(settings);
    if (!m_panel->initImage().isEmpty())
        setInitImage(m_panel->initImage());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // A job on a server runs on there and is fetched at the next start: nothing to lose.
    if (m_runner->runningJob() && !(m_runningJob && m_runningJob->onServer())) {
        QMessageBox box(
            QMessageBox::Question, tr("Quit Eikona?"),
            tr("A picture is being made. Stop it and quit? The waiting jobs stay in the queue for the next "
               "start."),
            QMessageBox::NoButton, this);
        auto* quit = box.addButton(tr("Stop and quit"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(quit);
        box.exec();
        if (box.clickedButton() != quit) {
            event->ignore();
            return;
        }
    }
    saveState();
    m_runner->shutdown();
    event->accept();
}

GenerationPanel* MainWindow::panel() const
{
    return m_panel;
}

GalleryView* MainWindow::gallery() const
{
    return m_galleryView;
}

CanvasView* MainWindow::canvas() const
{
    return m_canvas;
}

ResultsStrip* MainWindow::results() const
{
    return m_results;
}

backend::JobQueue* MainWindow::queue() const
{
    return m_queue.get();
}

backend::JobRunner* MainWindow::runner() const
{
    return m_runner;
}

} // namespace eikona::ui
