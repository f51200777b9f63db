// Other tools' parameters as strangers' pictures carry them: ComfyUI's prompt graph and
// InvokeAI's metadata as JSON text, and a whole PNG's text chunks read into one shape.

#include "picture_metadata.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace eikona::store;
    const auto bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto text = QString::fromUtf8(bytes);
    parametersFromComfyGraph(text);
    parametersFromInvokeMetadata(text);
    pictureMetadataFromBytes(bytes, QStringLiteral("fuzz.png"));
    return 0;
}
