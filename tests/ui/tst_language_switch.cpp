// Greek and English switched live (offscreen): English → Greek → English changes every visible
// text, tooltip and accessible name of the main window, the gallery, the queue and the
// preferences, with no English word left in the Greek window; the Preferences' language choice
// switches at once and Cancel switches back; numbers follow the language's locale; Qt's own
// words (standard buttons, the file dialog, text boxes' menus) are Greek too; and in both
// languages, at the default size and at 1024×700, no label, button, tab, menu or column header
// is narrower than its text.

#include "app_settings.h"
#include "format_text.h"
#include "gallery_view.h"
#include "language.h"
#include "main_window.h"
#include "settings_dialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace eikona;

namespace {

/// Every text a person sees or hears of the visible widgets under `root` (and of its menus),
/// each with where it came from. Controls whose items are data (model names, file names,
/// sampler names, the languages' own names, the file dialog's folders) give only their
/// translatable parts.
QList<QPair<QString, QString>> visibleTexts(QWidget* root)
{
    QList<QPair<QString, QString>> texts;
    const auto add = [&](const QWidget* widget, const char* what, const QString& text) {
        if (!text.trimmed().isEmpty())
            texts.append({QStringLiteral("%1 %2.%3")
                              .arg(QLatin1String(widget->metaObject()->className()), widget->objectName(),
                                   QLatin1String(what)),
                          text});
    };
    auto widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (auto* widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(root) && widget != root)
            continue;
        if (widget->isWindow())
            add(widget, "windowTitle", widget->windowTitle());
        add(widget, "toolTip", widget->toolTip());
        add(widget, "accessibleName", widget->accessibleName());
        if (auto* label = qobject_cast<QLabel*>(widget))
            add(widget, "text", label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            add(widget, "text", button->text());
        if (auto* edit = qobject_cast<QLineEdit*>(widget))
            add(widget, "placeholderText", edit->placeholderText());
        if (auto* edit = qobject_cast<QPlainTextEdit*>(widget))
            add(widget, "placeholderText", edit->placeholderText());
        if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget))
            add(widget, "specialValueText", spin->specialValueText());
        if (auto* dock = qobject_cast<QDockWidget*>(widget))
            add(widget, "windowTitle", dock->windowTitle());
        if (auto* tabs = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                add(widget, "tab", tabs->tabText(i));
        if (auto* header = qobject_cast<QHeaderView*>(widget); header && header->model())
            for (int i = 0; i < header->count(); ++i)
                add(widget, "section", header->model()->headerData(i, header->orientation()).toString());
        if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            static const QStringList dataCombos{QStringLiteral("modelCombo"), QStringLiteral("samplerCombo"),
                                                QStringLiteral("languageCombo"),
                                                QStringLiteral("lookInCombo")};
            static const QStringList filters{QStringLiteral("galleryModelFilter"),
                                             QStringLiteral("galleryFolderFilter"),
                                             QStringLiteral("gallerySizeFilter")};
            const int items = dataCombos.contains(combo->objectName()) ? 0
                              : filters.contains(combo->objectName())  ? 1
                                                                       : combo->count();
            for (int i = 0; i < items; ++i)
                add(widget, "item", combo->itemText(i));
        }
        if (auto* bar = qobject_cast<QMenuBar*>(widget)) {
            const auto menus = bar->actions();
            for (auto* menuAction : menus) {
                add(widget, "menu", menuAction->text());
                if (menuAction->menu()) {
                    const auto items = menuAction->menu()->actions();
                    for (auto* action : items)
                        add(widget, "menuItem", action->text());
                }
            }
        }
    }
    return texts;
}

