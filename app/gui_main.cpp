// eikona: the desktop application.

#include "engine_status.h"
#include "main_window.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Eikona"));
    QApplication::setOrganizationName(QStringLiteral("Eikona"));
    QApplication::setApplicationVersion(QStringLiteral(EIKONA_VERSION));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("eikona"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    const QString engine = eikona::backend::configureEngine();
    qInfo("Eikona %s: %s", EIKONA_VERSION, qUtf8Printable(engine));

    eikona::ui::MainWindow window;
    window.setEngineSummary(engine);
    window.show();
    return QApplication::exec();
}
