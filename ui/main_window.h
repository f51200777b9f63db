#pragma once

#include <QMainWindow>

class QLabel;
class QPlainTextEdit;

namespace eikona::ui {

/// The application window: prompt and negative prompt for now; generation, preview and the
/// gallery arrive with the pipeline.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Shown in the status bar: the engine's threads and BLAS.
    void setEngineSummary(const QString& summary);

private:
    QPlainTextEdit* m_prompt = nullptr;
    QPlainTextEdit* m_negativePrompt = nullptr;
    QLabel* m_engineLabel = nullptr;
};

} // namespace eikona::ui
