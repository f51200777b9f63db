#pragma once
// The central canvas: the live preview while a picture forms (smoothly scaled, with its step),
// then the result, fit to the view or zoomed (wheel, +/-, double-click to fit).

#include <QImage>
#include <QWidget>

class QMimeData;

namespace eikona::ui {

class CanvasView final : public QWidget {
    Q_OBJECT

  public:
    explicit CanvasView(QWidget* parent = nullptr);

    /// A step's preview; `caption` is drawn over it ("Step 4 / 20"). `scale`: the picture's
    /// size over the preview's (8 for the latents' colours, 1 for a full-size preview).
    void showPreview(const QImage& preview, int scale, const QString& caption);
    /// A new caption over the preview shown (a step that brought no new preview).
    void setPreviewCaption(const QString& caption);
    void showImage(const QImage& image);
    void clear();
    QImage image() const;
    bool isPreview() const;
    double zoom() const; ///< 0: fit to the view
    void setZoom(double zoom);

  Q_SIGNALS:
    /// A picture (a file, image data, a gallery thumbnail) was dropped on the canvas.
    void dropped(const QMimeData* data);

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    QSizeF naturalSize() const;
    void retranslate();

    QImage m_image;
    QString m_caption;
    bool m_preview = false;
    int m_previewScale = 8;
    double m_zoom = 0;
};

} // namespace eikona::ui
