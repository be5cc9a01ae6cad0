// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/mailmessage.h"

#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

bool printableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            return false;
        }
    }
    return true;
}

QByteArray wrapped(const QByteArray &base64)
{
    QByteArray out;
    for (qsizetype i = 0; i < base64.size(); i += 76) {
        out += base64.mid(i, 76) + "\r\n";
    }
    return out;
}

QByteArray rfc2822Date(const QDateTime &now)
{
    // The C locale: day and month names are English whatever the user's language.
    return QLocale::c().toString(now.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss +0000"_s).toLatin1();
}

} // namespace

namespace MailMessage {

QByteArray encodeHeader(const QString &text)
{
    const QString flat = QString(text).replace(u'\r', u' ').replace(u'\n', u' ');
    if (printableAscii(flat)) {
        return flat.toLatin1();
    }
    // "=?UTF-8?B?" + 60 base64 characters + "?=" stays within 75; a word never splits a character.
    QByteArray out;
    QByteArray chunk;
    for (qsizetype i = 0; i < flat.size(); ++i) {
        const qsizetype width = flat.at(i).isHighSurrogate() && i + 1 < flat.size() ? 2 : 1;
        const QByteArray utf8 = flat.mid(i, width).toUtf8();
        i += width - 1;
        if (chunk.size() + utf8.size() > 45) {
            out += (out.isEmpty() ? "" : "\r\n ") + QByteArray("=?UTF-8?B?") + chunk.toBase64() + "?=";
            chunk.clear();
        }
        chunk += utf8;
    }
    if (!chunk.isEmpty()) {
        out += (out.isEmpty() ? "" : "\r\n ") + QByteArray("=?UTF-8?B?") + chunk.toBase64() + "?=";
    }
    return out;
}

QStringList addresses(const QString &list, QStringList *bad)
{
    static const QRegularExpression bare(u"^[^\\s@<>,;\"]+@[^\\s@<>,;\"]+$"_s);
    static const QRegularExpression named(u"^[^<>]*<([^\\s@<>,;\"]+@[^\\s@<>,;\"]+)>$"_s);
    QStringList out;
    const QStringList items = list.split(QRegularExpression(u"[,;]"_s), Qt::SkipEmptyParts);
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        if (item.isEmpty()) {
            continue;
        }
        if (bare.match(item).hasMatch()) {
            out.append(item);
        } else if (const auto m = named.match(item); m.hasMatch()) {
            out.append(m.captured(1));
        } else if (bad) {
            bad->append(item);
        }
    }
    return out;
}

bool starttlsOption(const QString &value)
{
    const QString v = value.toLower();
    return !(v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("off"));
}

QByteArray compose(const NotificationEvent &event, const QString &from, const QStringList &to, const QDateTime &now)
{
    const QString domain = from.section(u'@', 1).section(u'>', 0, 0);
    QByteArray head;
    head += "From: " + from.toUtf8() + "\r\n";
    head += "To: " + to.join(u", "_s).toUtf8() + "\r\n";
    head += "Subject: " + encodeHeader(event.headline()) + "\r\n";
    head += "Date: " + rfc2822Date(now) + "\r\n";
    head += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@"
        + (domain.isEmpty() ? QByteArray("opsdeck.invalid") : domain.toUtf8()) + ">\r\n";
    head += "MIME-Version: 1.0\r\n";
    head += "Content-Type: text/plain; charset=utf-8\r\n";
    head += "Content-Transfer-Encoding: base64\r\n";
    head += "Auto-Submitted: auto-generated\r\n";
    head += "X-OpsDeck-Event: " + encodeHeader(event.key()) + "\r\n";
    QString text = event.text();
    text.replace(u"\r\n"_s, u"\n"_s).replace(u'\n', u"\r\n"_s);
    return head + "\r\n" + wrapped(text.toUtf8().toBase64());
}

} // namespace MailMessage
