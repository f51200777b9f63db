// The model registry file (models.json), as a damaged disk or a hand edit leaves it: read,
// listed and searched without a crash; a file it cannot use is said, never emptied.

#include "model_registry.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace eikona::store;
    static QTemporaryDir folder;
    const auto path = folder.filePath(QStringLiteral("models.json"));
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            return 0;
    }
    const ModelRegistry registry(path, folder.filePath(QStringLiteral("no-hub-cache")));
    registry.problem();
    for (const auto& model : registry.models()) {
        model.sourceText();
        registry.find(model.name);
    }
    registry.find(QStringLiteral("stable-diffusion-v1-5/stable-diffusion-v1-5"));
    // Reading never writes: the file is as it was.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.readAll() != bytes)
        std::abort();
    return 0;
}
