#include "format_text.h"

#include <QLocale>

namespace eikona::ui {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString formatDateTime(const QDateTime& when)
{
    const QLocale locale;
    auto date = locale.dateFormat(QLocale::ShortFormat);
    if (!date.contains(QStringLiteral("yyyy")))
        date.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    const auto time = locale.language() == QLocale::Greek ? QStringLiteral("HH:mm")
                                                          : locale.timeFormat(QLocale::ShortFormat);
    return locale.toString(when.date(), date) + u' ' + locale.toString(when.time(), time);
}

} // namespace eikona::ui
