#pragma once
// Shown when no model is known: download Stable Diffusion 1.5 (its size said before anything
// starts, bytes, rate and ETA while it runs, cancel; a later start resumes; TAESD for
// full-size previews alongside, unless unticked) or pick a diffusers
// folder or .safetensors file on this computer. Failures are said in the window's words by
// their kind (the hub client's own English in the tooltip) and the dialog stays usable.

#include <QDialog>
#include <QElapsedTimer>

#include <memory>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace eikona::store {
struct DownloadProgress;
enum class HubFailure;
} // namespace eikona::store

namespace eikona::backend {
class ModelDownload;
}

namespace eikona::ui {

class FirstRunDialog final : public QDialog {
    Q_OBJECT

  public:
    /// `repoId`: what Download fetches (the standard SD 1.5 unless a test says otherwise).
    explicit FirstRunDialog(QWidget* parent = nullptr, const QString& repoId = {});
    ~FirstRunDialog() override;

    /// The registry name of the model now available (after accept()).
    QString model() const;
    /// What "Use a model folder/file…" does with the chosen path: registers it and closes, or
    /// says why it cannot be used and stays open.
    bool useLocalModel(const QString& path);
    QString errorText() const;
    /// A hub failure in the window's words.
    static QString failureText(store::HubFailure kind);

  protected:
    void changeEvent(QEvent* event) override;
    void reject() override;

  private:
    void retranslate();
    void fitHeight();
    void startDownload();
    void chooseLocal(bool file);
    void showProgress(const store::DownloadProgress& progress);
    void showFailure(store::HubFailure kind, const QString& message);

    void acceptWhenBothDone();

    std::unique_ptr<backend::ModelDownload> m_download;
    std::unique_ptr<backend::ModelDownload> m_previewDecoder; ///< TAESD, fetched beside the model
    QCheckBox* m_withPreviewDecoder;
    bool m_modelDone = false;
    bool m_previewDecoderPending = false; ///< started and not yet finished or failed
    QLabel* m_intro;
    QLabel* m_size;
    QPushButton* m_downloadButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QLabel* m_progressText;
    QLabel* m_error;
    QPushButton* m_folderButton;
    QPushButton* m_fileButton;
    QPushButton* m_laterButton;
    qint64 m_bytesToFetch = -1;
    QString m_model;
};

} // namespace eikona::ui
