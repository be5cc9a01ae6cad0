// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>

// What an email provider hands to the mail server: the envelope, the login and the TLS rule.
struct SmtpEnvelope
{
    QByteArray url; // smtp://host:port (STARTTLS) or smtps://host:port (TLS from the first byte)
    QByteArray from;
    QList<QByteArray> to;
    QByteArray username;
    QByteArray password;
    bool starttls = true; // smtp:// only: false sends in clear text (refused with a login)
    QByteArray caFile; // an extra CA beside the system's
};

// How one attempt ended. `transient`: asking again may help (no connection, a 4xx reply, the deadline).
struct SmtpOutcome
{
    bool ok = false;
    bool transient = false;
    int reply = 0; // the server's last SMTP reply code; 0 = none
    QString reason; // never holds the password
};

// One blocking SMTP transaction through libcurl (STARTTLS required on smtp://, certificates verified, one overall
// deadline); run it off the GUI thread. `cancel` set from another thread ends it within about a second.
class SmtpTransfer
{
    Q_DECLARE_TR_FUNCTIONS(SmtpTransfer)

public:
    static SmtpOutcome send(
        const SmtpEnvelope &envelope, const QByteArray &message, int timeoutMs, const std::atomic_bool *cancel);
};