/// The words of `text` that are English: Latin words other than names, codes and keys.
QStringList englishWords(const QString& text)
{
    static const QSet<QString> kept{
        QStringLiteral("Eikona"),    QStringLiteral("CFG"),         QStringLiteral("PNG"),
        QStringLiteral("JPEG"),      QStringLiteral("WebP"),        QStringLiteral("ZIP"),
        QStringLiteral("HTML"),      QStringLiteral("EXIF"),        QStringLiteral("SD"),
        QStringLiteral("CPU"),       QStringLiteral("GPU"),         QStringLiteral("CUDA"),
        QStringLiteral("MPS"),       QStringLiteral("NVIDIA"),      QStringLiteral("Apple"),
        QStringLiteral("fp32"),      QStringLiteral("fp16"),        QStringLiteral("bf16"),
        QStringLiteral("Ctrl"),      QStringLiteral("Shift"),       QStringLiteral("Enter"),
        QStringLiteral("Esc"),       QStringLiteral("Delete"),      QStringLiteral("A1111"),
        QStringLiteral("ComfyUI"),   QStringLiteral("InvokeAI"),    QStringLiteral("Hugging"),
        QStringLiteral("Face"),      QStringLiteral("Stable"),      QStringLiteral("Diffusion"),
        QStringLiteral("BREAK"),     QStringLiteral("CLIP"),        QStringLiteral("img2img"),
        QStringLiteral("Euler"),     QStringLiteral("DPM"),         QStringLiteral("Karras"),
        QStringLiteral("diffusers"), QStringLiteral("GB"),          QStringLiteral("MB"),
        QStringLiteral("TAESD"),     QStringLiteral("madebyollin"), QStringLiteral("taesd")};
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z0-9]*"));
    static const QRegularExpression markup(QStringLiteral("<[^>]*>|&[a-z]+;"));
    QString plain = text;
    plain.remove(markup).remove(u'&');
    QStringList english;
    for (const auto& match : word.globalMatch(plain))
        if (match.capturedLength() > 1 &&
            !kept.contains(match.captured())) // one letter: a key (F, Ctrl+V) or a code (2M)
            english.append(match.captured());
    return english;
}

/// Widgets whose text does not fit: "what: text (needs N px, has M)".
QStringList cutOff(QWidget* root)
{
    QStringList problems;
    const auto check = [&](const QWidget* widget, const QString& text, int needed, int has) {
        if (needed > has)
            problems.append(
                QStringLiteral("%1 %2: \"%3\" needs %4 px, has %5")
                    .arg(QLatin1String(widget->metaObject()->className()), widget->objectName(), text)
                    .arg(needed)
                    .arg(has));
    };
    auto widgets = root->findChildren<QWidget*>();
    for (auto* widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(root) || widget->width() <= 0)
            continue;
        // Inside its parent: a control that runs past its parent's right edge is clipped there.
        if (auto* parent = widget->parentWidget(); parent && !widget->isWindow() &&
                                                   !qobject_cast<QScrollArea*>(parent->parentWidget()) &&
                                                   widget->width() > 0 && parent->width() > 0)
            check(widget, widget->objectName(), widget->geometry().right() + 1, parent->width());
        if (auto* label = qobject_cast<QLabel*>(widget);
            label && !label->wordWrap() && !label->text().isEmpty() && label->pixmap().isNull())
            check(label, label->text(), label->sizeHint().width(), label->width());
        else if (auto* button = qobject_cast<QAbstractButton*>(widget); button && !button->text().isEmpty())
            check(button, button->text(), button->sizeHint().width(), button->width());
        else if (auto* combo = qobject_cast<QComboBox*>(widget);
                 combo && combo->objectName() != QStringLiteral("modelCombo"))
            check(combo, combo->currentText(),
                  combo->fontMetrics().horizontalAdvance(combo->currentText()) + 24, combo->width());
        else if (auto* tabs = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                check(tabs, tabs->tabText(i), tabs->fontMetrics().horizontalAdvance(tabs->tabText(i)),
                      tabs->tabRect(i).width());
        else if (auto* header = qobject_cast<QHeaderView*>(widget);
                 header && header->model() && header->orientation() == Qt::Horizontal)
            for (int i = 0; i < header->count(); ++i) {
                const auto text = header->model()->headerData(i, Qt::Horizontal).toString();
                check(header, text, header->sectionSizeHint(i), header->sectionSize(i));
            }
        else if (auto* scroll = qobject_cast<QScrollArea*>(widget);
                 scroll && scroll->widget() && scroll->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff)
            // Only upright: the content must fit across, or its right edge is clipped.
            check(scroll, scroll->objectName(), scroll->widget()->minimumSizeHint().width(),
                  scroll->viewport()->width());
        else if (auto* bar = qobject_cast<QMenuBar*>(widget)) {
            const auto menus = bar->actions();
            for (auto* action : menus) {
                const auto place = bar->actionGeometry(action);
                check(bar, action->text(), place.isEmpty() ? 1 : place.right(), bar->width() - 1);
            }
        }
    }
    return problems;
}

} // namespace

