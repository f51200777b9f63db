// A resumed download's Content-Range header, as a hostile server or proxy might send it: what
// parseContentRange accepts is a well-formed range, and rangeContinues agrees with it.

#include "hub_listing.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace eikona::store;
    const QByteArray header(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto range = parseContentRange(header);
    if (!range)
        return 0;
    // Checked here independently of the code under test.
    if (range->first < 0 || range->last < range->first || range->total < -1 ||
        (range->total >= 0 && range->last >= range->total))
        std::abort();
    // The same range written plainly reads back the same.
    const auto plain = "bytes " + QByteArray::number(range->first) + '-' + QByteArray::number(range->last) +
                       '/' + (range->total < 0 ? QByteArray("*") : QByteArray::number(range->total));
    const auto again = parseContentRange(plain);
    if (!again || again->first != range->first || again->last != range->last || again->total != range->total)
        std::abort();
    if (range->total >= 0 && !rangeContinues(header, range->first, range->total))
        std::abort();
    if (rangeContinues(header, range->first + 1, range->total < 0 ? range->last + 1 : range->total))
        std::abort();
    return 0;
}
