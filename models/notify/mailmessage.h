// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notificationevent.h"

#include <QByteArray>
#include <QStringList>

// An RFC 5322 message for one event: UTF-8 text in base64, the subject as RFC 2047 encoded words when it is not
// ASCII (Korean titles), CRLF line ends, and a Message-ID whose right side is `domain`.
namespace MailMessage {

QByteArray compose(const NotificationEvent &event, const QString &from, const QStringList &to, const QDateTime &now);
// One header value, encoded as RFC 2047 words of at most 75 characters when it is not printable ASCII.
QByteArray encodeHeader(const QString &text);
// "a@b.c, Ops <d@e.f>" → the bare addresses; an entry that is not an address is returned in `bad`.
QStringList addresses(const QString &list, QStringList *bad = nullptr);
// An email provider's `starttls:` option (absent: true); false, no and off turn it off.
bool starttlsOption(const QString &value);

} // namespace MailMessage
