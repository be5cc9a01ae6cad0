// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/stepexecutor.h"

#include "incident/incidentautorecorder.h"
#include "probe/httpprobe.h"
#include "secrets/secrets.h"
#include "workspace/duration.h"

#include <QLocale>
#include <QUuid>

using namespace Qt::StringLiterals;

StepExecutor::StepExecutor(const RunbookStep &step, QObject *parent)
    : QObject(parent)
    , m_step(step)
{ }

void StepExecutor::finish(bool ok, const QString &message)
{
    if (m_done) {
        return;
    }
    m_done = true;
    addLine(message);
    QMetaObject::invokeMethod(
        this, [this, ok, message] { Q_EMIT finished(ok, message); }, Qt::QueuedConnection);
}

void StepExecutor::addLine(const QString &line)
{
    m_log.lines.append(QTime::currentTime().toString(u"HH:mm:ss"_s) + u"  "_s + line);
    Q_EMIT logChanged();
}

void StepExecutor::logResponse(const ProbeResult &result, const QList<QPair<QString, QString>> &secrets)
{
    QStringList lines;
    if (result.httpStatus > 0) {
        lines << tr("HTTP %1 in %2 ms").arg(result.httpStatus).arg(qRound(result.totalMs));
    } else if (!result.error.isEmpty()) {
        lines << result.error;
    }
    for (auto it = result.headers.cbegin(); it != result.headers.cend(); ++it) {
        lines << it.key() + u": "_s + RunbookSteps::redact(it.value(), secrets);
    }
    m_log.response = lines.join(u'\n');
    m_log.responseBody = RunbookSteps::redact(result.body, secrets);
    m_log.responseContentType = result.headers.value(u"content-type"_s);
    m_log.responseTruncated = result.bodyTruncated;
    Q_EMIT logChanged();
}

HttpProbe *startEndpointProbe(QNetworkAccessManager *nam, const Endpoint &endpoint, QObject *context,
    std::function<void(const ProbeResult &, EndpointConditions::Outcome)> done, bool sendOnce)
{
    auto *probe = new HttpProbe(nam, endpoint);
    probe->setSendOnce(sendOnce);
    QObject::connect(probe, &HttpProbe::finished, context, [probe, endpoint, done] {
        ProbeResult result = probe->result();
        EndpointConditions(endpoint).evaluate(result, probe->outcome(), QDateTime::currentDateTimeUtc());
        probe->deleteLater();
        done(result, probe->outcome());
    });
    QObject::connect(context, &QObject::destroyed, probe, &QObject::deleteLater);
    probe->start();
    return probe;
}

namespace {

std::optional<EndpointState> expectedState(const QString &expect)
{
    if (expect.isEmpty() || expect == u"ok") {
        return EndpointState::Ok;
    }
    if (expect == u"warning") {
        return EndpointState::Warning;
    }
    if (expect == u"critical") {
        return EndpointState::Critical;
    }
    return std::nullopt;
}

// The endpoint's own secrets, for redacting what its probe returned.
QList<QPair<QString, QString>> endpointSecrets(const Endpoint &endpoint)
{
    QStringList missing;
    QList<QPair<QString, QString>> secrets;
    HttpProbe::resolveTemplate(endpoint.url, &missing, &secrets);
    for (const QString &value : endpoint.headers) {
        HttpProbe::resolveTemplate(value, &missing, &secrets);
    }
    HttpProbe::resolveTemplate(endpoint.body, &missing, &secrets);
    return secrets;
}

} // namespace

CheckExecutor::CheckExecutor(
    QNetworkAccessManager *nam, const RunbookStep &step, const Endpoint &endpoint, QObject *parent)
    : StepExecutor(step, parent)
    , m_nam(nam)
    , m_endpoint(endpoint)
{ }

void CheckExecutor::start()
{
    const auto expected = expectedState(m_step.expectState);
    if (!expected) {
        finish(false, tr("unknown expected state \"%1\"").arg(m_step.expectState));
        return;
    }
    m_log.request = m_endpoint.method + u' ' + m_endpoint.url;
    addLine(tr("checking %1").arg(m_endpoint.name));
    m_probe = startEndpointProbe(
        m_nam, m_endpoint, this, [this, expected](const ProbeResult &result, EndpointConditions::Outcome) {
            logResponse(result, endpointSecrets(m_endpoint));
            const QString evidence
                = RunbookSteps::redact(IncidentAutoRecorder::evidenceText(result), endpointSecrets(m_endpoint));
            const QString line
                = tr("%1 is %2 (expected %3): %4")
                      .arg(m_endpoint.name, endpointStateName(result.rawState), endpointStateName(*expected), evidence);
            finish(result.rawState == *expected, line);
        });
}

void CheckExecutor::abort(const QString &reason)
{
    finish(false, reason);
    if (m_probe) {
        m_probe->abort(reason);
    }
}

WaitExecutor::WaitExecutor(
    QNetworkAccessManager *nam, const RunbookStep &step, const Endpoint &endpoint, QObject *parent)
    : StepExecutor(step, parent)
    , m_nam(nam)
    , m_endpoint(endpoint)
    , m_next(new QTimer(this))
    , m_deadline(new QTimer(this))
{
    m_next->setSingleShot(true);
    m_deadline->setSingleShot(true);
    connect(m_next, &QTimer::timeout, this, &WaitExecutor::poll);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        const QString state = m_polls > 0 ? endpointStateName(m_last.rawState) : u"UNKNOWN"_s;
        const QString message = tr("%1 still %2 after %3 (%n poll(s))", nullptr, m_polls)
                                    .arg(m_endpoint.name, state, Duration::format(m_step.timeout));
        stopAll();
        finish(false, message);
    });
}

