// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/templatetext.h"

#include <QCoreApplication>

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

// Length of the name at `from` when a well-formed "${NAME}" starts at from - 2, else -1.
qsizetype nameLength(QStringView text, qsizetype from)
{
    qsizetype i = from;
    if (i >= text.size() || !isNameStart(text[i])) {
        return -1;
    }
    while (i < text.size() && isNameChar(text[i])) {
        ++i;
    }
    return i < text.size() && text[i] == u'}' ? i - from : -1;
}

} // namespace

QString TemplateText::check(QStringView text)
{
    for (qsizetype at = text.indexOf(u"${"); at >= 0; at = text.indexOf(u"${", at + 2)) {
        if (nameLength(text, at + 2) < 0) {
            const qsizetype close = text.indexOf(u'}', at);
            const QStringView bad = close < 0 ? text.sliced(at) : text.sliced(at, close - at + 1);
            return QCoreApplication::translate("WorkspaceLoader",
                "malformed reference \"%1\": expected ${NAME} where NAME is letters, digits and _ and does not "
                "start with a digit")
                .arg(bad.left(40).toString());
        }
    }
    return {};
}

QStringList TemplateText::names(QStringView text)
{
    QStringList out;
    for (qsizetype at = text.indexOf(u"${"); at >= 0; at = text.indexOf(u"${", at + 2)) {
        const qsizetype length = nameLength(text, at + 2);
        if (length > 0) {
            const QString name = text.sliced(at + 2, length).toString();
            if (!out.contains(name)) {
                out.append(name);
            }
        }
    }
    return out;
}

QString TemplateText::redact(QString text, const QList<QPair<QString, QString>> &secrets)
{
    for (const auto &secret : secrets) {
        text.replace(secret.first, secret.second);
    }
    return text;
}
