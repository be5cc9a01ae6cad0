// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/netcheck.h"

#include "probe/dnscheck.h"
#include "probe/httpprobe.h"
#include "probe/icmpcheck.h"
#include "probe/streamcheck.h"
#include "secrets/secrets.h"
#include "workspace/duration.h"
#include "workspace/templatetext.h"

std::unique_ptr<NetCheck> NetCheck::create(const Endpoint &endpoint)
{
    QStringList missing;
    QList<QPair<QString, QString>> secrets;
    Endpoint resolved = endpoint;
    resolved.url = HttpProbe::resolveTemplate(endpoint.url, &missing, &secrets);
    resolved.body = HttpProbe::resolveTemplate(endpoint.body, &missing, &secrets);
    std::unique_ptr<NetCheck> check;
    switch (EndpointKinds::of(endpoint.url)) {
    case EndpointKind::Dns:
        check = std::make_unique<DnsCheck>(resolved);
        break;
    case EndpointKind::Icmp:
        check = std::make_unique<IcmpCheck>(resolved);
        break;
    case EndpointKind::Tcp:
    case EndpointKind::Tls:
    case EndpointKind::StartTls:
    case EndpointKind::Http:
        check = std::make_unique<StreamCheck>(resolved);
        break;
    }
    check->m_result.endpoint = endpoint.name;
    check->m_secrets = secrets;
    if (!missing.isEmpty()) {
        check->m_notSent = tr("%1; nothing was sent").arg(Secrets::describeMissing(missing));
    } else if (const QString problem = EndpointKinds::checkUrl(EndpointKinds::of(resolved.url), resolved.url);
               !problem.isEmpty()) {
        check->m_notSent = problem;
    }
    return check;
}

NetCheck::NetCheck(const Endpoint &endpoint, EndpointKind kind)
    : m_endpoint(endpoint)
{
    m_result.kind = EndpointKinds::name(kind);
}

NetCheck::~NetCheck() = default;

bool NetCheck::begin(CURLM *multi)
{
    m_clock.start();
    m_result.startedAt = QDateTime::currentDateTimeUtc();
    if (!m_notSent.isEmpty()) {
        notSent(m_notSent);
        return false;
    }
    if (!start(multi) && !m_done) {
        fail(tr("could not start the check"));
    }
    return !m_done;
}

void NetCheck::step()
{
    if (m_done) {
        return;
    }
    if (remainingMs() <= 0) {
        fail(deadlineError());
        return;
    }
    progress();
}

void NetCheck::abort(const QString &reason)
{
    if (!m_done) {
        fail(reason);
    }
}

void NetCheck::succeed()
{
    m_outcome = EndpointConditions::Outcome::Response;
    finish();
}

void NetCheck::fail(const QString &reason)
{
    m_outcome = EndpointConditions::Outcome::TransportError;
    m_result.error = redact(reason);
    finish();
}

void NetCheck::notSent(const QString &reason)
{
    m_outcome = EndpointConditions::Outcome::NotSent;
    m_result.error = redact(reason);
    finish();
}

void NetCheck::finish()
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (m_result.totalMs < 0) {
        m_result.totalMs = elapsedMs();
    }
    stop();
}

QString NetCheck::deadlineError() const
{
    return tr("no complete answer within the %1 deadline").arg(Duration::format(m_endpoint.timeout));
}

QString NetCheck::redact(QString text) const
{
    return TemplateText::redact(std::move(text), m_secrets);
}
