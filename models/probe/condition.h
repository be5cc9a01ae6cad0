// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Temporary stub of the condition language (only "[STATUS] == N" and "[BODY].a.b == v"); the conditions branch
// replaces it.

#include "probe/proberesult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

struct ConditionInput
{
    int status = 0;
    double responseTimeMs = 0;
    QByteArray body;
    QString ip;
    bool connected = false;
    std::optional<QDateTime> certificateExpiry;
    QDateTime now;
};

class ConditionContext final
{
public:
    explicit ConditionContext(ConditionInput input)
        : m_input(std::move(input))
    { }
    const ConditionInput &input() const { return m_input; }
    const QJsonValue *json(QString *error);

private:
    ConditionInput m_input;
    QJsonValue m_json;
    QString m_jsonError;
    bool m_parsed = false;
};

class Condition final
{
    Q_DECLARE_TR_FUNCTIONS(Condition)

public:
    static std::optional<Condition> parse(const QString &text, QString *error);
    ConditionResult evaluate(ConditionContext &context) const;
    const QString &text() const { return m_text; }

private:
    Condition() = default;
    QString m_text;
    QString m_left;
    QString m_right;
};
