// The model API's answer for a revision, as a hostile server might send it: whatever JSON
// comes, the listing either passes checkListing with every path inside the repository, every
// etag a hash and every size a byte count, or is refused with HubError.

#include "hub_listing.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace eikona::store;
    const auto document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    const auto files = parseSiblings(document.object().value(QStringLiteral("siblings")).toArray());
    try {
        checkListing(files, QStringLiteral("fuzz/repo"));
    } catch (const HubError&) {
        return 0;
    }
    // Checked here independently of the code under test: what is accepted cannot climb out.
    for (const auto& file : files) {
        if (file.path.startsWith(u'/') || file.path.split(u'/').contains(QStringLiteral("..")) ||
            file.size < 0)
            std::abort();
        const auto etag = file.etag();
        if (etag.size() != 40 && etag.size() != 64)
            std::abort();
        for (const auto c : etag)
            if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
                std::abort();
    }
    return 0;
}
