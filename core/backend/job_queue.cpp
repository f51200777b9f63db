#include "job_queue.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QSaveFile>
#include <QUrl>

namespace eikona::backend {

namespace {

const QString k_mimeType = QStringLiteral("application/x-eikona-job-ids");

} // namespace

JobQueue::JobQueue(QString file, QObject* parent) : QAbstractTableModel(parent), m_file(std::move(file))
{
    load();
}

QString JobQueue::lastError() const
{
    return m_error;
}

void JobQueue::load()
{
    QFile file(m_file);
    if (!file.exists())
        return;
    if (file.size() > k_maxQueueFileBytes) {
        setAside(QStringLiteral("the queue %1 is %2 MB, more than any queue of jobs; it was not read")
                     .arg(m_file)
                     .arg(file.size() >> 20),
                 SetAside::Move);
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read the queue %1: %2").arg(m_file, file.errorString());
        return;
    }
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    if (!document.isObject()) {
        setAside(QStringLiteral("the queue %1 is not valid JSON: %2").arg(m_file, parseError.errorString()),
                 SetAside::Move);
        return;
    }
    const auto root = document.object();
    m_nextId = std::max<qint64>(1, root.value(QStringLiteral("nextId")).toInteger(1));
    for (const auto& value : root.value(QStringLiteral("jobs")).toArray()) {
        const auto job = jobFromJson(value.toObject());
        if (!job) {
            if (m_error.isEmpty())
                setAside(QStringLiteral("the queue %1 holds a job this version cannot read; it was skipped")
                             .arg(m_file),
                         SetAside::Copy);
            continue;
        }
        m_nextId = std::max(m_nextId, job->id + 1);
        m_entries.append(
            {*job, State::Waiting, {}}); // a job that was running when the app stopped runs again
    }
}

// A queue that cannot be read is not written over with what could: it is kept beside, named
// in the error, so the jobs in it can still be recovered by hand.
void JobQueue::setAside(const QString& problem, SetAside how)
{
    const auto base = m_file + QStringLiteral(".damaged-") +
                      QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    auto kept = base;
    for (int n = 2; QFileInfo::exists(kept); ++n)
        kept = base + QStringLiteral("-%1").arg(n);
    const bool done = how == SetAside::Move ? QFile::rename(m_file, kept) : QFile::copy(m_file, kept);
    m_error = done ? QStringLiteral("%1; it was kept as %2").arg(problem, kept) : problem;
}

void JobQueue::save()
{
    QJsonArray jobs;
    for (const auto& entry : std::as_const(m_entries))
        jobs.append(toJson(entry.job));
    const QJsonObject root{
        {QStringLiteral("version"), 1}, {QStringLiteral("nextId"), m_nextId}, {QStringLiteral("jobs"), jobs}};
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        m_error = QStringLiteral("cannot write the queue %1: %2").arg(m_file, file.errorString());
    else
        m_error.clear();
    Q_EMIT changed();
}

qint64 JobQueue::enqueue(GenerationJob job)
{
    job.id = m_nextId++;
    const auto row = static_cast<int>(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({job, State::Waiting, {}});
    endInsertRows();
    save();
    return job.id;
}

bool JobQueue::remove(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    save();
    return true;
}

std::optional<GenerationJob> JobQueue::take(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0 || m_entries[row].state == State::Running)
        return std::nullopt;
    auto job = m_entries[row].job;
    remove(id);
    return job;
}

bool JobQueue::move(int from, int to)
{
    const auto count = static_cast<int>(m_entries.size());
    if (from < 0 || from >= count || to < 0 || to >= count || from == to)
        return false;
    // beginMoveRows names the row the item goes before, in the old numbering.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return false;
    m_entries.move(from, to);
    endMoveRows();
    save();
    return true;
}

int JobQueue::size() const
{
    return static_cast<int>(m_entries.size());
}

const GenerationJob& JobQueue::job(int row) const
{
    return m_entries.at(row).job;
}

JobQueue::State JobQueue::state(int row) const
{
    return m_entries.at(row).state;
}

int JobQueue::rowOf(qint64 id) const
{
    for (int row = 0; row < size(); ++row)
        if (m_entries[row].job.id == id)
            return row;
    return -1;
}

std::optional<GenerationJob> JobQueue::startNext()
{
    if (runningId())
        return std::nullopt;
    for (int row = 0; row < size(); ++row) {
        if (m_entries[row].state != State::Waiting)
            continue;
        m_entries[row].state = State::Running;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        save();
        return m_entries[row].job;
    }
    return std::nullopt;
}

std::optional<qint64> JobQueue::runningId() const
{
    for (const auto& entry : m_entries)
        if (entry.state == State::Running)
            return entry.job.id;
    return std::nullopt;
}

void JobQueue::finish(qint64 id)
{
    remove(id);
}

void JobQueue::hold(qint64 id, const QString& reason)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_entries[row].state = State::Held;
    m_entries[row].heldBecause = reason;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT changed();
}

