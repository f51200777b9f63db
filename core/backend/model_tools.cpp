#include "model_tools.h"

#include "generation_types.h"
#include "io/model_folder.h"
#include "io/safetensors_format.h"
#include "models/random_model.h"
#include "tokenizer/clip_tokenizer.h"
#include "exception_text.h"

#include <QDir>
#include <QFileInfo>

#include <map>

namespace eikona::backend {

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
        parts << QStringLiteral("%1 %2").arg(count).arg(
            QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())));
    return parts.join(QStringLiteral(", "));
}

// Runs `body`, turning the engine's exceptions into GenerationError.
template <typename Body> auto guarded(Body&& body)
{
    try {
        return body();
    } catch (const GenerationError&) {
        throw;
    } catch (const std::exception& error) {
        throw GenerationError(exception_text(error));
    }
}

} // namespace

QList<int> tokenizePrompt(const QString& folder, const QString& prompt, bool padded)
{
    auto directory = folder;
    if (QFileInfo::exists(directory + QStringLiteral("/tokenizer")))
        directory += QStringLiteral("/tokenizer");
    return guarded([&] {
        const auto tokenizer =
            tokenizer::ClipTokenizer::from_directory(QDir(directory).filesystemAbsolutePath());
        const auto text = prompt.toStdString();
        const auto ids = padded ? tokenizer.encode_padded(text) : tokenizer.encode(text);
        return QList<int>(ids.begin(), ids.end());
    });
}

QStringList inspectWeightsFile(const QString& path)
{
    return guarded([&] {
        const auto index = io::read_safetensors_index(path.toStdString());
        QStringList lines;
        for (const auto& tensor : index.tensors)
            lines << QStringLiteral("%1\t%2\t%3")
                         .arg(QString::fromStdString(tensor.name),
                              QString::fromLatin1(io::dtype_name(tensor.dtype).data()),
                              shapeText(tensor.shape));
        for (const auto& [key, value] : index.metadata)
            lines << QStringLiteral("metadata\t%1\t%2")
                         .arg(QString::fromStdString(key), QString::fromStdString(value));
        lines << QStringLiteral("total: %1 tensors (%2), %3 parameters, %4 bytes")
                     .arg(index.tensors.size())
                     .arg(dtypeSummary(index))
                     .arg(parameterCount(index))
                     .arg(index.file_size);
        return lines;
    });
}

QStringList inspectModelFolder(const QString& path)
{
    return guarded([&] {
        const auto folder = io::ModelFolder::open(path.toStdString());
        QStringList lines;
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
            lines << line;
        }
        return lines;
    });
}

void writeRandomModel(const QString& out, const RandomModelRequest& request)
{
    models::RandomModelOptions options;
    options.preset =
        request.preset == QStringLiteral("sd15") ? models::ModelPreset::SD15 : models::ModelPreset::Tiny;
    options.seed = request.seed;
    options.fp16 = request.fp16;
    options.tokenizer_source = QDir(request.tokenizerFolder).filesystemAbsolutePath();
    if (request.progress)
        options.progress = [&](const std::string& component) {
            request.progress(QString::fromStdString(component));
        };
    guarded([&] {
        models::write_random_model(QDir(out).filesystemAbsolutePath(), options);
        return 0;
    });
}

} // namespace eikona::backend
