// eikona-cli gallery add-folder DIR | search TEXT [--favourites] [--model M] | rebuild | rescan | export ...
// The same index the app uses (safe while the app runs: SQLite's locking and a busy timeout).

#include "cli/cli_command.h"
#include "cli/interrupt.h"
#include "cli/progress_bar.h"

#include "gallery_export.h"
#include "gallery_store.h"

#include <QFileInfo>

#include <optional>

namespace eikona::cli {

namespace {

const QString k_usage = QStringLiteral(
    "usage: eikona-cli gallery add-folder DIR | search TEXT [--favourites] [--model M] | rebuild | rescan\n"
    "       eikona-cli gallery export (--all | --search TEXT) --format folder|zip|html [--image-format "
    "png|jpeg|webp]\n"
    "                                 [--strip-metadata] --out PATH");

// The export's options from the flags; the usage message when they do not fit.
QString readExportOptions(const QCommandLineParser& parser, store::ExportOptions& options)
{
    const auto format = parser.value(QStringLiteral("format"));
    if (format == QStringLiteral("folder"))
        options.target = store::ExportOptions::Target::Folder;
    else if (format == QStringLiteral("zip"))
        options.target = store::ExportOptions::Target::Zip;
    else if (format == QStringLiteral("html"))
        options.target = store::ExportOptions::Target::Html;
    else
        return QStringLiteral("--format must be folder, zip or html");
    const auto image = parser.value(QStringLiteral("image-format"));
    if (image == QStringLiteral("png"))
        options.imageFormat = store::ExportOptions::ImageFormat::Png;
    else if (image == QStringLiteral("jpeg") || image == QStringLiteral("jpg"))
        options.imageFormat = store::ExportOptions::ImageFormat::Jpeg;
    else if (image == QStringLiteral("webp"))
        options.imageFormat = store::ExportOptions::ImageFormat::Webp;
    else
        return QStringLiteral("--image-format must be png, jpeg or webp");
    options.stripMetadata = parser.isSet(QStringLiteral("strip-metadata"));
    options.out = parser.value(QStringLiteral("out"));
    if (options.out.isEmpty())
        return QStringLiteral("--out is required");
    if (parser.isSet(QStringLiteral("all")) == parser.isSet(QStringLiteral("search")))
        return QStringLiteral("export needs exactly one of --all and --search TEXT");
    return {};
}

int openFailed(const store::GalleryStore& gallery)
{
    return fail(QStringLiteral("cannot open the gallery %1: %2")
                    .arg(store::GalleryStore::defaultDatabase(), gallery.lastError()));
}

} // namespace

int runGallery(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The gallery: every picture Eikona made, and the folders of other tools' pictures added to it.\n"
        "Actions:\n"
        "  add-folder DIR  index every picture under DIR (A1111, ComfyUI and InvokeAI parameters are read)\n"
        "  search TEXT     the pictures whose prompt has these words (or word beginnings), one path per "
        "line;\n"
        "                  any language, accents and case ignored; an empty TEXT lists every picture\n"
        "  rebuild         index every known folder again from its files\n"
        "  rescan          pick up pictures added or removed behind the gallery's back\n"
        "  export          copy pictures with their parameters to a folder, a ZIP archive or an HTML sheet\n"
        "The index: ~/.local/share/eikona/gallery.sqlite ($XDG_DATA_HOME)."));
    const QCommandLineOption favourites(QStringLiteral("favourites"),
                                        QStringLiteral("search: favourites only."));
    const QCommandLineOption model(
        QStringLiteral("model"), QStringLiteral("search: pictures of this model only."), QStringLiteral("M"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("export: every picture."));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("export: the pictures this search finds."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("export: folder, zip or html."),
                                    QStringLiteral("F"));
    const QCommandLineOption imageFormat(QStringLiteral("image-format"),
                                         QStringLiteral("export: png (default), jpeg or webp."),
                                         QStringLiteral("F"), QStringLiteral("png"));
    const QCommandLineOption strip(QStringLiteral("strip-metadata"),
                                   QStringLiteral("export: leave the parameters out."));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("export: the folder, .zip or .html to write."),
                                 QStringLiteral("PATH"));
    parser.addOptions({favourites, model, all, search, format, imageFormat, strip, out});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("add-folder, search, rebuild, rescan or export"));
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("The folder or the search text."),
                                 QStringLiteral("[what]"));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const auto positional = parser.positionalArguments();
    const auto action = positional.value(0);
    const bool takesArgument = action == QStringLiteral("add-folder") || action == QStringLiteral("search");
    if (positional.isEmpty() || positional.size() != (takesArgument ? 2 : 1))
        return usageError(arguments, k_usage);
    if ((parser.isSet(favourites) || parser.isSet(model)) && action != QStringLiteral("search") &&
        action != QStringLiteral("export"))
        return usageError(arguments, QStringLiteral("--favourites and --model go with search and export"));
    store::ExportOptions exportOptions;
    if (action == QStringLiteral("export"))
        if (const auto problem = readExportOptions(parser, exportOptions); !problem.isEmpty())
            return usageError(arguments, problem);

    store::GalleryStore gallery;
    if (!gallery.isOpen())
        return openFailed(gallery);
    if (gallery.wasRebuilt())
        std::fprintf(stderr,
                     "the gallery index was damaged: it was set aside and rebuilt from the pictures\n");
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
                     qUtf8Printable(QFileInfo(folder).absoluteFilePath()),
                     InterruptGuard::interrupted() ? " (interrupted)" : "");
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
                     static_cast<long long>(gallery.folders().size()),
                     gallery.folders().size() == 1 ? "" : "s");
        return Success;
    }
    if (action == QStringLiteral("export")) {
        store::GalleryQuery query;
        query.text = parser.value(search);
        query.favouritesOnly = parser.isSet(favourites);
        query.model = parser.value(model);
        const auto entries = gallery.search(query);
        std::optional<ProgressBar> exportBar;
        try {
            const auto result = store::exportPictures(
                entries, exportOptions,
                [&](int done, int total) {
                    if (!exportBar)
                        exportBar.emplace(QStringLiteral("exporting"));
                    exportBar->update(done, total);
                },
                cancelled);
            if (exportBar)
                exportBar->finish();
            if (result.cancelled)
                return fail(QStringLiteral("export cancelled; nothing was left half-written"));
            std::fprintf(stderr, "%d picture%s exported\n", result.exported, result.exported == 1 ? "" : "s");
            printOut(result.written);
            return Success;
        } catch (const store::ExportError& error) {
            if (exportBar)
                exportBar->finish();
            return fail(QString::fromUtf8(error.what()));
        }
    }
    if (action == QStringLiteral("rescan")) {
        const int changes = gallery.rescan();
        std::fprintf(stderr, "%d change%s\n", changes, changes == 1 ? "" : "s");
        return Success;
    }
    return usageError(arguments, k_usage);
}

} // namespace eikona::cli
