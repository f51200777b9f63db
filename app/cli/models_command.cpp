// eikona-cli models list | download REPO | verify NAME | remove NAME | add PATH: the models
// Eikona knows (the Hugging Face cache and the local ones added), fetched, checked and removed.

#include "cli/cli_command.h"
#include "cli/interrupt.h"
#include "cli/model_download.h"
#include "cli/progress_bar.h"

#include "model_registry.h"

#include <QLocale>

#include <cstdio>

namespace eikona::cli {

namespace {

const QString k_usage = QStringLiteral("usage: models list | download REPO [--revision R] [--variant "
                                       "fp16|fp32] | verify NAME | remove NAME | add PATH [--name NAME]");

QString diskSize(qint64 bytes)
{
    if (bytes >= 1'000'000'000)
        return QString::number(static_cast<double>(bytes) / 1e9, 'f', 2) + QStringLiteral(" GB");
    if (bytes >= 1'000'000)
        return QString::number(static_cast<double>(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
    return QString::number(static_cast<double>(bytes) / 1e3, 'f', 1) + QStringLiteral(" kB");
}

int list()
{
    const store::ModelRegistry registry;
    if (const auto problem = registry.problem(); !problem.isEmpty())
        std::fprintf(stderr, "eikona-cli models: warning: %s; the models added from disk are not listed\n",
                     qUtf8Printable(problem));
    const auto models = registry.models();
    if (models.isEmpty()) {
        printOut(QStringLiteral(
            "no models yet: `eikona-cli models download stable-diffusion-v1-5/stable-diffusion-v1-5`, "
            "or `eikona-cli models add PATH` for one on disk"));
        return Success;
    }
    qsizetype nameWidth = 4;
    for (const auto& model : models)
        nameWidth = std::max(nameWidth, model.name.size());
    printOut(QStringLiteral("NAME").leftJustified(nameWidth + 2) + QStringLiteral("SIZE").leftJustified(11) +
             QStringLiteral("LAST USED").leftJustified(18) + QStringLiteral("SOURCE"));
    for (const auto& model : models)
        printOut(model.name.leftJustified(nameWidth + 2) + diskSize(model.sizeOnDisk).leftJustified(11) +
                 (model.lastUsed.isValid()
                      ? model.lastUsed.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                      : QStringLiteral("never"))
                     .leftJustified(18) +
                 model.sourceText());
    return Success;
}

int verify(const QString& name)
{
    const store::ModelRegistry registry;
    const auto model = registry.find(name);
    if (!model)
        return fail(QStringLiteral("no model named \"%1\" (eikona-cli models list shows them)").arg(name));
    ProgressBar bar(QStringLiteral("verify"));
    bool shown = false;
    const InterruptGuard interrupt;
    QList<store::VerifiedFile> files;
    try {
        files = registry.verify(
            *model,
            [&](const store::VerifyProgress& progress) {
                shown = true;
                bar.update(static_cast<double>(progress.bytesDone) / 1e6,
                           static_cast<double>(progress.bytesTotal) / 1e6, QStringLiteral("MB"));
            },
            [] { return InterruptGuard::interrupted(); });
    } catch (const store::RegistryError& error) {
        if (shown)
            bar.finish();
        return fail(QString::fromUtf8(error.what()));
    }
    if (shown)
        bar.finish();
    int bad = 0;
    for (const auto& file : files) {
        static const char* const states[] = {"ok", "CORRUPT", "MISSING", "unchecked"};
        const auto state = static_cast<int>(file.state);
        bad += file.state == store::VerifiedFile::State::Corrupt ||
               file.state == store::VerifiedFile::State::Missing;
        printOut(QStringLiteral("%1  %2%3")
                     .arg(QString::fromLatin1(states[state]).leftJustified(9), file.path,
                          file.detail.isEmpty() ? QString() : QStringLiteral(": ") + file.detail));
    }
    if (bad > 0)
        return fail(QStringLiteral("%1 of %2 files of %3 are damaged or missing")
                        .arg(bad)
                        .arg(files.size())
                        .arg(model->name));
    std::fprintf(stderr, "%s: %lld file%s intact\n", qUtf8Printable(model->name),
                 static_cast<long long>(files.size()), files.size() == 1 ? "" : "s");
    return Success;
}

int remove(const QString& name)
{
    try {
        store::ModelRegistry registry;
        const auto model = registry.find(name);
        const auto freed = registry.remove(name);
        if (model && model->source == store::ModelEntry::Source::Local)
            printOut(QStringLiteral("forgot %1; its files at %2 stay where they are")
                         .arg(model->name, model->path));
        else
            printOut(QStringLiteral("removed %1 from the cache, %2 freed")
                         .arg(model ? model->name : name, diskSize(freed)));
        return Success;
    } catch (const store::RegistryError& error) {
        return fail(QString::fromUtf8(error.what()));
    }
}

int add(const QString& path, const QString& name)
{
    try {
        const auto entry = store::ModelRegistry().add(path, name);
        printOut(QStringLiteral("added %1 (%2): eikona-cli generate --model \"%1\" ...")
                     .arg(entry.name, diskSize(entry.sizeOnDisk)));
        return Success;
    } catch (const store::RegistryError& error) {
        return fail(QString::fromUtf8(error.what()));
    }
}

} // namespace

int runModels(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Manages models. Actions:\n"
        "  list            every model: the Hugging Face cache's pipelines and the ones added\n"
        "  download REPO   fetch REPO (e.g. stable-diffusion-v1-5/stable-diffusion-v1-5) into the Hugging "
        "Face cache\n"
        "  verify NAME     re-hash a cached model's files (damaged ones are removed, to fetch again)\n"
        "  remove NAME     delete a cached model; forget an added one (its files stay)\n"
        "  add PATH        make a diffusers folder or SD 1.x .safetensors checkpoint known by name\n\n"
        "HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE, HF_HOME and HF_HUB_OFFLINE are honoured."));
    const QCommandLineOption revision(QStringLiteral("revision"),
                                      QStringLiteral("download: branch, tag or commit (default main)."),
                                      QStringLiteral("R"), QStringLiteral("main"));
    const QCommandLineOption variant(QStringLiteral("variant"),
                                     QStringLiteral("download: fp16 (default: half the download) or fp32."),
                                     QStringLiteral("fp16|fp32"), QStringLiteral("fp16"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("add: the name to know it by (default: the file's)."),
                                  QStringLiteral("NAME"));
    parser.addOptions({revision, variant, name});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("list, download, verify, remove or add"));
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("Repository id, model name or path."),
                                 QStringLiteral("[what]"));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const auto positional = parser.positionalArguments();
    const auto action = positional.value(0);
    if (action == QStringLiteral("list") && positional.size() == 1)
        return list();
    if (positional.size() != 2)
        return usageError(arguments, k_usage);
    const auto& what = positional[1];
    if (action == QStringLiteral("verify"))
        return verify(what);
    if (action == QStringLiteral("remove"))
        return remove(what);
    if (action == QStringLiteral("add"))
        return add(what, parser.value(name));
    if (action != QStringLiteral("download"))
        return usageError(arguments, k_usage);
    const auto variantName = parser.value(variant);
    if (variantName != QStringLiteral("fp16") && variantName != QStringLiteral("fp32"))
        return usageError(arguments, QStringLiteral("--variant must be fp16 or fp32"));
    QString error;
    const auto snapshot = fetchModel(what, parser.value(revision), variantName, error);
    if (snapshot.isEmpty())
        return fail(error);
    printOut(snapshot);
    return Success;
}

} // namespace eikona::cli
