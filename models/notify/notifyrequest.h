// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/notificationevent.h"
#include "notify/smtptransfer.h"
#include "workspace/workspace.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

#include <optional>

// The HTTP request one provider expects for one event, with the ${NAME} references resolved. Only the sender reads
// `url`, `headers` and `body`; what may be shown (shownUrl, reasons) has the secrets put back as ${NAME}.
struct NotifyRequest
{
    Q_DECLARE_TR_FUNCTIONS(NotifyRequest)

public:
    QUrl url;
    QByteArray method = "POST";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString shownUrl; // redacted: the URL as written in the workspace, a literal one without its path
    QList<QPair<QString, QString>> secrets; // resolved value → ${NAME}
    QString error; // set when nothing can be sent (a secret without a value, an unknown kind)
    std::optional<SmtpEnvelope> mail; // an email provider: `body` is the whole message, sent over SMTP

    static constexpr const char *pagerDutyUrl = "https://events.pagerduty.com/v2/enqueue";

    // The request `provider` takes for `event`; a relative ca-file is resolved from `baseDir`.
    static NotifyRequest build(
        const NotifyProvider &provider, const NotificationEvent &event, const QString &baseDir = QString());
    // `text` with every resolved secret value replaced by its ${NAME}.
    QString redact(QString text) const;

private:
    QString resolve(const QString &text);
    QByteArray header(const QByteArray &name) const;
    void buildMail(const QMap<QString, QString> &options, const NotificationEvent &event, const QString &baseDir);
};
