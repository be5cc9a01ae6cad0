// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>

// The exporters' promise: a text the user typed on one line cannot add lines, headings or table cells to the
// document. Checked by exporting the same record twice, once with the hostile strings and once with each replaced
// by a harmless one (empty stays empty, equal stays equal), and comparing the documents' shapes.
namespace MarkdownShape {

using namespace Qt::StringLiterals;

inline QString benign(const QString &text)
{
    return text.isEmpty() ? QString() : u"x%1"_s.arg(qHash(text));
}

// Lines as CommonMark ends them: \n, \r\n or \r.
inline QStringList lines(const QString &markdown)
{
    QString text = markdown;
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    return text.split(u'\n');
}

// Cell separators of a table row: pipes not escaped by a backslash.
inline int pipes(const QString &line)
{
    int count = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == u'\\') {
            ++i;
        } else if (line.at(i) == u'|') {
            ++count;
        }
    }
    return count;
}

// On a difference, prints both documents' first differing lines (the fuzzer's crash report then says where).
inline bool sameShape(const QString &hostile, const QString &benignDocument)
{
    const QStringList a = lines(hostile);
    const QStringList b = lines(benignDocument);
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString x = a.value(i).trimmed();
        const QString y = b.value(i).trimmed();
        if (i >= a.size() || i >= b.size() || x.startsWith(u'#') != y.startsWith(u'#')
            || x.startsWith(u'|') != y.startsWith(u'|') || (y.startsWith(u'|') && pipes(x) != pipes(y))) {
            QTextStream(stderr) << "line " << i + 1 << " differs:\n  " << x << "\n  " << y << Qt::endl;
            return false;
        }
    }
    return true;
}

} // namespace MarkdownShape
