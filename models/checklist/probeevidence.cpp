// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/probeevidence.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
QString valueText(const ProbeResult &result)
{
    if (!result.error.isEmpty()) {
        return result.error;
    }
    if (result.totalMs < 0) {
        return QString::number(result.httpStatus);
    }
    return QCoreApplication::translate("ProbeEvidence", "%1 in %2 ms")
        .arg(result.httpStatus)
        .arg(qRound(result.totalMs));
}
} // namespace

ChecklistEvidence probeEvidence(const ChecklistVerify &verify, const ProbeResult &last)
{
    ChecklistEvidence evidence;
    evidence.target = u"endpoint:"_s + verify.endpoint;
    evidence.verified = true;
    evidence.state = endpointStateName(last.state).toLower();
    evidence.expected = verify.state.isEmpty() ? u"ok"_s : verify.state.toLower();
    evidence.passed = evidence.state == evidence.expected;
    evidence.value = valueText(last);
    evidence.at = last.startedAt;
    return evidence;
}
