#include "format_text.h"

#include <QLocale>


namespace eikona::ui {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}


} // namespace eikona::ui
