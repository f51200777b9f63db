// A small XDND drag source for the real-window test: a window that, once the mouse is pressed
// on it and moved, drags the file named on its command line (as a file manager would), and
// prints what the drop target answered.

#include <QApplication>
#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>
#include <QUrl>
#include <QWidget>

#include <cstdio>

class DragSource final : public QWidget {
public:
    explicit DragSource(QString file) : m_file(std::move(file))
    {
        setWindowTitle(QStringLiteral("drag source"));
        resize(160, 60);
    }

protected:
    void mouseMoveEvent(QMouseEvent* event) override
    {
        if (!(event->buttons() & Qt::LeftButton) || m_dragging)
            return;
        m_dragging = true;
        auto* drag = new QDrag(this);
        auto* data = new QMimeData;
        data->setUrls({QUrl::fromLocalFile(m_file)});
        drag->setMimeData(data);
        const auto action = drag->exec(Qt::CopyAction);
        std::printf("dropped %d\n", static_cast<int>(action));
        std::fflush(stdout);
        QApplication::quit();
    }

private:
    QString m_file;
    bool m_dragging = false;
};

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc < 2)
        return 2;
    DragSource source(QString::fromLocal8Bit(argv[1]));
    source.show();
    return QApplication::exec();
}
