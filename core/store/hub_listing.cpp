#include "hub_listing.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace eikona::store {
namespace {

// A JSON number as a byte count: a whole, non-negative number JSON holds exactly (below 2^53);
// -1 for anything else (a huge double cast to qint64 would be undefined behaviour).
qint64 byteCount(const QJsonValue& value)
{
    if (!value.isDouble())
        return -1;
    const double number = value.toDouble();
    if (!(number >= 0) || number > 9007199254740992.0 || std::floor(number) != number)
        return -1;
    return static_cast<qint64>(number);
}

} // namespace

QList<HubFile> parseSiblings(const QJsonArray& siblings)
{
    QList<HubFile> files;
    for (const auto& value : siblings) {
        const auto object = value.toObject();
        HubFile file;
        file.path = object.value(QStringLiteral("rfilename")).toString();
        file.size = byteCount(object.value(QStringLiteral("size")));
        file.blobId = object.value(QStringLiteral("blobId")).toString();
        const auto lfs = object.value(QStringLiteral("lfs")).toObject();
        file.sha256 = lfs.value(QStringLiteral("sha256")).toString();
        if (lfs.contains(QStringLiteral("size")))
            file.size = byteCount(lfs.value(QStringLiteral("size")));
        if (!file.path.isEmpty())
            files.append(file);
    }
    return files;
}

// A path inside the repository: relative, no "." or ".." step, no backslash or NUL. The hub
// never sends another; one that does would place a link outside the snapshot.
bool safeRepoPath(const QString& path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')) ||
        path.contains(QChar(0)))
        return false;
    const auto steps = path.split(QLatin1Char('/'));
    return std::none_of(steps.begin(), steps.end(), [](const QString& step) {
        return step.isEmpty() || step == QLatin1String(".") || step == QLatin1String("..");
    });
}

// An etag names a blob file in the cache: a git blob SHA-1 (40 hex digits) or an LFS SHA-256
// (64). Anything else from the server (a "../" path, say) is refused before a file is written.
// Anchored as a whole: "^...$" let a trailing newline through (found by fuzzing).
bool validEtag(const QString& etag)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{40}|[0-9a-f]{64}")));
    return pattern.match(etag).hasMatch();
}

void checkListing(const QList<HubFile>& files, const QString& repoId)
{
    const auto corrupt = [](const QString& message) {
        return HubError(message.toStdString(), HubFailure::Corrupt);
    };
    for (const auto& file : files) {
        if (!safeRepoPath(file.path))
            throw corrupt(
                QStringLiteral("the hub listed a file of %1 with a path that leaves the repository (\"%2\"); "
                               "nothing was downloaded")
                    .arg(repoId, file.path.left(200)));
        if (!validEtag(file.etag()))
            throw corrupt(
                QStringLiteral("the hub gave %1 of %2 an id that is not a SHA-1 or SHA-256 (\"%3\"); "
                               "nothing was downloaded")
                    .arg(file.path, repoId, file.etag().left(100)));
        if (file.size < 0)
            throw corrupt(QStringLiteral("the hub gave %1 of %2 no size, or one that is not a byte count")
                              .arg(file.path, repoId));
    }
}

namespace {

// Digits only, no sign, no spaces, within qint64.
std::optional<qint64> byteCount(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

std::optional<ContentRange> parseContentRange(const QByteArray& header)
{
    const QByteArrayView unit("bytes ");
    const QByteArrayView value(header);
    if (!value.startsWith(unit))
        return std::nullopt;
    const auto range = value.sliced(unit.size());
    const auto slash = range.indexOf('/');
    const auto dash = range.indexOf('-');
    if (slash < 0 || dash < 0 || dash > slash)
        return std::nullopt;
    const auto first = byteCount(range.first(dash));
    const auto last = byteCount(range.sliced(dash + 1, slash - dash - 1));
    const auto totalText = range.sliced(slash + 1);
    const auto total = totalText == QByteArrayView("*") ? std::optional<qint64>(-1) : byteCount(totalText);
    if (!first || !last || !total || *last < *first || (*total >= 0 && *last >= *total))
        return std::nullopt;
    return ContentRange{*first, *last, *total};
}

bool rangeContinues(const QByteArray& header, qint64 offset, qint64 size)
{
    const auto range = parseContentRange(header);
    return range && range->first == offset && range->last < size &&
           (range->total < 0 || range->total == size);
}

} // namespace eikona::store
