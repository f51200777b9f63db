#pragma once
// A private X server (Xvfb) on a free display for the real-window tests, with xdotool to send
// real key and mouse events and ImageMagick's `import` to take screenshots from the server.
// Started by the test and stopped when destroyed.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

namespace eikona::testing {

class XServer {
  public:
    ~XServer()
    {
        if (m_xvfb.state() != QProcess::NotRunning) {
            m_xvfb.terminate();
            m_xvfb.waitForFinished(5000);
        }
    }

    /// Empty on success, else why not.
    QString start()
    {
        for (const auto* tool : {"Xvfb", "xdotool", "import"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                return QStringLiteral("%1 is not installed (installer/install-deps.sh installs it)")
                    .arg(QLatin1String(tool));
        for (int display = 90; display < 190; ++display) {
            if (QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(display)) ||
                QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display)))
                continue;
            m_display = QStringLiteral(":%1").arg(display);
            m_xvfb.start(QStringLiteral("Xvfb"),
                         {m_display, QStringLiteral("-screen"), QStringLiteral("0"),
                          QStringLiteral("1440x900x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
            if (!m_xvfb.waitForStarted(5000))
                return QStringLiteral("Xvfb did not start");
            QElapsedTimer timer;
            timer.start();
            while (timer.elapsed() < 10000 && m_xvfb.state() == QProcess::Running) {
                if (QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display)))
                    return {};
                QThread::msleep(50);
            }
            m_xvfb.kill();
            m_xvfb.waitForFinished();
        }
        return QStringLiteral("no free X display");
    }

    QString display() const { return m_display; }

    /// Empty while the server runs; else how it ended and the last it said (for a failure).
    QString problem()
    {
        if (m_xvfb.state() == QProcess::Running)
            return {};
        return QStringLiteral("Xvfb %1 is gone (exit %2, %3): %4")
            .arg(m_display)
            .arg(m_xvfb.exitCode())
            .arg(m_xvfb.exitStatus() == QProcess::CrashExit ? QStringLiteral("killed")
                                                            : QStringLiteral("exited"),
                 QString::fromLocal8Bit(m_xvfb.readAllStandardError().right(2000)));
    }

    /// Runs an X client (xdotool, import) on this display; its stdout, trimmed.
    QString run(const QString& program, const QStringList& arguments, int timeoutMs = 30000) const
    {
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DISPLAY"), m_display);
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

    /// The first window whose title matches `pattern` (a regular expression), waiting for it.
    QString waitForWindow(const QString& pattern, int timeoutMs = 30000) const
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            const auto ids =
                run(QStringLiteral("xdotool"), {QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                                                QStringLiteral("--name"), pattern});
            if (!ids.isEmpty())
                return ids.split(u'\n').first();
            QThread::msleep(100);
        }
        return {};
    }

    /// Gives `window` the keyboard focus (there is no window manager to do it).
    void focus(const QString& window) const
    {
        run(QStringLiteral("xdotool"), {QStringLiteral("windowfocus"), QStringLiteral("--sync"), window});
        QThread::msleep(200);
    }

    void type(const QString& text) const
    {
        run(QStringLiteral("xdotool"),
            {QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("15"), text});
    }

    void key(const QString& keys) const { run(QStringLiteral("xdotool"), {QStringLiteral("key"), keys}); }

    bool screenshot(const QString& path) const
    {
        run(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), path});
        return QFile::exists(path);
    }

  private:
    QProcess m_xvfb;
    QString m_display;
};

} // namespace eikona::testing
