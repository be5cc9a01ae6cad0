// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/jsoncursor.h"

#include <charconv>
#include <cstring>

using namespace Qt::StringLiterals;

JsonCursor::JsonCursor(QByteArrayView text, qsizetype offset)
    : m_begin(text.data())
    , m_p(text.data() + offset)
    , m_end(text.data() + text.size())
{ }

char JsonCursor::peek()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) {
        ++m_p;
    }
    return m_p < m_end ? *m_p : '\0';
}

bool JsonCursor::tryConsume(char c)
{
    if (peek() == c && m_p < m_end) {
        ++m_p;
        return true;
    }
    return false;
}

void JsonCursor::expect(char c)
{
    if (!tryConsume(c)) {
        fail(u"'%1'"_s.arg(QLatin1Char(c)));
    }
}

QString JsonCursor::found() const
{
    if (m_p >= m_end) {
        return tr("the end of the body");
    }
    const uchar c = uchar(*m_p);
    if (c >= 0x20 && c < 0x7f) {
        return u"'%1'"_s.arg(QLatin1Char(char(c)));
    }
    return tr("byte 0x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
}

void JsonCursor::fail(const QString &expected) const
{
    failAt(offset(), tr("expected %1 at byte %2, found %3").arg(expected).arg(offset()).arg(found()));
}

void JsonCursor::failAt(qsizetype offset, const QString &message) const
{
    throw Error { message, offset };
}

QByteArrayView JsonCursor::rawString(bool *escaped)
{
    if (peek() != '"') {
        fail(tr("a string"));
    }
    const char *start = ++m_p;
    *escaped = false;
    bool ascii = true;
    for (;;) {
        // memchr is fast even in a debug build; most strings have neither escapes nor multi-byte characters.
        const auto *quote = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
        if (!quote) {
            m_p = m_end;
            failAt(offset(), tr("a string that starts at byte %1 is not closed").arg(start - 1 - m_begin));
        }
        const auto *backslash = static_cast<const char *>(std::memchr(m_p, '\\', size_t(quote - m_p)));
        for (const char *c = m_p; c < (backslash ? backslash : quote); ++c) {
            if (uchar(*c) < 0x20) {
                m_p = c;
                fail(tr("an escaped control character"));
            }
            ascii = ascii && uchar(*c) < 0x80;
        }
        if (!backslash) {
            m_p = quote + 1;
            break;
        }
        *escaped = true;
        m_p = backslash + 2; // the escaped character is checked by decode()
        if (m_p > m_end) {
            m_p = m_end;
            failAt(offset(), tr("a string that starts at byte %1 is not closed").arg(start - 1 - m_begin));
        }
    }
    const QByteArrayView raw(start, m_p - 1 - start);
    if (!ascii && !raw.isValidUtf8()) {
        failAt(start - m_begin, tr("the string at byte %1 is not valid UTF-8").arg(start - 1 - m_begin));
    }
    return raw;
}

QString JsonCursor::string()
{
    const qsizetype at = offset() + 1;
    bool escaped = false;
    const QByteArrayView raw = rawString(&escaped);
    return escaped ? decode(raw, at) : QString::fromUtf8(raw);
}

QString JsonCursor::decode(QByteArrayView raw, qsizetype rawOffset) const
{
    QString out;
    out.reserve(raw.size());
    qsizetype plain = 0;
    const auto hex = [&](qsizetype at) -> char16_t {
        uint value = 0;
        for (qsizetype k = at; k < at + 4; ++k) {
            const char c = k < raw.size() ? raw[k] : '\0';
            const int digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f'             ? c - 'a' + 10
                : c >= 'A' && c <= 'F'             ? c - 'A' + 10
                                                   : -1;
            if (digit < 0) {
                failAt(rawOffset + at, tr("expected four hex digits after \\u at byte %1").arg(rawOffset + at));
            }
            value = value * 16 + uint(digit);
        }
        return char16_t(value);
    };
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\') {
            continue;
        }
        out += QString::fromUtf8(raw.sliced(plain, i - plain));
        const char e = i + 1 < raw.size() ? raw[i + 1] : '\0';
        qsizetype consumed = 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            out += QLatin1Char(e);
            break;
        case 'b':
            out += QLatin1Char('\b');
            break;
        case 'f':
            out += QLatin1Char('\f');
            break;
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case 'u':
            out += QChar(hex(i + 2)); // a surrogate pair arrives as two \u escapes, each one UTF-16 unit
            consumed = 6;
            break;
        default:
            failAt(rawOffset + i, tr("invalid escape at byte %1").arg(rawOffset + i));
        }
        i += consumed - 1;
        plain = i + 1;
    }
    out += QString::fromUtf8(raw.sliced(plain));
    return out;
}

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

