#pragma once
// A figure of this process from /proc/self/status ("RssAnon:", "VmHWM:"), in kB; -1 when absent.

#include <QFile>

#include <cstring>

inline qint64 procStatusKb(const char* key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const auto& line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(static_cast<int>(std::strlen(key))).trimmed().split(' ').first().toLongLong();
    return -1;
}
