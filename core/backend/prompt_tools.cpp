#include "prompt_tools.h"

#include "local_model.h"
#include "pipeline/prompt_parser.h"
#include "tokenizer/clip_tokenizer.h"

#include <QDir>
#include <QRegularExpression>

#include <cmath>

namespace eikona::backend {

namespace {

constexpr int k_chunkTokens = 75;

bool isWordBoundary(const QString& text, int position)
{
    return position < 0 || position >= text.size() || !text[position].isLetterOrNumber();
}

// Characters that end a word for Ctrl+Up/Down, as A1111's edit-attention delimiters.
bool isDelimiter(QChar c)
{
    return c.isSpace() || QStringLiteral(".,\\/!?%^*;:{}=`~()[]<>").contains(c);
}

QString formatWeight(double weight)
{
    auto text = QString::number(std::round(weight * 100) / 100, 'f', 2);
    while (text.endsWith(u'0') && !text.endsWith(QStringLiteral(".0")))
        text.chop(1);
    return text;
}

// ":1.2" closing the text of a weighted group.
const QRegularExpression& weightSuffix()
{
    static const QRegularExpression weight(QStringLiteral(":\\s*[-+]?\\d*\\.?\\d+\\s*$"));
    return weight;
}

// The "(text:1.2)" group containing position `at` (innermost), as [open, close] indices.
std::optional<std::pair<int, int>> weightedGroupAround(const QString& text, int at)
{
    QList<int> opens;
    std::optional<std::pair<int, int>> found;
    for (int i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\') {
            ++i;
            continue;
        }
        if (text[i] == u'(') {
            opens.append(i);
        } else if (text[i] == u')' && !opens.isEmpty()) {
            const int open = opens.takeLast();
            const bool contains = open < at && at <= i;
            if (contains && weightSuffix().match(text.mid(open + 1, i - open - 1)).hasMatch() &&
                (!found || open > found->first))
                found = std::pair{open, i};
        }
    }
    return found;
}

} // namespace

QList<PromptSpan> promptSyntaxSpans(const QString& prompt)
{
    QList<PromptSpan> spans;
    QList<int> opens; // positions of unmatched ( and [
    for (int i = 0; i < prompt.size(); ++i) {
        const QChar c = prompt[i];
        if (c == u'\\' && i + 1 < prompt.size() && QStringLiteral("()[]\\").contains(prompt[i + 1])) {
            spans.append({i, 2, PromptSpan::Kind::Escape});
            ++i;
        } else if (c == u'(' || c == u'[') {
            opens.append(i);
        } else if (c == u')' || c == u']') {
            const QChar partner = c == u')' ? u'(' : u'[';
            if (!opens.isEmpty() && prompt[opens.last()] == partner) {
                const int open = opens.takeLast();
                spans.append({open, 1, PromptSpan::Kind::Bracket});
                if (c == u')') {
                    const auto match = weightSuffix().match(prompt.mid(open + 1, i - open - 1));
                    if (match.hasMatch())
                        spans.append({open + 1 + static_cast<int>(match.capturedStart()),
                                      static_cast<int>(match.capturedLength()), PromptSpan::Kind::Weight});
                }
                spans.append({i, 1, PromptSpan::Kind::Bracket});
            } else {
                spans.append({i, 1, PromptSpan::Kind::Unbalanced});
            }
        } else if (c == u'B' && prompt.mid(i, 5) == QStringLiteral("BREAK") &&
                   isWordBoundary(prompt, i - 1) && isWordBoundary(prompt, i + 5)) {
            spans.append({i, 5, PromptSpan::Kind::Break});
            i += 4;
        }
    }
    for (const int open : std::as_const(opens))
        spans.append({open, 1, PromptSpan::Kind::Unbalanced});
    std::sort(spans.begin(), spans.end(),
              [](const PromptSpan& a, const PromptSpan& b) { return a.start < b.start; });
    return spans;
}

