#include "init_image_intake.h"

#include "picture_file.h"

#include <QDateTime>
#include <QDir>
#include <QFutureWatcher>
#include <QMimeData>
#include <QStandardPaths>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace eikona::ui {

namespace {

struct Checked {
    QImage thumbnail;
    QSize size;
    QString problem;
    store::PictureMetadata metadata;
};

// One full decode within the memory bound: it proves the file whole (a cut-short PNG can still
// give a thumbnail) and the thumbnail comes from it.
Checked checkPicture(const QString& path)
{
    Checked checked;
    const auto image = store::readPicture(path, 0, &checked.problem);
    if (image.isNull())
        return checked;
    checked.size = image.size();
    checked.thumbnail = image.scaled(InitImageIntake::k_thumbnail, InitImageIntake::k_thumbnail,
                                     Qt::KeepAspectRatio, Qt::SmoothTransformation);
    checked.metadata = store::readPictureMetadata(path);
    return checked;
}

} // namespace

InitImageIntake::InitImageIntake(QObject* parent) : QObject(parent)
{
}

void InitImageIntake::check(const QString& path)
{
    auto* watcher = new QFutureWatcher<Checked>(this);
    connect(watcher, &QFutureWatcher<Checked>::finished, this, [this, watcher, path] {
        const auto checked = watcher->result();
        watcher->deleteLater();
        if (checked.thumbnail.isNull())
            Q_EMIT refused(path, checked.problem);
        else
            Q_EMIT accepted(path, checked.thumbnail, checked.size, checked.metadata);
    });
    watcher->setFuture(QtConcurrent::run([path] { return checkPicture(path); }));
}

void InitImageIntake::take(const QMimeData* data)
{
    if (!data)
        return;
    if (data->hasUrls()) {
        QStringList urls;
        for (const auto& url : data->urls()) {
            if (url.isLocalFile()) {
                check(url.toLocalFile());
                return;
            }
            urls.append(url.toString());
        }
        Q_EMIT refused({}, QStringLiteral("only pictures on this computer can be used, not %1")
                               .arg(urls.join(QStringLiteral(", "))));
        return;
    }
    if (!data->hasImage()) {
        Q_EMIT refused({}, QStringLiteral("what was dropped or pasted is not a picture"));
        return;
    }
    const auto image = qvariant_cast<QImage>(data->imageData());
    const auto folder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                            .filePath(QStringLiteral("pasted"));
    const auto path =
        QDir(folder).filePath(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) +
                              QStringLiteral(".png"));
    auto* watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, path] {
        if (watcher->result())
            check(path);
        else
            Q_EMIT refused({}, QStringLiteral("cannot save the pasted picture as %1").arg(path));
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([image, folder, path] {
        return !image.isNull() && QDir().mkpath(folder) && image.save(path, "PNG");
    }));
}

} // namespace eikona::ui
