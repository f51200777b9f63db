// eikona-cli gallery add-folder DIR | search TEXT [--favourites] [--model M] | rebuild | rescan
// The same index the app uses (safe while the app runs: SQLite's locking and a busy timeout).

#include "cli/cli_command.h"
#include "cli/interrupt.h"
#include "cli/progress_bar.h"

#include "gallery_store.h"

#include <QFileInfo>

#include <optional>

namespace eikona::cli {

namespace {

const QString k_usage = QStringLiteral("usage: eikona-cli gallery add-folder DIR | search TEXT [--favourites] [--model M] | rebuild | rescan");

int openFailed(const store::GalleryStore& gallery)
{
    return fail(QStringLiteral("cannot open the gallery %1: %2").arg(store::GalleryStore::defaultDatabase(), gallery.lastError()));
}

} // namespace

int runGallery(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The gallery: every picture Eikona made, and the folders of other tools' pictures added to it.\n"
        "Actions:\n"
        "  add-folder DIR  index every picture under DIR (A1111, ComfyUI and InvokeAI parameters are read)\n"
        "  search TEXT     the pictures whose prompt has these words (or word beginnings), one path per line;\n"
        "                  any language, accents and case ignored; an empty TEXT lists every picture\n"
        "  rebuild         index every known folder again from its files\n"
        "  rescan          pick up pictures added or removed behind the gallery's back\n"
        "The index: ~/.local/share/eikona/gallery.sqlite ($XDG_DATA_HOME)."));
    const QCommandLineOption favourites(QStringLiteral("favourites"), QStringLiteral("search: favourites only."));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("search: pictures of this model only."), QStringLiteral("M"));
    parser.addOptions({favourites, model});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add-folder, search, rebuild or rescan"));
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("The folder or the search text."), QStringLiteral("[what]"));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const auto positional = parser.positionalArguments();
    const auto action = positional.value(0);
    const bool takesArgument = action == QStringLiteral("add-folder") || action == QStringLiteral("search");
    if (positional.isEmpty() || positional.size() != (takesArgument ? 2 : 1))
        return usageError(arguments, k_usage);
    if ((parser.isSet(favourites) || parser.isSet(model)) && action != QStringLiteral("search"))
        return usageError(arguments, QStringLiteral("--favourites and --model go with search"));

    store::GalleryStore gallery;
    if (!gallery.isOpen())
        return openFailed(gallery);
    if (gallery.wasRebuilt())
        std::fprintf(stderr, "the gallery index was damaged: it was set aside and rebuilt from the pictures\n");
    const InterruptGuard interrupt;
    const auto cancelled = [] { return InterruptGuard::interrupted(); };
    std::optional<ProgressBar> bar;
    const auto progress = [&](int done, int total) {
        if (!bar)
            bar.emplace(QStringLiteral("indexing"));
        if (done % 50 == 0 || done == total)
            bar->update(done, total);
    };

    if (action == QStringLiteral("add-folder")) {
        const auto folder = positional[1];
        if (!QFileInfo(folder).isDir())
            return fail(QStringLiteral("%1 is not a folder").arg(folder));
        const int indexed = gallery.addFolder(folder, progress, cancelled);
        if (bar)
            bar->finish();
        std::fprintf(stderr, "%d picture%s indexed from %s%s\n", indexed, indexed == 1 ? "" : "s",
                     qUtf8Printable(QFileInfo(folder).absoluteFilePath()), InterruptGuard::interrupted() ? " (interrupted)" : "");
        return InterruptGuard::interrupted() ? Failure : Success;
    }
    if (action == QStringLiteral("search")) {
        store::GalleryQuery query;
        query.text = positional[1];
        query.favouritesOnly = parser.isSet(favourites);
        query.model = parser.value(model);
        for (const auto& entry : gallery.search(query))
            printOut(entry.path);
        return Success;
    }
    if (action == QStringLiteral("rebuild")) {
        const int indexed = gallery.rebuild(progress, cancelled);
        if (bar)
            bar->finish();
        std::fprintf(stderr, "%d picture%s indexed from %lld folder%s\n", indexed, indexed == 1 ? "" : "s",
                     static_cast<long long>(gallery.folders().size()), gallery.folders().size() == 1 ? "" : "s");
        return Success;
    }
    if (action == QStringLiteral("rescan")) {
        const int changes = gallery.rescan();
        std::fprintf(stderr, "%d change%s\n", changes, changes == 1 ? "" : "s");
        return Success;
    }
    return usageError(arguments, k_usage);
}

} // namespace eikona::cli
