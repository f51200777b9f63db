#pragma once
// Pictures coming in to start from (img2img): opened, dropped or pasted. Each is read whole
// off the window's thread before it is taken, so a file that is no picture, is cut short or
// would decode to gigabytes is refused with the reason and changes nothing.

#include "picture_metadata.h"

#include <QImage>
#include <QObject>

class QMimeData;

namespace eikona::ui {

class InitImageIntake final : public QObject {
    Q_OBJECT

  public:
    explicit InitImageIntake(QObject* parent = nullptr);

    static constexpr int k_thumbnail = 40;

    /// Reads `path`: accepted or refused follows.
    void check(const QString& path);
    /// What was dropped or pasted: the first local file among the URLs, else image data (saved
    /// as a PNG among the app's data first); anything else is refused.
    void take(const QMimeData* data);

  Q_SIGNALS:
    void accepted(const QString& path, const QImage& thumbnail, const QSize& size,
                  const eikona::store::PictureMetadata& metadata);
    /// `detail`: the reason, in the engine's English (the window words the kind).
    void refused(const QString& path, const QString& detail);
};

} // namespace eikona::ui

Q_DECLARE_METATYPE(eikona::store::PictureMetadata)
