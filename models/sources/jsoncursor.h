// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

// A forward-only reader of JSON text for parsers that know the shape they expect and would rather not build a
// document first (a 100k-point query_range answer). Values are read in place; what the caller does not want is
// skipped with skipValue(). Malformed JSON throws JsonCursor::Error naming the byte offset.
class JsonCursor final
{
    Q_DECLARE_TR_FUNCTIONS(JsonCursor)

public:
    struct Error
    {
        QString message; // names the offset
        qsizetype offset = 0;
    };
    static constexpr int maxDepth = 256;

    explicit JsonCursor(QByteArrayView text, qsizetype offset = 0);

    qsizetype offset() const { return m_p - m_begin; }
    // The next character that is not white space, or '\0' at the end (white space is skipped).
    char peek();
    bool atEnd() { return peek() == '\0'; }
    // Consumes `c` if it comes next.
    bool tryConsume(char c);
    void expect(char c);
    // The bytes between the quotes of the string that comes next, escapes left as written (*escaped says whether
    // there are any); checked to be UTF-8.
    QByteArrayView rawString(bool *escaped);
    QString string();
    double number();
    // Fast path for `[ <number>, "<string>" ]` (a Prometheus sample) without escapes: true with both read, or false
    // with nothing consumed, for the caller to read the value the general way (and report what is wrong).
    // *stringOffset is where the string's text starts.
    bool numberStringPair(double *number, QByteArrayView *string, qsizetype *stringOffset);
    void skipValue(int depth = 0);
    // After the last value: only white space may follow.
    void expectEnd();

    // Plain decimals ("-12.5", "1700000000") exactly as strtod rounds them, without its cost; false for anything
    // else (exponents, more than 2^53 in the digits, more than 22 decimals), to be read by std::from_chars.
    static bool simpleDecimal(const char *begin, const char *end, double *value);

    // Decodes the escapes of a rawString() (\" \\ \/ \b \f \n \r \t \uXXXX).
    QString decode(QByteArrayView raw, qsizetype rawOffset) const;
    [[noreturn]] void fail(const QString &expected) const;
    [[noreturn]] void failAt(qsizetype offset, const QString &message) const;

private:
    QString found() const;

    const char *m_begin;
    const char *m_p;
    const char *m_end;
};