class TestLanguageSwitch : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        backend::AppSettings settings;
        settings.outputFolder = m_home.filePath(QStringLiteral("pictures"));
        settings.save();
        backend::applyLanguage(QStringLiteral("en"));
    }

    void cleanup()
    {
        m_window.reset();
        backend::applyLanguage(QStringLiteral("en"));
    }

    void theLanguageFollowsTheSettingOrTheSystem()
    {
        QCOMPARE(backend::resolveLanguage(QString(), QLocale(QLocale::Greek, QLocale::Greece)),
                 QStringLiteral("el"));
        QCOMPARE(backend::resolveLanguage(QString(), QLocale(QLocale::German, QLocale::Germany)),
                 QStringLiteral("en"));
        QCOMPARE(backend::resolveLanguage(QStringLiteral("en"), QLocale(QLocale::Greek, QLocale::Greece)),
                 QStringLiteral("en"));
        QCOMPARE(
            backend::resolveLanguage(QStringLiteral("el"), QLocale(QLocale::English, QLocale::UnitedKingdom)),
            QStringLiteral("el"));
        QCOMPARE(backend::resolveLanguage(QStringLiteral("xx"), QLocale(QLocale::French, QLocale::France)),
                 QStringLiteral("en"));
        // A British English system keeps its own dates in English.
        QCOMPARE(backend::localeFor(QStringLiteral("en"), QLocale(QLocale::English, QLocale::UnitedKingdom))
                     .territory(),
                 QLocale::UnitedKingdom);
        QCOMPARE(backend::localeFor(QStringLiteral("el"), QLocale(QLocale::English, QLocale::UnitedKingdom))
                     .territory(),
                 QLocale::Greece);
    }

    void numbersSizesAndTimesFollowTheLanguage()
    {
        QVERIFY(backend::applyLanguage(QStringLiteral("el")));
        QCOMPARE(QLocale().toString(1234.5, 'f', 1), QStringLiteral("1.234,5"));
        QCOMPARE(ui::formatBytes(2'100'000'000), QStringLiteral("2,1 GB"));
        // Greek is written with the 24-hour clock (CLDR's "h:mm π.μ." is not what people use).
        const QDateTime afternoon(QDate(2026, 12, 2), QTime(17, 5));
        QCOMPARE(ui::formatDateTime(afternoon), QStringLiteral("2/12/2026 17:05"));
        QVERIFY(backend::applyLanguage(QStringLiteral("en")));
        QCOMPARE(ui::formatBytes(2'100'000'000), QStringLiteral("2.1 GB"));
        QVERIFY(ui::formatDateTime(afternoon).contains(
            QStringLiteral("2026"))); // the English system's own order and clock
    }

    void englishGreekEnglishChangesEveryVisibleText_data()
    {
        QTest::addColumn<int>("tab");
        QTest::newRow("picture") << 0;
        QTest::newRow("gallery") << 1;
    }

    void englishGreekEnglishChangesEveryVisibleText()
    {
        QFETCH(int, tab);
        showWindow(QSize(1400, 900));
        m_window->findChild<QTabWidget*>(QStringLiteral("centralTabs"))->setCurrentIndex(tab);
        QApplication::processEvents();
        const auto english = visibleTexts(m_window.get());
        QVERIFY(english.size() > 30);

        QVERIFY(backend::applyLanguage(QStringLiteral("el")));
        QApplication::processEvents();
        const auto greek = visibleTexts(m_window.get());
        QCOMPARE(greek.size(), english.size());
        QStringList left;
        for (const auto& [where, text] : greek)
            if (const auto words = englishWords(text); !words.isEmpty())
                left.append(QStringLiteral("%1: \"%2\" (%3)").arg(where, text, words.join(u' ')));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
        QVERIFY(greek != english);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Eikona"));

        QVERIFY(backend::applyLanguage(QStringLiteral("en")));
        QApplication::processEvents();
        QCOMPARE(visibleTexts(m_window.get()), english);
    }

    void thePreferencesSwitchAtOnceAndCancelSwitchesBack()
    {
        showWindow(QSize(1400, 900));
        const auto generate = m_window->findChild<QPushButton*>(QStringLiteral("generateButton"));
        QCOMPARE(generate->text(), QStringLiteral("Generate"));
        ui::SettingsDialog dialog(backend::AppSettings::load(), m_window.get());
        dialog.show();
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("el")));
        QApplication::processEvents();
        QCOMPARE(backend::currentLanguage(), QStringLiteral("el"));
        QCOMPARE(generate->text(), QStringLiteral("Δημιουργία"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Προτιμήσεις"));
        QStringList left;
        for (const auto& [where, text] : visibleTexts(&dialog))
            if (const auto words = englishWords(text); !words.isEmpty())
                left.append(QStringLiteral("%1: \"%2\"").arg(where, text));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
        QCOMPARE(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)->text(),
                 QStringLiteral("Ακύρωση"));
        QCOMPARE(dialog.settings().language, QStringLiteral("el")); // what OK keeps
        dialog.reject();
        QApplication::processEvents();
        QCOMPARE(backend::currentLanguage(), QStringLiteral("en"));
        QCOMPARE(generate->text(), QStringLiteral("Generate"));
    }

    void qtsOwnWordsAreGreekToo()
    {
        QVERIFY(backend::applyLanguage(QStringLiteral("el")));
        QMessageBox box(QMessageBox::Question, QStringLiteral("Ερώτηση"), QStringLiteral("Ερώτηση;"),
                        QMessageBox::Yes | QMessageBox::No | QMessageBox::Save | QMessageBox::Discard |
                            QMessageBox::Cancel);
        QCOMPARE(box.button(QMessageBox::Yes)->text().remove(u'&'), QStringLiteral("Ναι"));
        QCOMPARE(box.button(QMessageBox::No)->text().remove(u'&'), QStringLiteral("Όχι"));
        QCOMPARE(box.button(QMessageBox::Cancel)->text().remove(u'&'), QStringLiteral("Ακύρωση"));
        QCOMPARE(box.button(QMessageBox::Save)->text().remove(u'&'), QStringLiteral("Αποθήκευση"));
        QLineEdit edit;
        std::unique_ptr<QMenu> menu(edit.createStandardContextMenu());
        QStringList items;
        const auto actions = menu->actions();
        for (auto* action : actions)
            if (!action->isSeparator())
                items.append(action->text().section(u'\t', 0, 0).remove(u'&')); // the shortcut follows a tab
        QVERIFY2(items.contains(QStringLiteral("Επικόλληση")) && items.contains(QStringLiteral("Αναίρεση")),
                 qPrintable(items.join(u',')));
        QPlainTextEdit text;
        std::unique_ptr<QMenu> textMenu(text.createStandardContextMenu());
        QCOMPARE(textMenu->actions().first()->text().section(u'\t', 0, 0).remove(u'&'),
                 QStringLiteral("Αναίρεση"));
        QFileDialog dialog(nullptr, QStringLiteral("Άνοιγμα"));
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.show();
        QApplication::processEvents();
        QStringList left;
        for (const auto& [where, said] : visibleTexts(&dialog))
            if (const auto words = englishWords(said); !words.isEmpty())
                left.append(QStringLiteral("%1: \"%2\"").arg(where, said));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
    }

    void noTextIsCutOff_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("tab");
        for (const auto* language : {"en", "el"})
            for (const auto& size : {QSize(1400, 900), QSize(1024, 700)})
                for (int tab : {0, 1})
                    QTest::addRow("%s %dx%d %s", language, size.width(), size.height(),
                                  tab == 0 ? "picture" : "gallery")
                        << QString::fromLatin1(language) << size << tab;
    }

    void noTextIsCutOff()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QFETCH(int, tab);
        QVERIFY(backend::applyLanguage(language));
        showWindow(size);
        m_window->findChild<QTabWidget*>(QStringLiteral("centralTabs"))->setCurrentIndex(tab);
        QApplication::processEvents();
        // The window fits the size: its parts' minimums add up to no more (a window manager
        // would otherwise overlap or clip them).
        const auto needed = m_window->minimumSizeHint();
        QVERIFY2(
            needed.width() <= size.width() && needed.height() <= size.height(),
            qPrintable(QStringLiteral("the window needs %1x%2").arg(needed.width()).arg(needed.height())));
        const auto problems = cutOff(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        ui::SettingsDialog dialog(backend::AppSettings::load(), m_window.get());
        dialog.show();
        QApplication::processEvents();
        const auto dialogProblems = cutOff(&dialog);
        QVERIFY2(dialogProblems.isEmpty(), qPrintable(dialogProblems.join(u'\n')));
    }

    void noTextIsCutOffAfterALiveSwitch()
    {
        // The window laid out for English at the smallest size, then switched: docks widen.
        showWindow(QSize(1024, 700));
        QVERIFY(backend::applyLanguage(QStringLiteral("el")));
        QTest::qWait(100); // the layouts' requests travel up to the window
        const auto problems = cutOff(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // Nor can a window manager make it smaller than its parts need in the new language.
        const auto needed = m_window->minimumSizeHint();
        QVERIFY2(m_window->minimumSize().width() >= needed.width() &&
                     m_window->minimumSize().height() >= needed.height(),
                 qPrintable(QStringLiteral("minimum %1x%2, needed %3x%4")
                                .arg(m_window->minimumSize().width())
                                .arg(m_window->minimumSize().height())
                                .arg(needed.width())
                                .arg(needed.height())));
    }

  private:
    void showWindow(const QSize& size)
    {
        m_window = std::make_unique<ui::MainWindow>(m_home.filePath(QStringLiteral("queue.json")));
        m_window->show();
        m_window->resize(size);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QApplication::processEvents();
    }

    QTemporaryDir m_home;
    std::unique_ptr<ui::MainWindow> m_window;
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_language_switch.moc"
