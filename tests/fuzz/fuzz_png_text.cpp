// A PNG's text chunks (tEXt, zTXt, iTXt; CRCs, lengths, bounded inflation) and the A1111
// "parameters" parser on whatever text they hold, and on the raw bytes as text too.

#include "generation_parameters.h"
#include "png_text.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (const auto entries = eikona::store::readPngText(bytes)) {
        for (const auto& [keyword, text] : *entries) {
            if (text.size() > eikona::store::k_maxTextBytes)
                std::abort();
            eikona::store::parseParameters(text);
        }
    }
    eikona::store::parseParameters(QString::fromUtf8(bytes));
    return 0;
}
