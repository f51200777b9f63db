#pragma once
// A scroll area that scrolls only up and down: never narrower than its widget's minimum width,
// which it follows as that changes (another language's longer words, a larger font), so the
// dock around it widens instead of clipping the controls.

#include <QScrollArea>

namespace eikona::ui {

class UprightScrollArea final : public QScrollArea {
    Q_OBJECT

  public:
    explicit UprightScrollArea(QWidget* widget, QWidget* parent = nullptr);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace eikona::ui
