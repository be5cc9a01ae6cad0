// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/conditioncontext.h"

#include "probe/proberesult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

ConditionInput ConditionInput::fromResult(const ProbeResult &result, const QDateTime &now)
{
    ConditionInput in;
    in.status = result.httpStatus;
    in.responseTimeMs = result.totalMs < 0 ? 0 : result.totalMs;
    in.body = result.body;
    in.ip = result.ip;
    in.connected = result.connected;
    in.certificateExpiry = result.certificateExpiry;
    in.now = now;
    in.dnsRcode = result.dnsRcode;
    return in;
}

ConditionContext::ConditionContext(ConditionInput input)
    : m_input(std::move(input))
{ }

const QJsonValue *ConditionContext::json(QString *error)
{
    if (!m_parsed) {
        m_parsed = true;
        if (m_input.body.trimmed().isEmpty()) {
            m_jsonError = tr("the body is empty, not JSON");
        } else if (const QByteArray trimmed = m_input.body.trimmed();
                   !QByteArrayView("{[\"-0123456789tfn").contains(trimmed.front())) {
            // Usually an HTML error page from a proxy: show its start, which says more than a parser offset.
            QString start = QString::fromUtf8(trimmed.left(128)).simplified();
            if (start.size() > 32 || trimmed.size() > 128) {
                start = start.left(32) + QChar(0x2026);
            }
            m_jsonError = tr("the body is not JSON (it starts with \"%1\")").arg(start);
        } else {
            // Wrapped in [ ] so that a bare string or number is a valid body too, as in Gatus. Qt's parser
            // refuses nesting deeper than 1024 levels, which guards against hostile bodies.
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson('[' + m_input.body + ']', &parseError);
            if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
                const qsizetype offset = std::clamp<qsizetype>(parseError.offset - 1, 0, m_input.body.size());
                const QString why = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                 : tr("more than one value");
                m_jsonError = tr("the body is not JSON (%1 at byte %2)").arg(why).arg(offset);
            } else {
                m_json = doc.array().at(0);
            }
        }
    }
    if (!m_jsonError.isEmpty()) {
        if (error) {
            *error = m_jsonError;
        }
        return nullptr;
    }
    return &m_json;
}
