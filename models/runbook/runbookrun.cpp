// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/runbookrun.h"

#include "secrets/secrets.h"
#include "workspace/templatetext.h"

using namespace Qt::StringLiterals;

namespace RunbookSteps {

QString kindName(RunbookStep::Kind kind)
{
    switch (kind) {
    case RunbookStep::Kind::Check:
        return u"check"_s;
    case RunbookStep::Kind::Http:
        return u"http"_s;
    case RunbookStep::Kind::WaitUntilHealthy:
        return u"wait-until-healthy"_s;
    case RunbookStep::Kind::Manual:
        return u"manual"_s;
    case RunbookStep::Kind::Command:
        return u"command"_s;
    }
    return {};
}

QString stateName(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return u"pending"_s;
    case StepState::Running:
        return u"started"_s;
    case StepState::Waiting:
        return u"waiting"_s;
    case StepState::Succeeded:
        return u"succeeded"_s;
    case StepState::Failed:
        return u"failed"_s;
    case StepState::Aborted:
        return u"aborted"_s;
    }
    return {};
}

bool isStateChanging(const RunbookStep &step)
{
    if (step.kind == RunbookStep::Kind::Command) {
        return true;
    }
    return step.kind == RunbookStep::Kind::Http && step.method.compare(u"GET", Qt::CaseInsensitive) != 0
        && step.method.compare(u"HEAD", Qt::CaseInsensitive) != 0;
}

bool needsConfirmation(const RunbookStep &step)
{
    return step.confirm.value_or(isStateChanging(step));
}

QStringList variables(const RunbookStep &step)
{
    QStringList texts;
    if (step.kind == RunbookStep::Kind::Http) {
        texts << step.url << step.body;
        for (const QString &value : step.headers) {
            texts << value;
        }
    } else if (step.kind == RunbookStep::Kind::Command) {
        texts << step.argv;
    }
    QStringList out;
    for (const QString &text : std::as_const(texts)) {
        for (const QString &name : TemplateText::names(text)) {
            if (!out.contains(name)) {
                out.append(name);
            }
        }
    }
    return out;
}

QStringList missingVariables(const RunbookStep &step)
{
    return Secrets::missing(variables(step));
}

QString target(const RunbookStep &step)
{
    switch (step.kind) {
    case RunbookStep::Kind::Check:
    case RunbookStep::Kind::WaitUntilHealthy:
        return step.endpoint;
    case RunbookStep::Kind::Http:
        return step.url;
    case RunbookStep::Kind::Command:
        return step.argv.join(u' ');
    case RunbookStep::Kind::Manual:
        return {};
    }
    return {};
}

QString requestSummary(const RunbookStep &step, const QString &language)
{
    switch (step.kind) {
    case RunbookStep::Kind::Check:
        return u"check %1 (expect %2)"_s.arg(step.endpoint, step.expectState.isEmpty() ? u"ok"_s : step.expectState);
    case RunbookStep::Kind::WaitUntilHealthy:
        return u"wait until %1 is healthy (poll %2 ms, timeout %3 ms)"_s.arg(step.endpoint)
            .arg(step.poll.count())
            .arg(step.timeout.count());
    case RunbookStep::Kind::Http: {
        QString out = step.method.toUpper() + u' ' + step.url;
        const QStringList names = step.headers.keys();
        if (!names.isEmpty()) {
            out += u" headers: "_s + names.join(u", "_s);
        }
        if (!step.body.isEmpty()) {
            out += u" (body %1 bytes)"_s.arg(step.body.toUtf8().size());
        }
        return out;
    }
    case RunbookStep::Kind::Command:
        return u"run "_s + step.argv.join(u' ');
    case RunbookStep::Kind::Manual:
        return u"manual: "_s + step.instruction.text(language).left(200);
    }
    return {};
}

QString title(const RunbookStep &step, const QString &language)
{
    if (!step.title.isEmpty()) {
        return step.title.text(language);
    }
    if (step.kind == RunbookStep::Kind::Manual) {
        return step.instruction.text(language).section(u'\n', 0, 0).left(80);
    }
    return requestSummary(step, language);
}

QString redact(QString text, const QList<QPair<QString, QString>> &secrets)
{
    return TemplateText::redact(std::move(text), secrets);
}

QByteArray redact(QByteArray bytes, const QList<QPair<QString, QString>> &secrets)
{
    for (const auto &secret : secrets) {
        bytes.replace(secret.first.toUtf8(), secret.second.toUtf8());
    }
    return bytes;
}

} // namespace RunbookSteps
