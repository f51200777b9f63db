// eikona-gallery-bench [--count 100000] [--folder DIR]
//
// The gallery at scale: N small PNGs with parameters (made once into DIR), then
// - the first index of the folder,
// - opening the app's gallery (the index present: store + model with every row),
// - full-text searches (median and worst of a set of words, English and Greek),
// - scrolling the whole grid page by page, each page painted (the worst and p99 frame), a
//   first pass while thumbnails are made and a second once they are cached,
// - the memory the open gallery takes beyond the thumbnail cache's stated bound.

#include "gallery_model.h"
#include "gallery_store.h"
#include "gallery_view.h"
#include "picture_file.h"
#include "proc_status.h"
#include "thumbnail_cache.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace eikona;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1,
                           static_cast<std::size_t>(p * static_cast<double>(values.size())))];
}

const QStringList k_words{
    QStringLiteral("lighthouse"),   QStringLiteral("castle"),     QStringLiteral("forest"),
    QStringLiteral("portrait"),     QStringLiteral("dragon"),     QStringLiteral("harbour"),
    QStringLiteral("καράβι"),       QStringLiteral("θάλασσα"),    QStringLiteral("βουνό"),
    QStringLiteral("oil painting"), QStringLiteral("watercolor"), QStringLiteral("night"),
    QStringLiteral("sunrise"),      QStringLiteral("city"),       QStringLiteral("robot"),
    QStringLiteral("cat"),          QStringLiteral("garden"),     QStringLiteral("café")};

