#include "png_text.h"

#include <zlib.h>

#include <QtEndian>

#include <array>
#include <cstdint>

namespace eikona::store {

namespace {

const QByteArray k_signature("\x89PNG\r\n\x1a\n", 8);

// The CRC-32 PNG chunks carry (ISO 3309, reflected, polynomial 0xEDB88320).
std::uint32_t crc32(const QByteArray& type, const QByteArray& data)
{
    static const auto table = [] {
        std::array<std::uint32_t, 256> entries{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1U) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            entries[n] = c;
        }
        return entries;
    }();
    std::uint32_t crc = 0xFFFFFFFFU;
    for (const auto* bytes : {&type, &data})
        for (const char byte : *bytes)
            crc = table[(crc ^ static_cast<std::uint8_t>(byte)) & 0xFFU] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFU;
}

QByteArray chunk(const QByteArray& type, const QByteArray& data)
{
    QByteArray out;
    out.resize(4);
    qToBigEndian(static_cast<quint32>(data.size()), out.data());
    out += type;
    out += data;
    QByteArray crc(4, '\0');
    qToBigEndian(crc32(type, data), crc.data());
    return out + crc;
}

bool isLatin1(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() > 0xFF)
            return false;
    return true;
}

bool validKeyword(const QString& keyword)
{
    return !keyword.isEmpty() && keyword.size() <= 79 && isLatin1(keyword) && !keyword.contains(QChar(0));
}

struct Chunk {
    QByteArray type;
    QByteArray data;
    qsizetype end = 0; ///< offset just after the chunk
};

// Splits a PNG into chunks; nullopt on any damage.
std::optional<QList<Chunk>> chunks(const QByteArray& png)
{
    if (!png.startsWith(k_signature))
        return std::nullopt;
    QList<Chunk> list;
    qsizetype at = k_signature.size();
    while (at < png.size()) {
        if (png.size() - at < 12)
            return std::nullopt;
        const auto length = qFromBigEndian<quint32>(png.constData() + at);
        if (length > static_cast<quint32>(png.size() - at - 12))
            return std::nullopt;
        Chunk c;
        c.type = png.mid(at + 4, 4);
        c.data = png.mid(at + 8, static_cast<qsizetype>(length));
        const auto crc = qFromBigEndian<quint32>(png.constData() + at + 8 + length);
        if (crc != crc32(c.type, c.data))
            return std::nullopt;
        at += 12 + static_cast<qsizetype>(length);
        c.end = at;
        list.append(c);
        if (c.type == "IEND")
            break;
    }
    if (list.isEmpty() || list.front().type != "IHDR" || list.back().type != "IEND")
        return std::nullopt;
    return list;
}

// zlib data as PNG stores it, inflated up to k_maxTextBytes: a few kilobytes of zTXt can
// inflate to gigabytes (qUncompress would try), and no picture's text needs more.
std::optional<QByteArray> inflate(const QByteArray& deflated)
{
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK)
        return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(deflated.constData()));
    stream.avail_in = static_cast<uInt>(deflated.size());
    QByteArray out;
    int status = Z_OK;
    while (status == Z_OK) {
        const auto done = out.size();
        if (done >= k_maxTextBytes) {
            inflateEnd(&stream);
            return std::nullopt;
        }
        const auto room = std::min<qsizetype>(k_maxTextBytes - done, 64 * 1024);
        out.resize(done + room);
        stream.next_out = reinterpret_cast<Bytef*>(out.data() + done);
        stream.avail_out = static_cast<uInt>(room);
        status = ::inflate(&stream, Z_NO_FLUSH);
        out.resize(done + room - static_cast<qsizetype>(stream.avail_out));
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return std::nullopt;
    return out;
}

std::optional<QPair<QString, QString>> textEntry(const Chunk& c)
{
    const auto nul = c.data.indexOf('\0');
    if (nul < 1)
        return std::nullopt;
    const auto keyword = QString::fromLatin1(c.data.left(nul));
    const auto rest = c.data.mid(nul + 1);
    if (c.type == "tEXt")
        return qMakePair(keyword, QString::fromLatin1(rest));
    if (c.type == "zTXt") {
        if (rest.isEmpty())
            return std::nullopt;
        const auto text = inflate(rest.mid(1));
        return text ? std::optional(qMakePair(keyword, QString::fromLatin1(*text))) : std::nullopt;
    }
    // iTXt: compression flag, method, language tag\0, translated keyword\0, text.
    if (rest.size() < 2)
        return std::nullopt;
    const bool compressed = rest[0] != '\0';
    const auto language_end = rest.indexOf('\0', 2);
    const auto translated_end = language_end < 0 ? -1 : rest.indexOf('\0', language_end + 1);
    if (translated_end < 0)
        return std::nullopt;
    auto text = rest.mid(translated_end + 1);
    if (compressed) {
        const auto inflated = inflate(text);
        if (!inflated)
            return std::nullopt;
        text = *inflated;
    }
    return qMakePair(keyword, QString::fromUtf8(text));
}

} // namespace

QByteArray withPngText(const QByteArray& png, const PngTextEntries& entries)
{
    const auto list = chunks(png);
    if (!list)
        return {};
    QByteArray text_chunks;
    for (const auto& [keyword, text] : entries) {
        if (!validKeyword(keyword))
            return {};
        if (isLatin1(text))
            text_chunks += chunk("tEXt", keyword.toLatin1() + '\0' + text.toLatin1());
        else
            text_chunks += chunk("iTXt", keyword.toLatin1() + QByteArray(5, '\0') + text.toUtf8());
    }
    const auto header_end = list->front().end;
    return png.left(header_end) + text_chunks + png.mid(header_end);
}

std::optional<PngTextEntries> readPngText(const QByteArray& png)
{
    const auto list = chunks(png);
    if (!list)
        return std::nullopt;
    PngTextEntries entries;
    for (const auto& c : *list)
        if (c.type == "tEXt" || c.type == "zTXt" || c.type == "iTXt") {
            const auto entry = textEntry(c);
            if (!entry)
                return std::nullopt;
            entries.append(*entry);
        }
    return entries;
}

} // namespace eikona::store
