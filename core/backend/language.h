#pragma once
// The window's language: which one the setting and the system ask for, and switching to it
// while the app runs — Eikona's catalogue, Qt's own strings (its Greek is Eikona's, as Qt ships
// none), and the default QLocale for numbers, sizes and dates. Installing the catalogues makes
// Qt send every widget QEvent::LanguageChange, so windows retranslate themselves.

#include <QLocale>
#include <QString>
#include <QStringList>

namespace eikona::backend {

/// The language codes Eikona speaks, in the order a chooser lists them.
QStringList availableLanguages();

/// "el" or "en" for a setting: empty means the system's (Greek for el_*, English otherwise).
QString resolveLanguage(const QString& setting, const QLocale& system = QLocale::system());

/// The locale that formats numbers and dates for `language`: the system's when it speaks that
/// language (en_GB keeps its dates), else the language's main one (el_GR, en_US).
QLocale localeFor(const QString& language, const QLocale& system = QLocale::system());

/// Switches the application to `language` ("el", "en"): replaces the installed catalogues and
/// sets the default QLocale. Needs a QCoreApplication. False when a catalogue is missing (the
/// source text, English, shows instead).
bool applyLanguage(const QString& language);

/// The language applied last; empty before the first applyLanguage().
QString currentLanguage();

} // namespace eikona::backend
