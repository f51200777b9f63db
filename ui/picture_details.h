#pragma once
// The Picture dock: the parameters of the picture on the canvas (copyable) and the buttons
// that fill the controls back from it.

#include "generation_parameters.h"

#include <QWidget>

#include <optional>

class QPlainTextEdit;
class QPushButton;

namespace eikona::ui {

class PictureDetails final : public QWidget {
    Q_OBJECT

  public:
    explicit PictureDetails(QWidget* parent = nullptr);

    void showPicture(const QString& path, const store::GenerationParameters& parameters);
    std::optional<store::GenerationParameters> parameters() const;

  Q_SIGNALS:
    void useParametersRequested(const eikona::store::GenerationParameters& parameters);
    void useSeedRequested(quint64 seed);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    QPlainTextEdit* m_text;
    QPushButton* m_useParameters;
    QPushButton* m_useSeed;
    std::optional<store::GenerationParameters> m_parameters;
};

} // namespace eikona::ui
