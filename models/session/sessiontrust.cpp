// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Session's trust gate: one question per version of the workspace file covers the secrets it sends (and where)
// and the commands it runs; until it is answered yes, nothing carrying a resolved secret leaves.
#include "kpi/kpipoller.h"
#include "kpi/kpireader.h"
#include "notify/notifier.h"
#include "probe/endpointmodel.h"
#include "probe/probeengine.h"
#include "runbook/runbookrunner.h"
#include "runbook/workspacetrust.h"
#include "session/session.h"
#include "sources/alertmanagerclient.h"
#include "sources/alertmodel.h"
#include "sources/prometheusclient.h"

#include <QPointer>

void Session::applyTrust()
{
    const Workspace &current = workspace();
    const bool allowedHere = !current.contentHash.isEmpty() && m_allowedHash == current.contentHash;
    m_secretsAllowed = SecretDestinations::uses(current).isEmpty() || allowedHere || WorkspaceTrust::isTrusted(current);
    m_heldNow = m_secretsAllowed ? SecretDestinations::Held() : SecretDestinations::held(current);
    // Each part holds at the one place it would send; none of them sees a secret's value while held.
    m_engine->setHeld(m_heldNow.endpoints);
    m_endpoints->setWaitingForTrust(m_heldNow.endpoints);
    m_kpiReader->setHeld(m_heldNow.kpis);
    m_kpiReader->prometheus()->setHeld(m_heldNow.prometheus);
    m_kpiPoller->setHeld(m_heldNow.kpis);
    m_alertClient->setHeld(m_heldNow.alertmanager);
    m_notifier->setHeldProviders(m_heldNow.providers);
    m_runner->setSecretsAllowed(m_secretsAllowed);
}

void Session::releaseIfTrusted()
{
    const bool waiting = !m_secretsAllowed;
    applyTrust();
    if (waiting == !m_secretsAllowed) {
        return;
    }
    const Workspace &current = workspace();
    if (m_options.mode == Mode::Watch && current.sources.alertmanager.isSet() && !m_heldNow.alertmanager) {
        m_alertPoller->start();
    }
    Q_EMIT trustChanged(waitingForTrust());
}

void Session::askTrust()
{
    if (!m_workspace || !m_trustAsk || m_secretsAllowed || m_asking) {
        return;
    }
    m_asking = true;
    const Workspace shown = *m_workspace;
    m_trustAsk(
        shown, WorkspaceTrust::commands(shown), [self = QPointer<Session>(this), shown](const TrustAnswer &answer) {
            if (self) {
                self->trustAnswered(shown, answer);
            }
        });
}

void Session::answerTrust(const TrustAnswer &answer)
{
    if (m_workspace) {
        trustAnswered(*m_workspace, answer);
    }
}

void Session::trustAnswered(const Workspace &shown, const TrustAnswer &answer)
{
    m_asking = false;
    bool allowed = answer.allow;
    if (allowed && answer.remember) {
        allowed = WorkspaceTrust::trust(shown); // the version shown, not the file now
    } else if (allowed) {
        allowed = !shown.contentHash.isEmpty();
        m_allowedHash = shown.contentHash;
        m_allowedNote = answer.note;
    }
    // A newer version loaded while the question was open stays held: it was not shown.
    releaseIfTrusted();
    const bool current = m_workspace && m_workspace->contentHash == shown.contentHash;
    const QList<std::function<void(bool)>> waiting = std::exchange(m_afterAnswer, {});
    for (const auto &then : waiting) {
        then(allowed && current);
    }
}

void Session::gateCommands(int from, int to, std::function<void(bool allowed)> then)
{
    bool needed = false;
    const Runbook &runbook = m_runner->runbook();
    for (int i = qMax(0, from); i <= to && i < runbook.steps.size(); ++i) {
        const RunbookStep &step = runbook.steps.at(i);
        needed = needed || step.kind == RunbookStep::Kind::Command || m_runner->stepSendsSecrets(step);
    }
    const Workspace current = workspace();
    const bool allowedHere = !current.contentHash.isEmpty() && m_allowedHash == current.contentHash;
    if (WorkspaceTrust::isTrusted(current) || allowedHere) {
        m_runner->setCommandsAllowed(true, allowedHere ? m_allowedNote : QString());
        m_runner->setSecretsAllowed(true);
        then(true);
        return;
    }
    m_runner->setCommandsAllowed(false);
    m_runner->setSecretsAllowed(m_secretsAllowed);
    if (!needed || !m_trustAsk) {
        then(!needed);
        return;
    }
    if (m_asking) {
        // The question this version asked by itself is open: its answer is this one's (no second prompt).
        m_afterAnswer.append([self = QPointer<Session>(this), from, to, then](bool allowed) {
            if (self && allowed) {
                self->gateCommands(from, to, then);
            } else {
                then(false);
            }
        });
        return;
    }
    m_trustAsk(current, WorkspaceTrust::commands(current),
        [self = QPointer<Session>(this), current, then](const TrustAnswer &answer) {
            if (!self) {
                return;
            }
            bool allowed = answer.allow;
            if (allowed && answer.remember) {
                allowed = WorkspaceTrust::trust(current); // the version shown, not the file now
            }
            if (self->m_runner) {
                self->m_runner->setCommandsAllowed(allowed, answer.remember ? QString() : answer.note);
                // Allowed for this run only (--yes): its steps may send the secrets too.
                self->m_runner->setSecretsAllowed(allowed || self->m_secretsAllowed);
            }
            if (allowed && answer.remember) {
                self->releaseIfTrusted(); // one answer covers the whole file: held probes start too
            }
            then(allowed);
        });
}