void makePictures(const QString& folder, int count)
{
    QDir().mkpath(folder);
    auto* random = QRandomGenerator::global();
    QImage image(16, 16, QImage::Format_RGB888);
    for (int i = 0; i < count; ++i) {
        image.fill(QColor::fromHsv(i % 360, 180, 200));
        store::GenerationParameters p;
        QStringList prompt;
        for (int w = 0; w < 6; ++w)
            prompt.append(k_words[static_cast<int>(random->bounded(k_words.size()))]);
        p.prompt = prompt.join(QStringLiteral(", ")) + QStringLiteral(", picture %1").arg(i);
        p.negativePrompt = QStringLiteral("blurry");
        p.steps = 20 + i % 20;
        p.sampler = QStringLiteral("Euler a");
        p.cfgScale = 7;
        p.seed = static_cast<quint64>(i);
        p.width = 512;
        p.height = 512;
        p.model = i % 3 ? QStringLiteral("stable-diffusion-v1-5") : QStringLiteral("dreamshaper");
        // 1,000 per subfolder, as A1111 and ComfyUI grow them.
        const auto path = QStringLiteral("%1/%2/%3.png")
                              .arg(folder)
                              .arg(i / 1000, 3, 10, QLatin1Char('0'))
                              .arg(i, 6, 10, QLatin1Char('0'));
        QDir().mkpath(QFileInfo(path).absolutePath());
        store::writePicture(path, image, p);
    }
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int count = 100000;
    QString folder;
    const auto args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QStringLiteral("--count"))
            count = args[i + 1].toInt();
        else if (args[i] == QStringLiteral("--folder"))
            folder = args[i + 1];
    }
    QTemporaryDir scratch;
    if (folder.isEmpty())
        folder = scratch.filePath(QStringLiteral("pictures"));
    QElapsedTimer timer;
    timer.start();
    if (!QDir(folder).exists() || QDir(folder).isEmpty()) {
        makePictures(folder, count);
        std::fprintf(stderr, "made %d pictures in %.1f s\n", count,
                     static_cast<double>(timer.elapsed()) / 1000);
    }
    const auto database = scratch.filePath(QStringLiteral("gallery.sqlite"));

    timer.restart();
    {
        store::GalleryStore first(database);
        std::fprintf(stderr, "indexed %d\n", first.addFolder(folder));
    }
    const double indexSeconds = static_cast<double>(timer.elapsed()) / 1000;

    const qint64 anonBefore = procStatusKb("RssAnon:");
    timer.restart();
    store::GalleryStore store(database);
    ui::ThumbnailCache thumbnails(scratch.filePath(QStringLiteral("thumbnails")));
    ui::GalleryView view(&store, &thumbnails);
    const int rows = view.model()->rowCount();
    const double openSeconds = static_cast<double>(timer.elapsed()) / 1000;

    std::vector<double> searches;
    for (const auto& word : {"lighthouse", "καραβι", "cafe", "drag", "oil painting night", "θαλ",
                             "picture 4242", "robot city"}) {
        QElapsedTimer one;
        one.start();
        store::GalleryQuery query;
        query.text = QString::fromUtf8(word);
        const auto found = store.searchIds(query); // what the grid asks: the ids, in order
        searches.push_back(static_cast<double>(one.nsecsElapsed()) / 1e6);
        std::fprintf(stderr, "search %-20s %6lld results %7.1f ms\n", word,
                     static_cast<long long>(found.size()), searches.back());
    }
    // What the grid asks of the model when typing: a search and the view's reload.
    std::vector<double> typing;
    for (const auto& text : {"l", "li", "lig", "ligh", "light"}) {
        QElapsedTimer one;
        one.start();
        store::GalleryQuery query;
        query.text = QString::fromLatin1(text);
        view.model()->setQuery(query);
        typing.push_back(static_cast<double>(one.nsecsElapsed()) / 1e6);
    }
    view.model()->setQuery({});

    view.resize(1200, 800);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        std::fprintf(stderr, "gallery-bench: the window was not shown; layout times include showing it\n");
    auto* grid = view.grid();
    QElapsedTimer layout;
    layout.start();
    for (int stable = 0, last = -1; stable < 5; QTest::qWait(20)) { // until the whole grid is laid out
        const int maximum = grid->verticalScrollBar()->maximum();
        stable = maximum == last ? stable + 1 : 0;
        last = maximum;
    }
    const double layoutSeconds = static_cast<double>(layout.elapsed() - 100) / 1000;
    const auto pass = [&](std::vector<double>& frames) {
        auto* bar = grid->verticalScrollBar();
        bar->setValue(0);
        const int page = std::max(1, bar->pageStep());
        for (int position = 0; position <= bar->maximum(); position += page) {
            bar->setValue(position);
            QElapsedTimer frame;
            frame.start();
            grid->viewport()->repaint();
            frames.push_back(static_cast<double>(frame.nsecsElapsed()) / 1e6);
            QCoreApplication::processEvents();
        }
    };
    std::vector<double> firstPass;
    timer.restart();
    pass(firstPass);
    const double firstPassSeconds = static_cast<double>(timer.elapsed()) / 1000;
    QTest::qWait(2000);
    std::vector<double> secondPass;
    pass(secondPass);
    const qint64 anonAfter = procStatusKb("RssAnon:");

    std::printf("| what | measured | bar |\n|---|---|---|\n");
    std::printf("| pictures | %d | |\n", rows);
    std::printf("| first index of the folder | %.1f s (%.2f ms a picture) | |\n", indexSeconds,
                indexSeconds * 1000 / std::max(1, rows));
    std::printf("| opening the gallery with the index present (store, model, view) | %.2f s | ≤ 1 s |\n",
                openSeconds);
    std::printf("| laying out the grid of all of them | %.2f s | |\n", layoutSeconds);
    std::printf("| FTS search: median / worst of %zu | %.1f / %.1f ms | ≤ 30 ms |\n", searches.size(),
                percentile(searches, 0.5), *std::max_element(searches.begin(), searches.end()));
    std::printf("| a keystroke in the search box (search + grid reload): worst | %.1f ms | |\n",
                *std::max_element(typing.begin(), typing.end()));
    std::printf("| scrolling the whole grid, thumbnails being made: p99 / worst frame (%zu pages, %.1f s) | "
                "%.1f / %.1f ms | |\n",
                firstPass.size(), firstPassSeconds, percentile(firstPass, 0.99),
                *std::max_element(firstPass.begin(), firstPass.end()));
    std::printf(
        "| scrolling again, thumbnails cached on disk: p99 / worst frame | %.1f / %.1f ms | ≤ 16 ms |\n",
        percentile(secondPass, 0.99), *std::max_element(secondPass.begin(), secondPass.end()));
    std::printf("| memory of the open gallery (RssAnon growth) beyond the thumbnail cache's bound (%lld MB) "
                "| %.0f MB | ≤ 150 MB |\n",
                static_cast<long long>(thumbnails.memoryBound() / 1048576),
                std::max(0.0, static_cast<double>(anonAfter - anonBefore) / 1024 -
                                  static_cast<double>(thumbnails.memoryBound()) / 1048576));
    std::printf("| — the growth itself | %.0f MB | |\n", static_cast<double>(anonAfter - anonBefore) / 1024);
    return 0;
}
