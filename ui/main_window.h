#pragma once
// The application window: the generation panel (left dock), the canvas with the strip of this
// session's pictures (centre), the queue and the picture's details (right docks), menus,
// progress with ETA in the status bar. Jobs run on the JobRunner's thread; this window never
// waits on them.

#include "app_settings.h"
#include "generation_worker.h"
#include "generation_parameters.h"
#include "picture_metadata.h"
#include "results_strip.h"
#include "server_probe.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QDockWidget;
class QLabel;
class QMimeData;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;

namespace eikona::store {
class GalleryStore;
}

namespace eikona::backend {
class JobQueue;
class JobRunner;
} // namespace eikona::backend

namespace eikona::ui {

class CanvasView;
class GalleryView;
class InitImageIntake;
class ProgressStatus;
class ThumbnailCache;
class ErrorBar;
class GenerationPanel;
class PictureDetails;
class QueuePanel;

class MainWindow final : public QMainWindow {
    Q_OBJECT

  public:
    /// `queueFile`: where the queue lives (default: the app's data folder).
    explicit MainWindow(const QString& queueFile = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    GenerationPanel* panel() const;
    GalleryView* gallery() const;
    CanvasView* canvas() const;
    ResultsStrip* results() const;
    backend::JobQueue* queue() const;
    backend::JobRunner* runner() const;
    /// The message shown for the last failed job; empty when none.
    QString errorText() const;
    QString progressText() const;

    /// Adds the controls' job to the queue: at the front of the waiting jobs (`now`) or the end.
    /// Returns false (and says why) when there is no model or a value is refused.
    bool submit(bool now);
    void showFirstRunIfNeeded();
    /// Makes `path` the img2img input; its thumbnail is read off this thread, and a picture
    /// that cannot be read is refused with a message.
    void setInitImage(const QString& path);
    /// A dropped or pasted picture becomes the init image: local files (the first picture among
    /// the URLs), else image data (saved as a PNG first). Anything else is refused with a
    /// message and changes nothing.
    void takeImage(const QMimeData* data);

  protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

  private:
    void buildMenus();       // main_window_menus.cpp
    void retranslateMenus(); // main_window_menus.cpp
    void buildDocks();
    void retranslate();
    void updateMinimumSize();
    void connectRunner();  // main_window_runner.cpp
    void connectServers(); // main_window_servers.cpp
    void refreshServers();
    /// The model list: this computer's models, or the chosen server's checkpoints.
    void showModelsForTarget();
    /// Why a job cannot go to `target` yet (its checkpoints unknown, it did not answer); "".
    QString serverProblem(const QString& target) const;
    void connectGallery();
    void saveState();
    void restoreState();
    void reloadModels();
    void openInitImage();
    void offerParameters(const store::GenerationParameters& parameters);
    void takeInitImage(const QString& path, const QImage& thumbnail, const QSize& size,
                       const store::PictureMetadata& metadata);
    void refuseInitImage(const QString& path, const QString& detail);
    void addModel(bool file);
    void openPreferences();
    void applySettings();
    /// While nothing runs, has the worker load and warm up the model for the controls' size.
    void prepareModel();
    void showShortcuts();
    void showAbout();
    void showResult(const Result& result);
    void showError(backend::ErrorKind kind, const QString& detail);
    void clearError();
    void updateComputeLabel(const QString& override = {});
    void updateRunningState();
    void onProgress(qint64 id, const backend::GenerationProgress& progress);
    void resetLayout();

    backend::AppSettings m_settings;
    std::unique_ptr<backend::JobQueue> m_queue;
    backend::JobRunner* m_runner = nullptr;
    GenerationPanel* m_panel = nullptr;
    CanvasView* m_canvas = nullptr;
    ResultsStrip* m_results = nullptr;
    std::unique_ptr<store::GalleryStore> m_gallery;
    ThumbnailCache* m_thumbnails = nullptr;
    GalleryView* m_galleryView = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTimer* m_galleryReload = nullptr;
    QueuePanel* m_queuePanel = nullptr;
    QDockWidget* m_generationDock = nullptr;
    QDockWidget* m_queueDock = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    PictureDetails* m_details = nullptr;
    ProgressStatus* m_progress = nullptr;
    InitImageIntake* m_intake = nullptr;
    QLabel* m_computeLabel = nullptr;
    ErrorBar* m_errorBar = nullptr;
    QTimer* m_saveTimer = nullptr;
    QTimer* m_warmUpTimer = nullptr; ///< readies the model a moment after the controls settle
    QString m_warmedFor;             ///< the model, size and batch last readied
    QByteArray m_defaultLayout;
    std::optional<backend::GenerationJob> m_runningJob;
    QString m_computeDescription;
    backend::ServerProbe* m_probe = nullptr;
    QHash<QString, backend::ServerProbeResult> m_serverAnswers; ///< by server address
    struct MenuTexts;
    std::unique_ptr<MenuTexts> m_menus;
    bool m_firstRunShown = false;
};

} // namespace eikona::ui
