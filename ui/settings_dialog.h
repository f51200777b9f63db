#pragma once
// Preferences: device and dtype (with what this machine has), threads, where pictures and
// models go (shown plainly: multi-GB downloads must never land where nobody finds them),
// how often previews are drawn and whether at full size, and the language (switched as soon as it is chosen);
// on a tab of their own, the render servers (servers_page.h).

#include "app_settings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QToolButton;

namespace eikona::ui {
class PreviewDecoderField;
class ServersPage;
} // namespace eikona::ui

namespace eikona::ui {

class SettingsDialog final : public QDialog {
    Q_OBJECT

  public:
    explicit SettingsDialog(const backend::AppSettings& settings, QWidget* parent = nullptr);
    backend::AppSettings settings() const;
    ServersPage* serversPage() const;
    void accept() override;
    void reject() override;

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void updateDetected();
    QLineEdit* folderField(const QString& objectName, const QString& value, QWidget*& row);

    backend::AppSettings m_settings;
    QTabWidget* m_tabs;
    ServersPage* m_servers;
    QComboBox* m_device;
    QComboBox* m_dtype;
    QLabel* m_detected;
    QSpinBox* m_threads;
    QLineEdit* m_output;
    QLineEdit* m_cache;
    QComboBox* m_preview;
    PreviewDecoderField* m_fullSizePreview;
    QComboBox* m_language;
    QList<QPair<QLabel*, const char*>> m_labels;
    QList<QToolButton*> m_browseButtons;
};

} // namespace eikona::ui
