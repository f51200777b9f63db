// eikona-cli inspect PATH

#include "cli/cli_command.h"

#include "io/model_folder.h"
#include "io/safetensors_format.h"

#include <QFileInfo>

#include <exception>

namespace eikona::cli {
namespace {

QString shapeText(const std::vector<std::int64_t>& shape)
{
    QStringList dims;
    for (const auto d : shape)
        dims << QString::number(d);
    return QLatin1Char('[') + dims.join(QStringLiteral(", ")) + QLatin1Char(']');
}

std::int64_t parameterCount(const io::SafetensorsIndex& index)
{
    std::int64_t total = 0;
    for (const auto& tensor : index.tensors)
        total += tensor.numel();
    return total;
}

QString dtypeSummary(const io::SafetensorsIndex& index)
{
    std::map<std::string_view, int> counts;
    for (const auto& tensor : index.tensors)
        ++counts[io::dtype_name(tensor.dtype)];
    QStringList parts;
    for (const auto& [name, count] : counts)
        parts << QStringLiteral("%1 %2").arg(count).arg(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())));
    return parts.join(QStringLiteral(", "));
}

int inspectFile(const QString& path)
{
    const auto index = io::read_safetensors_index(path.toStdString());
    for (const auto& tensor : index.tensors)
        printOut(QStringLiteral("%1\t%2\t%3")
                     .arg(QString::fromStdString(tensor.name),
                          QString::fromLatin1(io::dtype_name(tensor.dtype).data()), shapeText(tensor.shape)));
    for (const auto& [key, value] : index.metadata)
        printOut(QStringLiteral("metadata\t%1\t%2").arg(QString::fromStdString(key), QString::fromStdString(value)));
    printOut(QStringLiteral("total: %1 tensors (%2), %3 parameters, %4 bytes")
                 .arg(index.tensors.size())
                 .arg(dtypeSummary(index))
                 .arg(parameterCount(index))
                 .arg(index.file_size));
    return Success;
}

int inspectFolder(const QString& path)
{
    const auto folder = io::ModelFolder::open(path.toStdString());
    for (const auto& component : folder.components()) {
        QString line = QStringLiteral("%1\t%2").arg(QString::fromStdString(component.name),
                                                    QString::fromStdString(component.class_name));
        // Networks have a config.json and weights; schedulers and tokenizers have neither.
        if (QFileInfo::exists(QString::fromStdString((component.directory / "config.json").string()))) {
            const auto weights = folder.weights_file(component.name);
            const auto index = io::read_safetensors_index(weights);
            line += QStringLiteral("\t%1\t%2 tensors (%3), %4 parameters")
                        .arg(QString::fromStdString(weights.filename().string()))
                        .arg(index.tensors.size())
                        .arg(dtypeSummary(index))
                        .arg(parameterCount(index));
        }
        printOut(line);
    }
    return Success;
}

} // namespace

int runInspect(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists a safetensors file's tensors (name, dtype, shape, then the total), or a model folder's "
        "components with their weights. A malformed file is reported, never loaded."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("A .safetensors file or a model folder."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "%s: expected exactly one PATH\n", qUtf8Printable(arguments.value(0)));
        return UsageError;
    }
    const QString path = parser.positionalArguments().constFirst();
    try {
        const QFileInfo info(path);
        if (!info.exists())
            return fail(QStringLiteral("%1: no such file or folder").arg(path));
        return info.isDir() ? inspectFolder(path) : inspectFile(path);
    } catch (const std::exception& error) {
        return fail(QString::fromStdString(error.what()));
    }
}

} // namespace eikona::cli
