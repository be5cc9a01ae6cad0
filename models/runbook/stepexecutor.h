// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/endpointconditions.h"
#include "probe/proberesult.h"
#include "runbook/runbookrun.h"
#include "workspace/workspace.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class HttpProbe;
class QNetworkAccessManager;

// Runs one automatic step (check, http, wait-until-healthy, command) without blocking: start() returns at once and
// finished() follows exactly once (never from inside start()). abort() ends it early with that reason.
class StepExecutor : public QObject
{
    Q_OBJECT
public:
    explicit StepExecutor(const RunbookStep &step, QObject *parent = nullptr);

    virtual void start() = 0;
    virtual void abort(const QString &reason) = 0;
    const StepLog &log() const { return m_log; }
    bool isFinished() const { return m_done; }

Q_SIGNALS:
    void logChanged();
    void finished(bool ok, const QString &message);

protected:
    // Reports the outcome once, from the event loop.
    void finish(bool ok, const QString &message);
    void addLine(const QString &line);
    // Fills the response half of the log from a probe result (the body redacted with `secrets`).
    void logResponse(const ProbeResult &result, const QList<QPair<QString, QString>> &secrets);

    RunbookStep m_step;
    StepLog m_log;
    bool m_done = false;
};

// One probe of `endpoint` with its conditions evaluated; `done` gets the result (rawState set) unless `context` is
// gone by then. The probe deletes itself afterwards; HttpProbe::abort() ends it early (done still follows).
HttpProbe *startEndpointProbe(QNetworkAccessManager *nam, const Endpoint &endpoint, QObject *context,
    std::function<void(const ProbeResult &, EndpointConditions::Outcome)> done, bool sendOnce = false);

// check: one fresh probe of the endpoint, its state against `expect`.
class CheckExecutor final : public StepExecutor
{
    Q_OBJECT
public:
    CheckExecutor(
        QNetworkAccessManager *nam, const RunbookStep &step, const Endpoint &endpoint, QObject *parent = nullptr);
    void start() override;
    void abort(const QString &reason) override;

private:
    QNetworkAccessManager *m_nam;
    Endpoint m_endpoint;
    QPointer<HttpProbe> m_probe;
};

// wait-until-healthy: probes every `poll` until the endpoint is OK, for at most `timeout`.
class WaitExecutor final : public StepExecutor
{
    Q_OBJECT
public:
    WaitExecutor(
        QNetworkAccessManager *nam, const RunbookStep &step, const Endpoint &endpoint, QObject *parent = nullptr);
    void start() override;
    void abort(const QString &reason) override;

private:
    void poll();
    void stopAll();

    QNetworkAccessManager *m_nam;
    Endpoint m_endpoint;
    QPointer<HttpProbe> m_probe;
    QTimer *m_next;
    QTimer *m_deadline;
    ProbeResult m_last;
    int m_polls = 0;
};

// http: one request, never retried. State-changing methods carry an Idempotency-Key and never follow a redirect.
class HttpExecutor final : public StepExecutor
{
    Q_OBJECT
public:
    HttpExecutor(QNetworkAccessManager *nam, const RunbookStep &step, QObject *parent = nullptr);
    void start() override;
    void abort(const QString &reason) override;
    QString idempotencyKey() const { return m_idempotencyKey; }

private:
    void onDone(const ProbeResult &result, EndpointConditions::Outcome outcome);

    QNetworkAccessManager *m_nam;
    QPointer<HttpProbe> m_probe;
    QString m_idempotencyKey;
    QList<QPair<QString, QString>> m_secrets;
};
