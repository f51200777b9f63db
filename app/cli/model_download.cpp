#include "cli/model_download.h"

#include "cli/interrupt.h"
#include "cli/progress_bar.h"

#include "hub_cache.h"
#include "hub_client.h"
#include "local_model.h"
#include "model_registry.h"

#include <QFileInfo>

#include <cstdio>

namespace eikona::cli {

namespace {

QString megabytes(double bytes)
{
    return QString::number(bytes / 1e6, 'f', 1) + QStringLiteral(" MB");
}

} // namespace

QString fetchModel(const QString& repoId, const QString& revision, const QString& variant, QString& error)
{
    return fetchRepository(repoId, revision,
                           store::pipelineFiles(variant == QStringLiteral("fp32") ? QString() : variant),
                           error);
}

QString fetchRepository(const QString& repoId, const QString& revision, const store::FileSelection& select,
                        QString& error)
{
    const auto options = store::HubOptions::fromEnvironment();
    std::fprintf(stderr, "model %s@%s from %s\n", qUtf8Printable(store::canonicalRepoId(repoId)),
                 qUtf8Printable(revision),
                 options.offline ? "the cache (offline)" : qUtf8Printable(options.endpoint));
    ProgressBar bar(QStringLiteral("download"));
    bool shown = false;
    const InterruptGuard interrupt;
    try {
        const auto result = store::downloadRepository(
            repoId, revision, select, options,
            [&](const store::DownloadProgress& progress) {
                shown = true;
                const double left = static_cast<double>(progress.bytesTotal - progress.bytesDone);
                bar.update(progress.filesDone, progress.filesTotal,
                           QStringLiteral("files, %1 of %2, %3/s, ETA %4")
                               .arg(megabytes(static_cast<double>(progress.bytesDone)),
                                    megabytes(static_cast<double>(progress.bytesTotal)),
                                    megabytes(progress.bytesPerSecond),
                                    progress.bytesPerSecond > 0
                                        ? formatDuration(left / progress.bytesPerSecond)
                                        : QStringLiteral("?")));
            },
            [] { return InterruptGuard::interrupted(); });
        if (shown)
            bar.finish();
        std::fprintf(stderr, "%s (commit %s)\n",
                     result.fromCacheOnly ? "from the cache"
                     : result.bytesFetched > 0
                         ? qUtf8Printable(QStringLiteral("fetched ") +
                                          megabytes(static_cast<double>(result.bytesFetched)))
                         : "already cached",
                     qUtf8Printable(result.commit));
        return result.snapshot;
    } catch (const store::HubError& hubError) {
        if (shown)
            bar.finish();
        error = QString::fromUtf8(hubError.what());
        return {};
    }
}

std::optional<ResolvedModel> resolveModel(const QString& model, QString& error)
{
    const store::ModelRegistry registry;
    if (QFileInfo::exists(model)) {
        const auto check = store::checkLocalModel(model);
        if (!check.kind) {
            error = check.problem;
            return std::nullopt;
        }
        const auto absolute = QFileInfo(model).absoluteFilePath();
        for (const auto& entry : registry.models())
            if (entry.path == absolute)
                return ResolvedModel{model, entry.name};
        return ResolvedModel{model, {}};
    }
    if (const auto entry = registry.find(model); entry && entry->source == store::ModelEntry::Source::Local)
        return ResolvedModel{entry->path, entry->name};
    if (store::repoFolderName(model.section(u'@', 0, 0)).isEmpty() || model.startsWith(QLatin1Char('.')) ||
        model.startsWith(QLatin1Char('/'))) {
        error = QStringLiteral("no model at %1").arg(model);
        return std::nullopt;
    }
    // ORG/NAME@REVISION pins a branch, tag or commit.
    const auto repoId = model.section(u'@', 0, 0);
    const auto revision = model.contains(u'@') ? model.section(u'@', 1) : QStringLiteral("main");
    if (revision.isEmpty()) {
        error = QStringLiteral("%1 names no revision after the @").arg(model);
        return std::nullopt;
    }
    const auto snapshot = fetchModel(repoId, revision, QStringLiteral("fp16"), error);
    if (snapshot.isEmpty())
        return std::nullopt;
    return ResolvedModel{snapshot, store::canonicalRepoId(repoId)};
}

} // namespace eikona::cli
