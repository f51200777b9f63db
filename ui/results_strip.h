#pragma once
// The pictures made since the app started, newest first, as a strip of thumbnails under the
// canvas. Selecting one shows it with its parameters.

#include "generation_parameters.h"

#include <QImage>
#include <QListWidget>

namespace eikona::ui {

struct Result {
    QString path;
    QImage image; ///< null for older results: read it from `path` (off the window's thread)
    store::GenerationParameters parameters;
};

class ResultsStrip final : public QListWidget {
    Q_OBJECT

  public:
    explicit ResultsStrip(QWidget* parent = nullptr);

    void addResult(const Result& result);
    const Result* result(int row) const;
    const Result* current() const;
    /// Marks the newest picture as the current one without announcing it (it is shown already).
    void selectNewest();

  Q_SIGNALS:
    void resultSelected(const eikona::ui::Result& result);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    QList<Result> m_results; ///< newest first, as the rows
};

} // namespace eikona::ui
