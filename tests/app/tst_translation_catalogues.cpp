// The catalogues as files: lupdate run over the sources now finds exactly the strings the
// checked-in .ts files hold (a new English string without its Greek fails here); nothing is
// unfinished, obsolete or vanished; every %1…%9 and %n of a source is in its translation; the
// plural forms are filled; the Greek is Greek (translated, final sigma where it belongs) and
// Eikona's Greek for Qt's own strings covers what its windows show.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString k_translations = QStringLiteral(EIKONA_SOURCE_DIR "/translations");

struct Message {
    QString context;
    QString source;
    QString comment;
    QString type;      ///< the translation's type attribute: "", "unfinished", "obsolete", "vanished"
    QStringList forms; ///< one translation, or the plural forms
    bool numerus = false;

    QString key() const { return context + QStringLiteral(" | ") + source + QStringLiteral(" | ") + comment; }
};

QList<Message> readCatalogue(const QString& path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QStringLiteral("message"))
                messages.append(message);
            continue;
        }
        const auto name = xml.name();
        if (name == QStringLiteral("name")) {
            context = xml.readElementText();
        } else if (name == QStringLiteral("message")) {
            message = {};
            message.context = context;
            message.numerus = xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes");
        } else if (name == QStringLiteral("source")) {
            message.source = xml.readElementText();
        } else if (name == QStringLiteral("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QStringLiteral("translation")) {
            message.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (!message.numerus)
                message.forms = {xml.readElementText()};
        } else if (name == QStringLiteral("numerusform")) {
            message.forms.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression marker(QStringLiteral("%(?:[1-9]|n)"));
    QSet<QString> found;
    for (const auto& match : marker.globalMatch(text))
        found.insert(match.captured());
    return found;
}

QString stripMarkup(QString text)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    static const QRegularExpression entity(QStringLiteral("&[a-z]+;"));
    return text.remove(tag).remove(entity);
}

} // namespace

class TestTranslationCatalogues : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void theCataloguesHoldExactlyTheSourcesStrings()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const auto fresh = scratch.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(EIKONA_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                       QStringLiteral(EIKONA_SOURCE_DIR "/ui"),
                       QStringLiteral(EIKONA_SOURCE_DIR "/core/backend/job_queue.cpp"), QStringLiteral("-ts"),
                       fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
        QSet<QString> expected;
        for (const auto& message : readCatalogue(fresh))
            expected.insert(message.key());
        QVERIFY(expected.size() > 200);
        for (const auto* language : {"el", "en"}) {
            QSet<QString> present;
            for (const auto& message :
                 readCatalogue(k_translations + QStringLiteral("/eikona_%1.ts").arg(QLatin1String(language))))
                present.insert(message.key());
            const auto missing = QSet<QString>(expected).subtract(present);
            const auto stale = QSet<QString>(present).subtract(expected);
            QVERIFY2(
                missing.isEmpty(),
                qPrintable(QStringLiteral("%1: not in the catalogue (run the update_translations target): %2")
                               .arg(QLatin1String(language),
                                    QStringList(missing.begin(), missing.end()).join(u'\n'))));
            QVERIFY2(stale.isEmpty(),
                     qPrintable(QStringLiteral("%1: no longer in the sources: %2")
                                    .arg(QLatin1String(language),
                                         QStringList(stale.begin(), stale.end()).join(u'\n'))));
        }
    }

    void everyMessageIsFinishedWithItsPlaceholders_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("pluralForms");
        QTest::newRow("Greek") << QStringLiteral("eikona_el.ts") << 2;
        QTest::newRow("English") << QStringLiteral("eikona_en.ts") << 2;
        QTest::newRow("Qt's strings in Greek") << QStringLiteral("qt_el.ts") << 2;
    }

    void everyMessageIsFinishedWithItsPlaceholders()
    {
        QFETCH(QString, file);
        QFETCH(int, pluralForms);
        const auto messages = readCatalogue(k_translations + u'/' + file);
        QVERIFY(messages.size() > 100);
        const bool english = file == QStringLiteral("eikona_en.ts");
        for (const auto& message : messages) {
            const auto where = qPrintable(message.key());
            QVERIFY2(message.type.isEmpty(),
                     qPrintable(QStringLiteral("%1 is %2").arg(message.key(), message.type)));
            if (english && !message.numerus)
                continue; // the source is the English; only the plural forms are written out
            QCOMPARE(message.forms.size(), message.numerus ? pluralForms : 1);
            for (const auto& form : message.forms) {
                QVERIFY2(!form.isEmpty(), where);
                QVERIFY2(placeholders(form) == placeholders(message.source), where);
            }
        }
    }

    void theGreekIsGreek_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("Eikona's") << QStringLiteral("eikona_el.ts");
        QTest::newRow("Qt's") << QStringLiteral("qt_el.ts");
    }

    void theGreekIsGreek()
    {
        QFETCH(QString, file);
        static const QRegularExpression greekLetter(QStringLiteral("\\p{Greek}"));
        static const QRegularExpression latinWord(QStringLiteral("\\b[A-Za-z]{3,}\\b"));
        // A medial sigma at the end of a word is a typo for ς.
        static const QRegularExpression wrongFinalSigma(QStringLiteral("\\p{Greek}σ(?![\\p{L}])"));
        static const QRegularExpression wrongMedialSigma(QStringLiteral("ς(?=\\p{L})"));
        for (const auto& message : readCatalogue(k_translations + u'/' + file)) {
            for (const auto& form : message.forms) {
                const auto where = qPrintable(message.key() + QStringLiteral(" → ") + form);
                const auto words = stripMarkup(message.source);
                // Anything with an English word in it is translated, but for names and keys.
                static const QSet<QString> kept{QStringLiteral("Eikona"), QStringLiteral("CPU"),
                                                QStringLiteral("Alt+Left"), QStringLiteral("Alt+Right"),
                                                QStringLiteral("Alt+Up")};
                if (!kept.contains(words) && latinWord.match(words).hasMatch())
                    QVERIFY2(greekLetter.match(form).hasMatch(), where);
                QVERIFY2(!wrongFinalSigma.match(form).hasMatch(), where);
                QVERIFY2(!wrongMedialSigma.match(form).hasMatch(), where);
            }
        }
    }

    void qtsGreekCoversWhatTheWindowsShow()
    {
        QSet<QString> contexts;
        for (const auto& message : readCatalogue(k_translations + QStringLiteral("/qt_el.ts")))
            contexts.insert(message.context);
        for (const auto* needed :
             {"QPlatformTheme", "QDialogButtonBox", "QFileDialog", "QFileSystemModel", "QMessageBox",
              "QLineEdit", "QWidgetTextControl", "QAbstractSpinBox", "QGnomeTheme"})
            QVERIFY2(contexts.contains(QLatin1String(needed)), needed);
    }
};

QTEST_GUILESS_MAIN(TestTranslationCatalogues)
#include "tst_translation_catalogues.moc"
