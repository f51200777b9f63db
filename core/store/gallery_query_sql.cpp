#include "gallery_query_sql.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace eikona::store {

namespace {

// "καρ άβι" -> `"καρ"* "αβι"*`: every word, as a prefix, all required.
QString matchExpression(const QString& text)
{
    QStringList terms;
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    for (const auto& word : foldForSearch(text).split(separators, Qt::SkipEmptyParts))
        terms.append(u'"' + word + QStringLiteral("\"*"));
    return terms.join(u' ');
}

} // namespace

QString foldForSearch(const QString& text)
{
    const auto decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c);
    return folded.toCaseFolded();
}

QString galleryWhereAndOrder(const GalleryQuery& query, QVariantList& values)
{
    QString sql;

    QStringList conditions;
    const auto match = matchExpression(query.text);
    if (!match.isEmpty()) {
        conditions.append(
            QStringLiteral("id IN (SELECT rowid FROM pictures_fts WHERE pictures_fts MATCH ?)"));
        values.append(match);
    }
    if (query.favouritesOnly)
        conditions.append(QStringLiteral("favourite = 1"));
    if (!query.model.isEmpty()) {
        conditions.append(QStringLiteral("model = ?"));
        values.append(query.model);
    }
    if (!query.folder.isEmpty()) {
        conditions.append(QStringLiteral("(path LIKE ? ESCAPE '\\')"));
        auto folder = QFileInfo(query.folder).absoluteFilePath();
        folder.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        values.append(folder + QStringLiteral("/%"));
    }
    if (query.size.isValid()) {
        conditions.append(QStringLiteral("width = ? AND height = ?"));
        values.append(query.size.width());
        values.append(query.size.height());
    }
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    switch (query.sort) {
    case GalleryQuery::Sort::Newest:
        sql += QStringLiteral(" ORDER BY created DESC, id DESC");
        break;
    case GalleryQuery::Sort::Oldest:
        sql += QStringLiteral(" ORDER BY created, id");
        break;
    case GalleryQuery::Sort::Name:
        sql += QStringLiteral(" ORDER BY path");
        break;
    }
    if (query.limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    return sql;
}

} // namespace eikona::store
