#include "generation_parameters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace eikona::store {

namespace {

// A1111's own pattern for one `Key: value` pair (Unicode \w, as in Python).
const QRegularExpression& pairPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"re(\s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$))re"),
        QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

// json.dumps(text, ensure_ascii=False) for the values that need it.
QString quoted(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char(':')))
        return value;
    const auto array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString unquoted(const QString& value)
{
    if (value.size() < 2 || !value.startsWith(QLatin1Char('"')) || !value.endsWith(QLatin1Char('"')))
        return value;
    const auto document = QJsonDocument::fromJson(QByteArray("[") + value.toUtf8() + ']');
    return document.isArray() ? document.array().at(0).toString(value) : value;
}

} // namespace

QString formatParameters(const GenerationParameters& p)
{
    QList<QPair<QString, QString>> pairs{
        {QStringLiteral("Steps"), QString::number(p.steps)},
        {QStringLiteral("Sampler"), p.sampler},
        {QStringLiteral("CFG scale"), number(p.cfgScale)},
        {QStringLiteral("Seed"), QString::number(p.seed)},
        {QStringLiteral("Size"), QStringLiteral("%1x%2").arg(p.width).arg(p.height)},
    };
    if (!p.modelHash.isEmpty())
        pairs.append({QStringLiteral("Model hash"), p.modelHash});
    if (!p.model.isEmpty())
        pairs.append({QStringLiteral("Model"), p.model});
    if (p.denoisingStrength)
        pairs.append({QStringLiteral("Denoising strength"), number(*p.denoisingStrength)});
    pairs.append(p.extra);

    QStringList line;
    for (const auto& [key, value] : pairs)
        line.append(key + QStringLiteral(": ") + quoted(value));
    QString text = p.prompt;
    if (!p.negativePrompt.isEmpty())
        text += QStringLiteral("\nNegative prompt: ") + p.negativePrompt;
    return text + u'\n' + line.join(QStringLiteral(", "));
}

std::optional<GenerationParameters> parseParameters(const QString& text)
{
    auto lines = text.trimmed().split(QLatin1Char('\n'));
    const auto last = lines.takeLast();
    QList<QPair<QString, QString>> pairs;
    for (auto it = pairPattern().globalMatch(last); it.hasNext();) {
        const auto match = it.next();
        pairs.append({match.captured(1).trimmed(), unquoted(match.captured(2).trimmed())});
    }
    if (pairs.size() < 3)
        return std::nullopt;

    GenerationParameters p;
    bool inNegative = false;
    for (auto line : lines) {
        if (line.startsWith(QStringLiteral("Negative prompt:"))) {
            inNegative = true;
            line = line.mid(16).trimmed();
        }
        auto& target = inNegative ? p.negativePrompt : p.prompt;
        target += (target.isEmpty() ? QString() : QStringLiteral("\n")) + line;
    }
    for (const auto& [key, value] : pairs) {
        bool ok = true;
        if (key == QStringLiteral("Steps"))
            p.steps = value.toInt(&ok);
        else if (key == QStringLiteral("Sampler"))
            p.sampler = value;
        else if (key == QStringLiteral("CFG scale"))
            p.cfgScale = value.toDouble(&ok);
        else if (key == QStringLiteral("Seed"))
            p.seed = value.toULongLong(&ok);
        else if (key == QStringLiteral("Size")) {
            const auto sides = value.split(QLatin1Char('x'));
            ok = sides.size() == 2;
            if (ok) {
                bool okHeight = false;
                p.width = sides[0].toInt(&ok);
                p.height = sides[1].toInt(&okHeight);
                ok = ok && okHeight;
            }
        } else if (key == QStringLiteral("Model hash"))
            p.modelHash = value;
        else if (key == QStringLiteral("Model"))
            p.model = value;
        else if (key == QStringLiteral("Denoising strength"))
            p.denoisingStrength = value.toDouble(&ok);
        else
            p.extra.append({key, value});
        if (!ok) // a value this format reads as a number but another tool wrote differently
            p.extra.append({key, value});
    }
    return p;
}

} // namespace eikona::store