int JobQueue::releaseHeld()
{
    int released = 0;
    for (int row = 0; row < size(); ++row) {
        if (m_entries[row].state != State::Held)
            continue;
        m_entries[row].state = State::Waiting;
        m_entries[row].heldBecause.clear();
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        ++released;
    }
    if (released > 0)
        Q_EMIT changed();
    return released;
}

void JobQueue::recordServerProgress(qint64 id, int picturesDone, const QString& promptId,
                                    const QString& clientId)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    auto& job = m_entries[row].job;
    job.picturesDone = picturesDone;
    job.serverPromptId = promptId;
    job.serverClientId = clientId;
    save();
}

void JobQueue::setServerNames(const QHash<QString, QString>& names)
{
    m_serverNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, TargetColumn), index(rowCount() - 1, TargetColumn));
}

int JobQueue::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : size();
}

int JobQueue::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobQueue::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= size())
        return {};
    const auto& entry = m_entries[index.row()];
    const auto& request = entry.job.request;
    if (role == JobIdRole)
        return entry.job.id;
    if (role == Qt::ToolTipRole)
        return index.column() == StateColumn && entry.state == State::Held ? entry.heldBecause
               : index.column() == TargetColumn && entry.job.onServer()
                   ? entry.job.server + u'\n' + entry.job.model
                   : request.prompt;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case PromptColumn: // one line; the tooltip has all of it
        return request.prompt.trimmed().isEmpty() ? tr("(no prompt)") : request.prompt.simplified();
    case SizeColumn:
        return QStringLiteral("%1×%2").arg(request.width).arg(request.height);
    case StepsColumn: {
        const int images = request.batchSize * request.batchCount;
        return images > 1 ? tr("%1 × %n image(s)", "steps times images", images).arg(request.steps)
                          : QString::number(request.steps);
    }
    case TargetColumn:
        if (!entry.job.onServer())
            return tr("This computer");
        return m_serverNames.value(entry.job.server, QUrl(entry.job.server).host());
    case StateColumn:
        switch (entry.state) {
        case State::Running:
            return tr("Running");
        case State::Held:
            return tr("Server unreachable");
        case State::Waiting:
            break;
        }
        return tr("Waiting");
    default:
        return {};
    }
}

void JobQueue::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

QVariant JobQueue::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PromptColumn:
        return tr("Prompt");
    case SizeColumn:
        return tr("Size");
    case StepsColumn:
        return tr("Steps", "denoising steps");
    case TargetColumn:
        return tr("Where", "the computer or server a job runs on");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

Qt::ItemFlags JobQueue::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
}

Qt::DropActions JobQueue::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList JobQueue::mimeTypes() const
{
    return {k_mimeType};
}

QMimeData* JobQueue::mimeData(const QModelIndexList& indexes) const
{
    QList<qint64> ids;
    for (const auto& index : indexes)
        if (index.isValid() && !ids.contains(m_entries[index.row()].job.id))
            ids.append(m_entries[index.row()].job.id);
    QByteArray encoded;
    for (const auto id : ids)
        encoded += QByteArray::number(id) + '\n';
    auto* data = new QMimeData;
    data->setData(k_mimeType, encoded);
    return data;
}

bool JobQueue::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                               const QModelIndex&) const
{
    return action == Qt::MoveAction && data && data->hasFormat(k_mimeType);
}

bool JobQueue::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                            const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    int target = row >= 0 ? row : (parent.isValid() ? parent.row() : size());
    for (const auto& line : data->data(k_mimeType).split('\n')) {
        bool ok = false;
        const int from = rowOf(line.toLongLong(&ok));
        if (!ok || from < 0)
            continue;
        const int to = std::clamp(from < target ? target - 1 : target, 0, size() - 1);
        move(from, to);
        target = to + 1;
    }
    // The rows are moved here already. Answering false keeps the view from also removing the
    // dragged rows, which it does after a MoveAction drop it believes copied them.
    return false;
}

} // namespace eikona::backend