std::optional<PromptEdit> adjustEmphasis(const QString& text, int selectionStart, int selectionEnd,
                                         double delta)
{
    int start = std::clamp(std::min(selectionStart, selectionEnd), 0, static_cast<int>(text.size()));
    int end = std::clamp(std::max(selectionStart, selectionEnd), 0, static_cast<int>(text.size()));
    if (start == end) {
        if (const auto group = weightedGroupAround(text, start)) {
            start = group->first + 1;
            end = static_cast<int>(text.lastIndexOf(u':', group->second));
        } else {
            while (start > 0 && !isDelimiter(text[start - 1]))
                --start;
            while (end < text.size() && !isDelimiter(text[end]))
                ++end;
        }
    }
    // Spaces around a selection stay outside the brackets.
    while (start < end && text[start].isSpace())
        ++start;
    while (end > start && text[end - 1].isSpace())
        --end;
    if (start == end)
        return std::nullopt;

    // Already "(selection:w)": change w.
    static const QRegularExpression weightAfter(QStringLiteral("^:\\s*([-+]?\\d*\\.?\\d+)\\s*\\)"));
    const auto match = weightAfter.match(QStringView(text).mid(end));
    if (start > 0 && text[start - 1] == u'(' && match.hasMatch()) {
        const double weight = match.captured(1).toDouble() + delta;
        const int groupEnd = end + static_cast<int>(match.capturedLength());
        const auto inner = text.mid(start, end - start);
        if (std::abs(weight - 1.0) < 1e-9) {
            PromptEdit edit{text.left(start - 1) + inner + text.mid(groupEnd), start - 1, end - 1};
            return edit;
        }
        return PromptEdit{text.left(end) + u':' + formatWeight(weight) + u')' + text.mid(groupEnd), start,
                          end};
    }
    const auto inner = text.mid(start, end - start);
    return PromptEdit{text.left(start) + u'(' + inner + u':' + formatWeight(1.0 + delta) + u')' +
                          text.mid(end),
                      start + 1, end + 1};
}

struct PromptTokenCounter::Impl {
    tokenizer::ClipTokenizer tokenizer;
};

PromptTokenCounter::PromptTokenCounter() = default;
PromptTokenCounter::~PromptTokenCounter() = default;

std::unique_ptr<PromptTokenCounter> PromptTokenCounter::open(const QString& tokenizerFolder)
{
    const auto folder = tokenizerFolder.isEmpty()
                            ? QDir(store::sd15DefaultsFolder()).filePath(QStringLiteral("tokenizer"))
                            : tokenizerFolder;
    try {
        std::unique_ptr<PromptTokenCounter> counter(new PromptTokenCounter);
        counter->d =
            std::make_unique<Impl>(Impl{tokenizer::ClipTokenizer::from_directory(folder.toStdString())});
        return counter;
    } catch (const std::exception&) {
        return nullptr;
    }
}

PromptTokenCounter::Count PromptTokenCounter::count(const QString& prompt, bool a1111Syntax) const
{
    // As the engine's chunk_prompt: a chunk holds 75 ids; BREAK always opens a new one.
    std::vector<pipeline::PromptFragment> fragments;
    if (a1111Syntax)
        fragments = pipeline::parse_prompt_attention(prompt.toStdString());
    else
        fragments.push_back({prompt.toStdString(), 1.0, false});
    int chunks = 1;
    int inLast = 0;
    for (const auto& fragment : fragments) {
        if (fragment.is_break) {
            ++chunks;
            inLast = 0;
            continue;
        }
        for (std::size_t i = d->tokenizer.tokenize(fragment.text).size(); i > 0; --i) {
            if (inLast == k_chunkTokens) {
                ++chunks;
                inLast = 0;
            }
            ++inLast;
        }
    }
    return {(chunks - 1) * k_chunkTokens + inLast, chunks * k_chunkTokens};
}

} // namespace eikona::backend
