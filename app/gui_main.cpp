// eikona: the desktop application.

#include "app_settings.h"
#include "engine_status.h"
#include "main_window.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Eikona"));
    QApplication::setOrganizationName(QStringLiteral("Eikona"));
    QApplication::setApplicationVersion(QStringLiteral(EIKONA_VERSION));

    const auto settings = eikona::backend::AppSettings::load();
    settings.applyModelCache(); // before anything asks where the models are
    const QLocale locale = settings.language.isEmpty() ? QLocale() : QLocale(settings.language);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    // English is a catalogue too: it carries the plural forms ("1 thread", "2 threads").
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("eikona"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral(":/i18n/eikona_en")))
        QApplication::installTranslator(&translator);

    qInfo("Eikona %s: %s", EIKONA_VERSION, qUtf8Printable(eikona::backend::configureEngine(settings.threads)));

    eikona::ui::MainWindow window;
    window.show();
    QTimer::singleShot(0, &window, &eikona::ui::MainWindow::showFirstRunIfNeeded);
    // For the start-up benchmark: the first turn of the event loop with the window shown.
    if (qEnvironmentVariableIsSet("EIKONA_QUIT_WHEN_READY"))
        QTimer::singleShot(0, &app, [] {
            std::fprintf(stderr, "eikona: window ready\n");
            std::fflush(stderr);
            QApplication::quit();
        });
    return QApplication::exec();
}
