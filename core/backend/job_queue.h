#pragma once
// The waiting and running jobs, in order, as a table for the window's queue dock (prompt,
// size, steps, state). Every change is written to one JSON file at once and atomically
// (QSaveFile), so a quit, a crash or a kill -9 never loses a queued job: on the next start a
// job that was running comes back as waiting. A file that cannot be read is kept aside, never
// written over.

#include "generation_job.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace eikona::backend {

class JobQueue final : public QAbstractTableModel {
    Q_OBJECT

  public:
    /// Held: a job whose render server did not answer; it waits for the server, not its turn.
    enum class State { Waiting, Running, Held };
    enum Column { PromptColumn, SizeColumn, StepsColumn, TargetColumn, StateColumn, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1 };

    /// `file`: where the queue lives; read at once (a missing file is an empty queue).
    explicit JobQueue(QString file, QObject* parent = nullptr);

    /// What went wrong reading the file at start or writing it last; empty when all is well.
    QString lastError() const;

    /// Appends `job` (its id is set here) and returns the id.
    qint64 enqueue(GenerationJob job);
    /// Removes a job, waiting or running (the caller stops a running one). False when absent.
    bool remove(qint64 id);
    /// Removes a waiting job and returns it, e.g. to edit it back into the controls.
    std::optional<GenerationJob> take(qint64 id);
    /// Moves the job at row `from` so that it ends at row `to`.
    bool move(int from, int to);

    int size() const;
    const GenerationJob& job(int row) const;
    State state(int row) const;
    int rowOf(qint64 id) const;

    /// The first waiting job, marked running; nullopt when none waits.
    std::optional<GenerationJob> startNext();
    /// The running job, or nullopt.
    std::optional<qint64> runningId() const;
    /// A running job that ended (done, failed or cancelled) leaves the queue.
    void finish(qint64 id);
    /// The running job's server did not answer: it stays, held, with `reason` as its tooltip,
    /// and is passed over by startNext() until released.
    void hold(qint64 id, const QString& reason);
    /// Held jobs wait their turn again; returns how many there were.
    int releaseHeld();
    /// A job on a server: how many of its pictures are saved, and the prompt queued there for
    /// the next one (written at once, so a restart goes on from there).
    void recordServerProgress(qint64 id, int picturesDone, const QString& promptId, const QString& clientId);
    /// The names the Where column shows for server addresses (Settings ▸ Servers).
    void setServerNames(const QHash<QString, QString>& names);

    // QAbstractItemModel
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// The table's words are translated when asked for: after a language change, views ask again.
    void retranslate();
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

  Q_SIGNALS:
    /// After every change of jobs or their order (the file is written by then).
    void changed();

  private:
    struct Entry {
        GenerationJob job;
        State state = State::Waiting;
        QString heldBecause;
    };
    enum class SetAside { Move, Copy };
    /// Beyond any real queue (a job is under a kilobyte): a damaged or hostile file.
    static constexpr qint64 k_maxQueueFileBytes = 64 << 20;

    void load();
    void save();
    void setAside(const QString& problem, SetAside how);

    QString m_file;
    QString m_error;
    QList<Entry> m_entries;
    qint64 m_nextId = 1;
    QHash<QString, QString> m_serverNames;
};

} // namespace eikona::backend
