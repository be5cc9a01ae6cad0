// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain values of one runbook run: each step's state and live log, the confirmation a state-changing step asks
// for, and the audit rows written before and after every step. Everything here is already redacted: request
// texts keep ${NAME} as written, response bodies and outputs have resolved secret values replaced by ${NAME}.

#include "workspace/workspace.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;

enum class StepState { Pending, Running, Waiting, Succeeded, Failed, Aborted };

// What a step sent and got back, for the step's live log.
struct StepLog
{
    QString request; // "POST http://.../admin/rollback" + header lines, redacted
    QByteArray requestBody; // as written (${NAME} kept)
    QString requestContentType;
    QString response; // "HTTP 200 in 12 ms" + header lines
    QByteArray responseBody; // redacted, capped
    QString responseContentType;
    bool responseTruncated = false;
    QByteArray output; // command output (stdout and stderr), redacted, capped
    bool outputTruncated = false;
    QStringList lines; // progress: polls, confirmations, the outcome
};

struct StepRun
{
    StepState state = StepState::Pending;
    qint64 elapsedMs = 0; // while running: up to the last update
    QString message; // the outcome in one line
    StepLog log;
};

// What the operator is asked before a state-changing step runs. Secrets appear as ${NAME}.
struct StepConfirmation
{
    int step = -1;
    QString service;
    QString environment;
    QString method; // http: the method; command: "command"
    QString target; // http: the URL as written; command: the argv joined
    bool requiresTypedEnvironment = false; // production: the environment name must be typed
};

struct RunbookAuditRecord
{
    enum class Phase { Before, After };
    qint64 id = 0; // 0 = not stored yet
    QString runId;
    QString workspaceId;
    QString runbookId;
    QString stepId;
    int stepIndex = -1;
    Phase phase = Phase::Before;
    QString actor;
    QDateTime at;
    QString kind; // check, http, wait-until-healthy, manual, command
    QString target; // endpoint name, URL as written, or argv
    QString request; // redacted request summary
    QString status; // started, succeeded, failed, aborted
    QString outcome; // the result in one line (redacted), with how it was confirmed
};

Q_DECLARE_METATYPE(RunbookAuditRecord)

namespace RunbookSteps {

QString kindName(RunbookStep::Kind kind);
QString stateName(StepState state); // stable, for the audit table
// http with a method other than GET/HEAD, or command.
bool isStateChanging(const RunbookStep &step);
// Asks the operator first: `confirm` when set, else state-changing steps.
bool needsConfirmation(const RunbookStep &step);
// The ${NAME} references the step resolves when it runs.
QStringList variables(const RunbookStep &step);
// The names among `variables(step)` that are not set in the environment.
QStringList missingVariables(const RunbookStep &step);
// The endpoint, the URL as written or the argv.
QString target(const RunbookStep &step);
// One line: "POST http://host/admin/rollback (body 16 bytes)", "GET ...", "check health (expect ok)"; a manual
// step's instruction in `language` (the audit keeps English, a stable record whatever the screen's language).
QString requestSummary(const RunbookStep &step, const QString &language = u"en"_s);
QString title(const RunbookStep &step, const QString &language);
// `text` with every resolved value in `secrets` (value, ${NAME}) replaced by its reference.
QString redact(QString text, const QList<QPair<QString, QString>> &secrets);
QByteArray redact(QByteArray bytes, const QList<QPair<QString, QString>> &secrets);

} // namespace RunbookSteps
