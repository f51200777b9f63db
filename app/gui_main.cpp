// eikona: the desktop application.

#include "app_settings.h"
#include "engine_status.h"
#include "language.h"
#include "main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Eikona"));
    QApplication::setOrganizationName(QStringLiteral("Eikona"));
    QApplication::setApplicationVersion(QStringLiteral(EIKONA_VERSION));
    // The desktop entry's id: Wayland's app id, and how the desktop matches windows to the entry.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.eikona.Eikona"));
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    // "Open with Eikona" on a picture: it becomes the init image, its parameters offered.
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stable Diffusion 1.5 on your own computer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("picture"),
                                 QStringLiteral("A picture to start from (img2img)."),
                                 QStringLiteral("[picture]"));
    parser.process(app);
    const QString picture = parser.positionalArguments().value(0);

    const auto settings = eikona::backend::AppSettings::load();
    settings.applyModelCache(); // before anything asks where the models are
    eikona::backend::applyLanguage(eikona::backend::resolveLanguage(settings.language));

    qInfo("Eikona %s: %s", EIKONA_VERSION,
          qUtf8Printable(eikona::backend::configureEngine(settings.threads)));

    eikona::ui::MainWindow window;
    window.show();
    QTimer::singleShot(0, &window, &eikona::ui::MainWindow::showFirstRunIfNeeded);
    if (!picture.isEmpty())
        QTimer::singleShot(
            0, &window, [&window, picture] { window.setInitImage(QFileInfo(picture).absoluteFilePath()); });
    // For the start-up benchmark: the first turn of the event loop with the window shown.
    if (qEnvironmentVariableIsSet("EIKONA_QUIT_WHEN_READY"))
        QTimer::singleShot(0, &app, [] {
            std::fprintf(stderr, "eikona: window ready\n");
            std::fflush(stderr);
            QApplication::quit();
        });
    return QApplication::exec();
}
