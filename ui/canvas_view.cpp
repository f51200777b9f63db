#include "canvas_view.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QMimeData>
#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace eikona::ui {

CanvasView::CanvasView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("canvas"));
    setMinimumSize(256, 256);
    setFocusPolicy(Qt::ClickFocus);
    setBackgroundRole(QPalette::Dark);
    setAutoFillBackground(true);
    setAcceptDrops(true);
    retranslate();
}

void CanvasView::retranslate()
{
    setAccessibleName(tr("Canvas"));
    setToolTip(tr("The picture being made, then the result. Wheel or +/- to zoom, double-click to fit. "
                  "Drop a picture here (or paste one with Ctrl+V) to start from it."));
    update();
}

void CanvasView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CanvasView::showPreview(const QImage& preview, int scale, const QString& caption)
{
    m_image = preview;
    m_caption = caption;
    m_preview = true;
    m_previewScale = std::max(1, scale);
    update();
}

void CanvasView::setPreviewCaption(const QString& caption)
{
    if (!m_preview || caption == m_caption)
        return;
    m_caption = caption;
    update();
}

void CanvasView::showImage(const QImage& image)
{
    m_image = image;
    m_caption.clear();
    m_preview = false;
    update();
}

void CanvasView::clear()
{
    m_image = {};
    m_caption.clear();
    m_preview = false;
    update();
}

QImage CanvasView::image() const
{
    return m_image;
}

bool CanvasView::isPreview() const
{
    return m_preview;
}

double CanvasView::zoom() const
{
    return m_zoom;
}

void CanvasView::setZoom(double zoom)
{
    m_zoom = zoom <= 0 ? 0 : std::clamp(zoom, 0.05, 16.0);
    update();
}

QSizeF CanvasView::naturalSize() const
{
    // A preview of the latents is 1/8 of the picture: it is shown at the picture's size.
    return QSizeF(m_image.size()) * (m_preview ? m_previewScale : 1);
}

void CanvasView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::BrightText));
        painter.drawText(
            rect(), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Type a prompt and press Generate (Ctrl+Enter).\nThe picture forms here, step by step."));
        return;
    }
    const QSizeF natural = naturalSize();
    const double fit = std::min(width() / natural.width(), height() / natural.height());
    const double scale = m_zoom > 0 ? m_zoom : fit;
    const QSizeF shown = natural * scale;
    const QRectF target((width() - shown.width()) / 2, (height() - shown.height()) / 2, shown.width(),
                        shown.height());
    if (m_preview && m_previewScale > 1) {
        // Eight times up: QImage's own smooth scaling (the painter draws such enlargements in blocks).
        painter.drawImage(target.topLeft(), m_image.scaled(target.size().toSize(), Qt::IgnoreAspectRatio,
                                                           Qt::SmoothTransformation));
    } else {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(target, m_image);
    }
    if (!m_caption.isEmpty()) {
        const auto metrics = painter.fontMetrics();
        const QRectF box(target.left() + 8, target.top() + 8, metrics.horizontalAdvance(m_caption) + 16,
                         metrics.height() + 8);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 150));
        painter.drawRoundedRect(box, 4, 4);
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, m_caption);
    }
}

void CanvasView::dragEnterEvent(QDragEnterEvent* event)
{
    // What it is exactly is checked on the drop, off the window's thread; here only its kind.
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void CanvasView::dropEvent(QDropEvent* event)
{
    Q_EMIT dropped(event->mimeData());
    event->acceptProposedAction();
}

void CanvasView::wheelEvent(QWheelEvent* event)
{
    if (m_image.isNull())
        return;
    const QSizeF natural = naturalSize();
    const double current =
        m_zoom > 0 ? m_zoom : std::min(width() / natural.width(), height() / natural.height());
    setZoom(current * std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent*)
{
    setZoom(m_zoom > 0 ? 0 : 1);
}

void CanvasView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)
        setZoom((m_zoom > 0 ? m_zoom : 1) * 1.25);
    else if (event->key() == Qt::Key_Minus)
        setZoom((m_zoom > 0 ? m_zoom : 1) / 1.25);
    else if (event->key() == Qt::Key_0)
        setZoom(0);
    else
        QWidget::keyPressEvent(event);
}

} // namespace eikona::ui
