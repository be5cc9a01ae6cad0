// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/condition.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

// The parsed `conditions` and `warn-conditions` of one endpoint, and the raw state of one probe from them:
// a transport error is CRITICAL; otherwise a failed condition is CRITICAL, an unevaluable one UNKNOWN (unless a
// condition failed), a failed warn-condition WARNING, else OK.
class EndpointConditions final
{
    Q_DECLARE_TR_FUNCTIONS(EndpointConditions)

public:
    // How far the request got.
    enum class Outcome {
        Response, // an HTTP answer arrived (any status)
        TransportError, // refused, DNS, TLS, deadline, cap, redirect policy, reset
        NotSent, // could not be sent (a missing ${NAME}, an unreadable ca-file): UNKNOWN
    };

    explicit EndpointConditions(const Endpoint &endpoint);

    // Fills result.conditions, result.components and result.rawState.
    void evaluate(ProbeResult &result, Outcome outcome, const QDateTime &now) const;

    // Decisions only, for tests: the raw state of a set of evaluated conditions.
    static EndpointState stateOf(const QList<ConditionResult> &conditions);

private:
    struct Entry
    {
        QString text;
        std::optional<Condition> condition;
        QString parseError;
        bool warning = false;
    };
    QList<Entry> m_entries;
};