void WaitExecutor::start()
{
    m_log.request = m_endpoint.method + u' ' + m_endpoint.url;
    addLine(tr("waiting until %1 is OK (every %2, at most %3)")
                .arg(m_endpoint.name, Duration::format(m_step.poll), Duration::format(m_step.timeout)));
    m_deadline->start(m_step.timeout);
    poll();
}

void WaitExecutor::poll()
{
    if (m_done) {
        return;
    }
    m_probe
        = startEndpointProbe(m_nam, m_endpoint, this, [this](const ProbeResult &result, EndpointConditions::Outcome) {
              if (m_done) {
                  return;
              }
              ++m_polls;
              m_last = result;
              const auto secrets = endpointSecrets(m_endpoint);
              logResponse(result, secrets);
              addLine(tr("poll %1: %2 — %3")
                          .arg(m_polls)
                          .arg(endpointStateName(result.rawState),
                              RunbookSteps::redact(IncidentAutoRecorder::evidenceText(result), secrets)));
              if (result.rawState == EndpointState::Ok) {
                  stopAll();
                  finish(true, tr("%1 is OK after %n poll(s)", nullptr, m_polls).arg(m_endpoint.name));
                  return;
              }
              m_next->start(m_step.poll);
          });
}

void WaitExecutor::stopAll()
{
    m_next->stop();
    m_deadline->stop();
    if (m_probe) {
        m_probe->abort(tr("stopped"));
    }
}

void WaitExecutor::abort(const QString &reason)
{
    if (m_done) {
        return;
    }
    stopAll();
    finish(false, reason);
}

HttpExecutor::HttpExecutor(QNetworkAccessManager *nam, const RunbookStep &step, QObject *parent)
    : StepExecutor(step, parent)
    , m_nam(nam)
{ }

void HttpExecutor::start()
{
    Endpoint endpoint;
    endpoint.name = m_step.id;
    endpoint.url = m_step.url;
    endpoint.method = m_step.method.toUpper();
    endpoint.headers = m_step.headers;
    endpoint.body = m_step.body;
    endpoint.timeout = m_step.timeout;
    endpoint.conditions = m_step.conditions;
    const bool changing = RunbookSteps::isStateChanging(m_step);
    // A state-changing request goes exactly where it was written: a redirect is reported, never followed.
    endpoint.maxRedirects = changing ? 0 : 5;
    if (changing) {
        bool hasKey = false;
        for (auto it = endpoint.headers.cbegin(); it != endpoint.headers.cend(); ++it) {
            hasKey = hasKey || it.key().compare(u"Idempotency-Key", Qt::CaseInsensitive) == 0;
        }
        if (!hasKey) {
            m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
            endpoint.headers.insert(u"Idempotency-Key"_s, m_idempotencyKey);
        }
    }
    QStringList lines { endpoint.method + u' ' + endpoint.url };
    for (auto it = endpoint.headers.cbegin(); it != endpoint.headers.cend(); ++it) {
        lines << it.key() + u": "_s + it.value();
        if (it.key().compare(u"Content-Type", Qt::CaseInsensitive) == 0) {
            m_log.requestContentType = it.value();
        }
    }
    m_log.request = lines.join(u'\n');
    m_log.requestBody = m_step.body.toUtf8();
    m_secrets = endpointSecrets(endpoint);
    if (const QStringList missing = RunbookSteps::missingVariables(m_step); !missing.isEmpty()) {
        finish(false, tr("%1; nothing was sent").arg(Secrets::describeMissing(missing)));
        return;
    }
    addLine(tr("sending %1 %2").arg(endpoint.method, endpoint.url));
    m_probe = startEndpointProbe(
        m_nam, endpoint, this,
        [this, endpoint](const ProbeResult &result, EndpointConditions::Outcome outcome) {
            Q_UNUSED(endpoint)
            onDone(result, outcome);
        },
        changing);
}

void HttpExecutor::onDone(const ProbeResult &result, EndpointConditions::Outcome outcome)
{
    logResponse(result, m_secrets);
    const bool changing = RunbookSteps::isStateChanging(m_step);
    if (outcome == EndpointConditions::Outcome::NotSent) {
        finish(false, RunbookSteps::redact(result.error, m_secrets));
        return;
    }
    // Before transport errors: for a 307/308 to a request with a body Qt reports that it cannot send the body
    // again, while the answer that came is the redirect.
    const int status = result.httpStatus;
    if (changing && status >= 300 && status < 400) {
        const QString location = result.headers.value(u"location"_s);
        finish(false,
            location.isEmpty()
                ? tr("answered HTTP %1 without a Location; a state-changing request is not redirected").arg(status)
                : tr("answered HTTP %1 pointing to %2; a state-changing request is not redirected")
                      .arg(status)
                      .arg(RunbookSteps::redact(location, m_secrets)));
        return;
    }
    if (outcome == EndpointConditions::Outcome::TransportError) {
        finish(false, tr("no complete answer: %1").arg(RunbookSteps::redact(result.error, m_secrets)));
        return;
    }
    const QString evidence = RunbookSteps::redact(IncidentAutoRecorder::evidenceText(result), m_secrets);
    if (m_step.conditions.isEmpty()) {
        const bool ok = status >= 200 && status < 300;
        finish(ok, ok ? evidence : tr("%1 (expected a 2xx status)").arg(evidence));
        return;
    }
    finish(result.rawState == EndpointState::Ok, evidence);
}

void HttpExecutor::abort(const QString &reason)
{
    finish(false, reason);
    if (m_probe) {
        m_probe->abort(reason);
    }
}
