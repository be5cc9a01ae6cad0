// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/exposition.h"

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// A cursor over one line; every read reports what it expected on failure.
class LineReader
{
public:
    explicit LineReader(QByteArrayView line)
        : m_line(line)
    { }

    void skipBlanks()
    {
        while (m_pos < m_line.size() && isBlank(m_line.at(m_pos))) {
            ++m_pos;
        }
    }
    bool atEnd() const { return m_pos >= m_line.size(); }
    char peek() const { return atEnd() ? '\0' : m_line.at(m_pos); }
    qsizetype column() const { return m_pos + 1; }

    QString name(bool allowColon = true)
    {
        const qsizetype start = m_pos;
        if (atEnd() || !isNameStart(peek()) || (!allowColon && peek() == ':')) {
            return {};
        }
        while (!atEnd() && isNameChar(peek()) && (allowColon || peek() != ':')) {
            ++m_pos;
        }
        return QString::fromLatin1(m_line.sliced(start, m_pos - start));
    }

    // After the opening quote; reads up to the closing one.
    std::optional<QString> quoted(QString *error)
    {
        QByteArray out;
        while (!atEnd()) {
            const char c = m_line.at(m_pos++);
            if (c == '"') {
                return QString::fromUtf8(out);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (atEnd()) {
                break;
            }
            const char e = m_line.at(m_pos++);
            if (e == 'n') {
                out.append('\n');
            } else if (e == '\\' || e == '"') {
                out.append(e);
            } else {
                *error = ExpositionParser::tr("unknown escape \\%1 in a label value").arg(QLatin1Char(e));
                return std::nullopt;
            }
        }
        *error = ExpositionParser::tr("label value without a closing quote");
        return std::nullopt;
    }

    QByteArrayView token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && !isBlank(peek())) {
            ++m_pos;
        }
        return m_line.sliced(start, m_pos - start);
    }

    QByteArrayView rest() const { return m_line.sliced(std::min(m_pos, m_line.size())); }
    void advance() { ++m_pos; }

private:
    QByteArrayView m_line;
    qsizetype m_pos = 0;
};

QString parseLabels(LineReader &r, MetricLabels *labels)
{
    r.advance(); // '{'
    for (;;) {
        r.skipBlanks();
        if (r.peek() == '}') {
            r.advance();
            return {};
        }
        const QString label = r.name(false);
        if (label.isEmpty()) {
            return ExpositionParser::tr("column %1: expected a label name or '}'").arg(r.column());
        }
        r.skipBlanks();
        if (r.peek() != '=') {
            return ExpositionParser::tr("column %1: expected '=' after label %2").arg(r.column()).arg(label);
        }
        r.advance();
        r.skipBlanks();
        if (r.peek() != '"') {
            return ExpositionParser::tr("column %1: expected a quoted value for label %2").arg(r.column()).arg(label);
        }
        r.advance();
        QString error;
        const std::optional<QString> value = r.quoted(&error);
        if (!value) {
            return ExpositionParser::tr("label %1: %2").arg(label, error);
        }
        if (labels->contains(label)) {
            return ExpositionParser::tr("label %1 appears twice").arg(label);
        }
        labels->insert(label, *value);
        r.skipBlanks();
        if (r.peek() == ',') {
            r.advance();
        } else if (r.peek() != '}') {
            return ExpositionParser::tr("column %1: expected ',' or '}' after a label").arg(r.column());
        }
    }
}

QString parseSample(QByteArrayView line, MetricSample *sample)
{
    LineReader r(line);
    r.skipBlanks();
    sample->name = r.name();
    if (sample->name.isEmpty()) {
        return ExpositionParser::tr("expected a metric name");
    }
    r.skipBlanks();
    if (r.peek() == '{') {
        if (QString error = parseLabels(r, &sample->labels); !error.isEmpty()) {
            return error;
        }
    }
    r.skipBlanks();
    const QByteArrayView valueText = r.token();
    if (valueText.isEmpty()) {
        return ExpositionParser::tr("%1: expected a value").arg(sample->name);
    }
    const std::optional<double> value = ExpositionParser::parseValue(valueText);
    if (!value) {
        return ExpositionParser::tr("%1: \"%2\" is not a number").arg(sample->name, QString::fromUtf8(valueText));
    }
    sample->value = *value;
    r.skipBlanks();
    if (!r.atEnd()) {
        const QByteArrayView stampText = r.token();
        bool ok = false;
        const qint64 stamp = QByteArray(stampText.data(), stampText.size()).toLongLong(&ok);
        if (!ok) {
            return ExpositionParser::tr("%1: \"%2\" is not a timestamp in milliseconds")
                .arg(sample->name, QString::fromUtf8(stampText));
        }
        sample->timestampMs = stamp;
        r.skipBlanks();
        if (!r.atEnd()) {
            return ExpositionParser::tr("%1: unexpected text after the timestamp: %2")
                .arg(sample->name, QString::fromUtf8(r.rest()));
        }
    }
    return {};
}

QString parseComment(QByteArrayView line, Exposition *out)
{
    LineReader r(line);
    r.advance(); // '#'
    r.skipBlanks();
    const QByteArrayView keyword = r.token();
    if (keyword != "HELP" && keyword != "TYPE") {
        return {}; // an ordinary comment
    }
    r.skipBlanks();
    const QString name = r.name();
    if (name.isEmpty()) {
        return ExpositionParser::tr("# %1 without a metric name").arg(QString::fromLatin1(keyword));
    }
    r.skipBlanks();
    if (keyword == "HELP") {
        QString help = QString::fromUtf8(r.rest());
        help.replace(QLatin1String("\\n"), QLatin1String("\n")).replace(QLatin1String("\\\\"), QLatin1String("\\"));
        out->help.insert(name, help);
        return {};
    }
    const QString type = QString::fromLatin1(r.token());
    static const QStringList types { u"counter"_s, u"gauge"_s, u"histogram"_s, u"summary"_s, u"untyped"_s };
    if (!types.contains(type)) {
        return ExpositionParser::tr("# TYPE %1: unknown type \"%2\"").arg(name, type);
    }
    if (out->types.contains(name)) {
        return ExpositionParser::tr("# TYPE %1 given twice").arg(name);
    }
    out->types.insert(name, type);
    return {};
}

} // namespace

std::optional<double> ExpositionParser::parseValue(QByteArrayView text)
{
    const QByteArray lower = QByteArray(text.data(), text.size()).toLower();
    if (lower == "nan") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (lower == "+inf" || lower == "inf") {
        return std::numeric_limits<double>::infinity();
    }
    if (lower == "-inf") {
        return -std::numeric_limits<double>::infinity();
    }
    bool ok = false;
    const double value = lower.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

Exposition ExpositionParser::parse(QByteArrayView text)
{
    Exposition out;
    qsizetype start = 0;
    int lineNumber = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.size();
        }
        QByteArrayView line = text.sliced(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        qsizetype first = 0;
        while (first < line.size() && isBlank(line.at(first))) {
            ++first;
        }
        if (first == line.size()) {
            continue;
        }
        QString error;
        if (line.at(first) == '#') {
            error = parseComment(line.sliced(first), &out);
        } else {
            MetricSample sample;
            error = parseSample(line, &sample);
            if (error.isEmpty()) {
                out.samples.append(std::move(sample));
            }
        }
        if (!error.isEmpty() && out.errors.size() < maxErrors) {
            out.errors.append(tr("line %1: %2").arg(lineNumber).arg(error));
        }
    }
    return out;
}
