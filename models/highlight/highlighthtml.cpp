// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "highlight/highlighthtml.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace HighlightHtml {

QString sanitize(const QString &html)
{
    qsizetype begin = html.indexOf(QLatin1String("<pre"));
    begin = begin < 0 ? 0 : html.indexOf(QLatin1Char('>'), begin) + 1;
    qsizetype end = html.lastIndexOf(QLatin1String("</pre>"));
    if (end < begin) {
        end = html.size();
    }
    QString body = html.mid(begin, end - begin);
    if (body.startsWith(QLatin1Char('\n'))) {
        body.remove(0, 1);
    }
    if (body.endsWith(QLatin1Char('\n'))) {
        body.chop(1);
    }

    // The tool escapes the highlighted text, so every '<' left is its own markup; keep only styled spans.
    static const QRegularExpression tag(u"<[^>]*>"_s);
    static const QRegularExpression span(u"^<span style=\"[^\"<>]*\">$"_s);
    QString out;
    out.reserve(body.size() + 32);
    out += QLatin1String("<pre style=\"margin:0\">");
    qsizetype last = 0;
    auto it = tag.globalMatch(body);
    while (it.hasNext()) {
        const auto match = it.next();
        out += QStringView(body).mid(last, match.capturedStart() - last);
        const QStringView t = match.capturedView();
        if (t == QLatin1String("</span>") || span.match(t).hasMatch()) {
            out += t;
        } else if (t == QLatin1String("<br>") || t == QLatin1String("<br/>")) {
            out += QLatin1Char('\n');
        }
        last = match.capturedEnd();
    }
    out += QStringView(body).mid(last);
    out += QLatin1String("</pre>");
    return out;
}

QString plain(const QString &text)
{
    return QLatin1String("<pre style=\"margin:0\">") + text.toHtmlEscaped() + QLatin1String("</pre>");
}

QString prettyJson(const QByteArray &body, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    const bool parsed = error.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray());
    if (ok) {
        *ok = parsed;
    }
    if (!parsed) {
        return QString::fromUtf8(body);
    }
    QString text = QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    if (text.endsWith(QLatin1Char('\n'))) {
        text.chop(1);
    }
    return text;
}

QString syntaxForContentType(const QString &contentType)
{
    const QString type = contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (type == QLatin1String("application/json") || type.endsWith(QLatin1String("+json"))) {
        return u"JSON"_s;
    }
    if (type.contains(QLatin1String("yaml"))) {
        return u"YAML"_s;
    }
    if (type == QLatin1String("text/html")) {
        return u"HTML"_s;
    }
    if (type.endsWith(QLatin1String("/xml")) || type.endsWith(QLatin1String("+xml"))) {
        return u"XML"_s;
    }
    if (type == QLatin1String("application/x-sh") || type == QLatin1String("text/x-shellscript")) {
        return u"Bash"_s;
    }
    return {};
}

} // namespace HighlightHtml
