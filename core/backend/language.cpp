#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace eikona::backend {

namespace {

// Owned by the application object, so they go with it.
QPointer<QTranslator> g_eikona;
QPointer<QTranslator> g_qt;
QString g_current;

void removeTranslator(QPointer<QTranslator>& translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("el")};
}

QString resolveLanguage(const QString& setting, const QLocale& system)
{
    if (availableLanguages().contains(setting))
        return setting;
    return system.language() == QLocale::Greek ? QStringLiteral("el") : QStringLiteral("en");
}

QLocale localeFor(const QString& language, const QLocale& system)
{
    const QLocale wanted(language);
    if (system.language() == wanted.language())
        return system;
    return language == QStringLiteral("el") ? QLocale(QLocale::Greek, QLocale::Greece)
                                            : QLocale(QLocale::English, QLocale::UnitedStates);
}

bool applyLanguage(const QString& language)
{
    auto* app = QCoreApplication::instance();
    removeTranslator(g_eikona);
    removeTranslator(g_qt);
    bool complete = true;
    // English is a catalogue too: it carries the plural forms ("1 thread", "2 threads").
    g_eikona = new QTranslator(app);
    if (g_eikona->load(QStringLiteral(":/i18n/eikona_") + language)) {
        QCoreApplication::installTranslator(g_eikona);
    } else {
        delete g_eikona;
        complete = false;
    }
    // Qt's own words (standard buttons, file dialogs, text boxes' menus): Eikona carries the
    // Greek, Qt's installed catalogues serve the rest; English needs none.
    if (language != QStringLiteral("en")) {
        g_qt = new QTranslator(app);
        if (g_qt->load(QStringLiteral(":/i18n/qt_") + language) ||
            g_qt->load(QStringLiteral("qtbase_") + language,
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(g_qt);
        } else {
            delete g_qt;
            complete = false;
        }
    }
    QLocale::setDefault(localeFor(language));
    g_current = language;
    return complete;
}

QString currentLanguage()
{
    return g_current;
}

} // namespace eikona::backend
