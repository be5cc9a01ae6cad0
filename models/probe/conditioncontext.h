// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

struct ProbeResult;

// What the conditions of one endpoint are evaluated against.
struct ConditionInput
{
    int status = 0;
    double responseTimeMs = 0;
    QByteArray body;
    QString ip;
    bool connected = false;
    std::optional<QDateTime> certificateExpiry;
    QDateTime now; // for [CERTIFICATE_EXPIRATION]
    QString dnsRcode; // for [DNS_RCODE]

    static ConditionInput fromResult(const ProbeResult &result, const QDateTime &now);
};

// One probe's input plus its body parsed as JSON, at most once, however many conditions read [BODY] paths.
class ConditionContext final
{
    Q_DECLARE_TR_FUNCTIONS(ConditionContext)

public:
    explicit ConditionContext(ConditionInput input);

    const ConditionInput &input() const { return m_input; }
    // The body's JSON value (any JSON value, not only objects and arrays), or nothing with `error` set.
    const QJsonValue *json(QString *error);
    bool isBodyParsed() const { return m_parsed; }

private:
    ConditionInput m_input;
    QJsonValue m_json;
    QString m_jsonError;
    bool m_parsed = false;
};
