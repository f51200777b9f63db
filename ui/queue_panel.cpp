#include "queue_panel.h"

#include "job_queue.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace eikona::ui {

QueuePanel::QueuePanel(backend::JobQueue* queue, QWidget* parent)
    : QWidget(parent), m_queue(queue), m_view(new QTableView(this))
{
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(queue);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->horizontalHeader()->setSectionResizeMode(backend::JobQueue::PromptColumn, QHeaderView::Stretch);
    for (int column = 1; column < backend::JobQueue::ColumnCount; ++column)
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    const auto button = [this](const char* name, const QString& glyph) {
        auto* b = new QToolButton(this);
        b->setObjectName(QLatin1String(name));
        b->setText(glyph);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    m_up = button("queueUpButton", QStringLiteral("▲"));
    m_down = button("queueDownButton", QStringLiteral("▼"));
    m_edit = button("queueEditButton", QString());
    m_remove = button("queueRemoveButton", QString());
    m_retry = button("queueRetryButton", QString());
    m_retry->hide();
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_up, &QToolButton::clicked, this, [this] {
        const int row = selectedRow();
        if (m_queue->move(row, row - 1))
            m_view->selectRow(row - 1);
    });
    connect(m_down, &QToolButton::clicked, this, [this] {
        const int row = selectedRow();
        if (m_queue->move(row, row + 1))
            m_view->selectRow(row + 1);
    });
    connect(m_edit, &QToolButton::clicked, this, [this] {
        if (const auto id = selectedId())
            Q_EMIT editRequested(*id);
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        if (const auto id = selectedId())
            Q_EMIT removeRequested(*id);
    });
    connect(m_retry, &QToolButton::clicked, this, &QueuePanel::retryRequested);
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (const auto id = selectedId())
            Q_EMIT editRequested(*id);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuePanel::updateButtons);
    connect(queue, &backend::JobQueue::changed, this, &QueuePanel::updateButtons);
    retranslate();
    updateButtons();
}

QTableView* QueuePanel::view() const
{
    return m_view;
}

void QueuePanel::retranslate()
{
    // The prompt column stretches, but never below its heading: a narrow dock scrolls instead.
    auto* header = m_view->horizontalHeader();
    header->setMinimumSectionSize(header->sectionSizeHint(backend::JobQueue::PromptColumn));
    m_view->setAccessibleName(tr("Job queue"));
    m_view->setToolTip(tr("Jobs run from the top; drag a row to change the order"));
    m_up->setAccessibleName(tr("Move up"));
    m_up->setToolTip(tr("Run this job earlier"));
    m_down->setAccessibleName(tr("Move down"));
    m_down->setToolTip(tr("Run this job later"));
    m_edit->setText(tr("Edit"));
    m_edit->setAccessibleName(tr("Edit job"));
    m_edit->setToolTip(tr("Take this waiting job out of the queue and back into the controls"));
    m_remove->setText(tr("Remove"));
    m_remove->setAccessibleName(tr("Remove job"));
    m_remove->setToolTip(tr("Remove the waiting job, or stop the running one"));
    m_retry->setText(tr("Try again"));
    m_retry->setAccessibleName(tr("Try the servers again"));
    m_retry->setToolTip(tr("Jobs whose server did not answer are tried again every minute; now"));
}

void QueuePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_queue->retranslate();
        retranslate();
    }
    QWidget::changeEvent(event);
}

void QueuePanel::setTargetColumnVisible(bool visible)
{
    m_view->setColumnHidden(backend::JobQueue::TargetColumn, !visible);
}

int QueuePanel::selectedRow() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

std::optional<qint64> QueuePanel::selectedId() const
{
    const int row = selectedRow();
    if (row < 0)
        return std::nullopt;
    return m_queue->job(row).id;
}

void QueuePanel::updateButtons()
{
    const int row = selectedRow();
    const bool running = row >= 0 && m_queue->state(row) == backend::JobQueue::State::Running;
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_queue->size());
    m_edit->setEnabled(row >= 0 && !running);
    m_remove->setEnabled(row >= 0);
    m_remove->setText(running ? tr("Stop") : tr("Remove"));
    bool held = false;
    for (int i = 0; i < m_queue->size(); ++i)
        held = held || m_queue->state(i) == backend::JobQueue::State::Held;
    m_retry->setVisible(held);
}

} // namespace eikona::ui
