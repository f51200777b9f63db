#include "upright_scroll_area.h"

#include <QEvent>
#include <QScrollBar>

namespace eikona::ui {

UprightScrollArea::UprightScrollArea(QWidget* widget, QWidget* parent) : QScrollArea(parent)
{
    setWidget(widget);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    widget->installEventFilter(this);
}

QSize UprightScrollArea::minimumSizeHint() const
{
    const int width = widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width();
    return {width, QScrollArea::minimumSizeHint().height()};
}

QSize UprightScrollArea::sizeHint() const
{
    const auto hint = QScrollArea::sizeHint();
    return {std::max(hint.width(), minimumSizeHint().width()), hint.height()};
}

bool UprightScrollArea::eventFilter(QObject* watched, QEvent* event)
{
    // The widget's layout changed (new words, a new font): the dock asks again how wide to be.
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QScrollArea::eventFilter(watched, event);
}

} // namespace eikona::ui