bool parseNumber(const char *begin, const char *end, double *value)
{
    if (JsonCursor::simpleDecimal(begin, end, value)) {
        return true;
    }
    const auto [stop, ec] = std::from_chars(begin, end, *value);
    return begin != end && ec == std::errc() && stop == end;
}

} // namespace

bool JsonCursor::simpleDecimal(const char *begin, const char *end, double *value)
{
    static constexpr double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
    constexpr quint64 exactLimit = quint64(1) << 53;
    const char *p = begin;
    const bool negative = p < end && *p == '-';
    p += negative ? 1 : 0;
    const char *digits = p;
    quint64 mantissa = 0;
    int decimals = 0;
    bool point = false;
    for (; p < end; ++p) {
        if (*p == '.' && !point) {
            point = true;
            continue;
        }
        if (*p < '0' || *p > '9' || mantissa >= exactLimit) {
            return false;
        }
        mantissa = mantissa * 10 + quint64(*p - '0');
        decimals += point ? 1 : 0;
    }
    // Both operands exact and one IEEE division: correctly rounded, as strtod.
    if (p == digits || *digits == '.' || end[-1] == '.' || mantissa > exactLimit || decimals > 22) {
        return false;
    }
    const double magnitude = double(mantissa) / powers[decimals];
    *value = negative ? -magnitude : magnitude;
    return true;
}

double JsonCursor::number()
{
    peek();
    const char *start = m_p;
    while (m_p < m_end && isNumberChar(*m_p)) {
        ++m_p;
    }
    double value = 0;
    if (!parseNumber(start, m_p, &value)) {
        m_p = start;
        fail(tr("a number"));
    }
    return value;
}

bool JsonCursor::numberStringPair(double *number, QByteArrayView *string, qsizetype *stringOffset)
{
    const char *p = m_p;
    while (p < m_end && isSpace(*p)) {
        ++p;
    }
    if (p == m_end || *p != '[') {
        return false;
    }
    ++p;
    while (p < m_end && isSpace(*p)) {
        ++p;
    }
    const char *start = p;
    while (p < m_end && isNumberChar(*p)) {
        ++p;
    }
    if (!parseNumber(start, p, number)) {
        return false;
    }
    while (p < m_end && isSpace(*p)) {
        ++p;
    }
    if (p == m_end || *p != ',') {
        return false;
    }
    ++p;
    while (p < m_end && isSpace(*p)) {
        ++p;
    }
    if (p == m_end || *p != '"') {
        return false;
    }
    const char *text = ++p;
    const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(m_end - p)));
    if (!quote) {
        return false;
    }
    for (; p < quote; ++p) {
        if (*p == '\\' || uchar(*p) < 0x20 || uchar(*p) >= 0x80) {
            return false;
        }
    }
    ++p;
    while (p < m_end && isSpace(*p)) {
        ++p;
    }
    if (p == m_end || *p != ']') {
        return false;
    }
    *string = QByteArrayView(text, quote - text);
    *stringOffset = text - m_begin;
    m_p = p + 1;
    return true;
}

void JsonCursor::skipValue(int depth)
{
    if (depth > maxDepth) {
        failAt(offset(), tr("values are nested more than %1 deep at byte %2").arg(maxDepth).arg(offset()));
    }
    const char c = peek();
    if (c == '{' || c == '[') {
        const char close = c == '{' ? '}' : ']';
        ++m_p;
        if (tryConsume(close)) {
            return;
        }
        do {
            if (c == '{') {
                bool escaped = false;
                rawString(&escaped);
                expect(':');
            }
            skipValue(depth + 1);
        } while (tryConsume(','));
        expect(close);
    } else if (c == '"') {
        bool escaped = false;
        const qsizetype at = offset() + 1;
        const QByteArrayView raw = rawString(&escaped);
        if (escaped) {
            decode(raw, at); // checks the escapes
        }
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        number();
    } else {
        for (const char *literal : { "true", "false", "null" }) {
            const size_t n = std::strlen(literal);
            if (size_t(m_end - m_p) >= n && std::memcmp(m_p, literal, n) == 0) {
                m_p += n;
                return;
            }
        }
        fail(tr("a value"));
    }
}

void JsonCursor::expectEnd()
{
    if (!atEnd()) {
        failAt(offset(), tr("unexpected text after the answer at byte %1").arg(offset()));
    }
}
