#pragma once
// Preferences' "Full-size previews" row: whether TAESD draws the forming picture, whether it is
// here, and a Download button (about 10 MB, with progress; a failure said in words) when not.

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;

namespace eikona::store {
struct DownloadProgress;
enum class HubFailure;
} // namespace eikona::store

namespace eikona::backend {
class ModelDownload;
}

namespace eikona::ui {

class PreviewDecoderField final : public QWidget {
    Q_OBJECT

  public:
    explicit PreviewDecoderField(bool useIt, QWidget* parent = nullptr);
    ~PreviewDecoderField() override;

    bool useIt() const;
    QString stateText() const;
    void startDownload();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    QCheckBox* m_use;
    QLabel* m_state;
    QPushButton* m_download;
    std::unique_ptr<backend::ModelDownload> m_fetch;
    QString m_progress; ///< while downloading: "45%"
    QString m_failure;  ///< the last download's failure, in words
};

} // namespace eikona::ui
