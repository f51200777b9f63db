#include "results_strip.h"

#include <QEvent>
#include <QFileInfo>

namespace eikona::ui {

namespace {
constexpr int k_thumbnail = 96;
// Full pictures kept in memory for the newest results; older ones are read back from their file.
constexpr int k_keptImages = 12;
} // namespace

ResultsStrip::ResultsStrip(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("resultsStrip"));
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setMovement(QListView::Static);
    setIconSize(QSize(k_thumbnail, k_thumbnail));
    setGridSize(QSize(k_thumbnail + 12, k_thumbnail + 12));
    setUniformItemSizes(true);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setFixedHeight(k_thumbnail + 34);
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (const auto* picked = result(row))
            Q_EMIT resultSelected(*picked);
    });
    retranslate();
}

void ResultsStrip::retranslate()
{
    setAccessibleName(tr("Pictures made in this session"));
    setToolTip(tr("The pictures made since Eikona started; click one to see it and its parameters"));
}

void ResultsStrip::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QListWidget::changeEvent(event);
}

void ResultsStrip::addResult(const Result& result)
{
    m_results.prepend(result);
    if (m_results.size() > k_keptImages)
        m_results[k_keptImages].image = QImage();
    auto* item =
        new QListWidgetItem(QIcon(QPixmap::fromImage(result.image.scaled(
                                k_thumbnail, k_thumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation))),
                            QString());
    item->setToolTip(QFileInfo(result.path).fileName() + u'\n' + result.parameters.prompt);
    item->setData(Qt::AccessibleTextRole, QFileInfo(result.path).fileName());
    const QSignalBlocker blocker(this); // a new picture does not move the selection's display
    insertItem(0, item);
}

void ResultsStrip::selectNewest()
{
    const QSignalBlocker blocker(this);
    setCurrentRow(0);
}

const Result* ResultsStrip::result(int row) const
{
    return row >= 0 && row < m_results.size() ? &m_results[row] : nullptr;
}

const Result* ResultsStrip::current() const
{
    return result(currentRow());
}

} // namespace eikona::ui
