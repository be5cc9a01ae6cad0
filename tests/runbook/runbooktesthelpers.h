// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbook/runbookrunner.h"
#include "runbookserver.h"
#include "workspace/workspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace RunbookTest {

// The value tests put in the environment and then search for everywhere it must never appear.
inline QByteArray canary()
{
    return QByteArrayLiteral("canary-7f3a9c-secret");
}

inline Endpoint endpoint(const QString &name, const QUrl &url, const QStringList &conditions = { u"[STATUS] == 200"_s })
{
    Endpoint e;
    e.name = name;
    e.url = url.toString();
    e.timeout = Milliseconds(3000);
    e.conditions = conditions;
    return e;
}

inline RunbookStep httpStep(
    const QString &id, const QString &method, const QUrl &url, const QStringList &conditions = {})
{
    RunbookStep s;
    s.kind = RunbookStep::Kind::Http;
    s.id = id;
    s.method = method;
    s.url = url.toString();
    s.conditions = conditions;
    s.timeout = Milliseconds(3000);
    return s;
}

inline RunbookStep checkStep(const QString &id, const QString &endpoint, const QString &expect = u"ok"_s)
{
    RunbookStep s;
    s.kind = RunbookStep::Kind::Check;
    s.id = id;
    s.endpoint = endpoint;
    s.expectState = expect;
    return s;
}

inline RunbookStep commandStep(const QString &id, const QStringList &argv, Milliseconds timeout = Milliseconds(10000))
{
    RunbookStep s;
    s.kind = RunbookStep::Kind::Command;
    s.id = id;
    s.argv = argv;
    s.timeout = timeout;
    return s;
}

inline Workspace workspace(
    const QList<RunbookStep> &steps, const QList<Endpoint> &endpoints = {}, const QString &environment = u"staging"_s)
{
    Workspace w;
    w.info.id = u"rb-test"_s;
    w.secrets = { { u"RB_TEST_TOKEN"_s, { u"Test token"_s, u"Test token"_s }, {} } }; // what the steps here use
    w.info.environment = environment;
    w.endpoints = endpoints;
    Runbook r;
    r.id = u"rollback"_s;
    r.service = u"api"_s;
    r.steps = steps;
    w.runbooks = { r };
    return w;
}

// Starts the run with `start` and confirms every step that asks; true when the run finished in time.
template <typename Start> bool runConfirming(RunbookRunner &runner, Start start, int timeoutMs = 20000)
{
    QSignalSpy finished(&runner, &RunbookRunner::runFinished);
    const auto connection = QObject::connect(&runner, &RunbookRunner::operatorNeeded, &runner,
        [&runner](int) { runner.confirm(runner.confirmation(runner.waitingStep()).environment); });
    const QString error = start();
    const bool ok = error.isEmpty() && (finished.count() > 0 || finished.wait(timeoutMs));
    QObject::disconnect(connection);
    return ok;
}

} // namespace RunbookTest
