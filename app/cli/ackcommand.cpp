// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ackcommand.h"

#include "incident/incidentsql.h"
#include "incident/incidentstore.h"
#include "notify/notificationevent.h"
#include "notify/notifyrequest.h"
#include "notify/notifysender.h"
#include "session/session.h"
#include "storage/storage.h"
#include "workspace/workspaceloader.h"

using namespace Qt::StringLiterals;

AckCommand::AckCommand(const Options &options, QTextStream *out, QTextStream *err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
    , m_session(new Session({ Session::Mode::Once, options.database, options.dataDir, true }, this))
{ }

void AckCommand::start()
{
    bool ok = false;
    QString digits = m_options.incident;
    if (digits.startsWith(u'#')) {
        digits.remove(0, 1);
    }
    m_id = digits.toLongLong(&ok);
    if (!ok || m_id <= 0) {
        finish(BadUsage, tr("the incident is given by its number (as in #12), got \"%1\"").arg(m_options.incident));
        return;
    }
    const LoadResult loaded = WorkspaceLoader::loadFile(m_options.workspacePath);
    if (!loaded.ok()) {
        for (const Diagnostic &d : loaded.diagnostics) {
            *m_err << d.toString() << '\n';
        }
        finish(BadUsage, tr("%1: the workspace is not valid; nothing was acknowledged").arg(m_options.workspacePath));
        return;
    }
    connect(m_session->storage(), &Storage::openFailed, this, [this](const QString &error) {
        finish(BadUsage,
            tr("cannot open the database %1: %2; nothing was acknowledged").arg(m_session->storage()->path(), error));
    });
    connect(m_session, &Session::workspaceReady, this, &AckCommand::acknowledge, Qt::SingleShotConnection);
    m_session->adopt(*loaded.workspace);
}

void AckCommand::acknowledge()
{
    const QString workspaceId = m_session->workspace().info.id;
    const QString by = m_options.by.trimmed().isEmpty() ? IncidentStore::operatorName() : m_options.by.trimmed();
    if (by.isEmpty()) {
        finish(BadUsage, tr("no operator name: give one with --by NAME"));
        return;
    }
    const qint64 id = m_id;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_session->storage()
        ->write(tr("Acknowledging the incident %1").arg(id),
            [workspaceId, id, by, now](
                QSqlDatabase &db) { return IncidentSql::acknowledge(db, workspaceId, id, by, now); })
        .then(this, [this, id, by](const StorageResult<IncidentSql::AckResult> &r) {
            if (!r) {
                finish(BadUsage, tr("the acknowledgement could not be saved: %1").arg(r.error()));
                return;
            }
            const QString refusal = IncidentStore::ackRefusal(int(r->outcome), id, r->incident);
            switch (r->outcome) {
            case IncidentSql::AckOutcome::Acknowledged:
                *m_out << tr("Incident %1 (%2) acknowledged by %3; its escalation stops.")
                              .arg(id)
                              .arg(r->incident.title, by)
                       << Qt::endl;
                acknowledgePagerDuty(r->incident);
                return;
            case IncidentSql::AckOutcome::NotFound:
                finish(UnknownIncident, refusal);
                return;
            case IncidentSql::AckOutcome::AlreadyAcknowledged:
                finish(AlreadyAcknowledged, refusal);
                return;
            case IncidentSql::AckOutcome::NotOpen:
                finish(NotOpen, refusal);
                return;
            }
        });
}

// The PagerDuty providers the incident paged (by a route or an escalation level: both land on its timeline) get an
// `acknowledge` event with the trigger's dedup key, each claimed on the timeline first so that the console that
// escalates does not send it as well.
void AckCommand::acknowledgePagerDuty(const Incident &incident)
{
    const Workspace &workspace = m_session->workspace();
    QStringList paged;
    QSet<QString> done;
    for (const TimelineEntry &e : incident.timeline) {
        const NotifyProvider *p = workspace.notifications.provider(e.subject);
        if (e.kind != TimelineKind::Notification || !p || p->kind != u"pagerduty"_s) {
            continue;
        }
        if (e.to == u"acknowledged"_s) {
            done.insert(e.subject);
        } else if (e.to == u"sent"_s && !paged.contains(e.subject)) {
            paged.append(e.subject);
        }
    }
    for (const QString &d : std::as_const(done)) {
        paged.removeAll(d);
    }
    if (paged.isEmpty()) {
        finish(Acknowledged, {});
        return;
    }
    if (m_session->waitingForTrust()) {
        *m_err << tr("PagerDuty (%1) was not told: this workspace version is not trusted to send its secrets yet "
                     "(opsdeck trust); the console that escalates tells it once it is")
                      .arg(paged.join(u", "_s))
               << Qt::endl;
        finish(Acknowledged, {});
        return;
    }
    m_pending = int(paged.size());
    const qint64 id = incident.id;
    for (const QString &providerId : std::as_const(paged)) {
        TimelineEntry e;
        e.kind = TimelineKind::Notification;
        e.subject = providerId;
        e.to = u"acknowledged"_s;
        e.author = u"opsdeck"_s;
        e.occurredAt = QDateTime::currentDateTimeUtc();
        e.recordedAt = e.occurredAt;
        e.text = tr("acknowledgement sent to %1").arg(providerId);
        const auto wanted = [providerId](const Incident &stored) {
            return std::none_of(stored.timeline.cbegin(), stored.timeline.cend(), [&](const TimelineEntry &t) {
                return t.kind == TimelineKind::Notification && t.subject == providerId && t.to == u"acknowledged"_s;
            });
        };
        m_session->storage()
            ->write(tr("Recording the acknowledgement of incident %1 to %2").arg(id).arg(providerId),
                [id, e, wanted](QSqlDatabase &db) {
                    bool claimed = false;
                    IncidentSql::appendIf(db, id, e, wanted, &claimed);
                    return claimed;
                })
            .then(this, [this, id, providerId, title = incident.title](const StorageResult<bool> &claimed) {
                const NotifyProvider *provider = m_session->workspace().notifications.provider(providerId);
                if (!claimed) {
                    *m_err << tr("PagerDuty (%1) was not told: %2").arg(providerId, claimed.message()) << Qt::endl;
                }
                if (!claimed || !claimed.value() || !provider) {
                    settlePagerDuty(); // another console tells it (or the database refused: the escalation will)
                    return;
                }
                NotificationEvent event;
                event.kind = NotificationEvent::Kind::IncidentAcknowledged;
                event.subject = QString::number(id);
                event.title = title;
                event.time = QDateTime::currentDateTimeUtc();
                event.workspaceId = m_session->workspace().info.id;
                NotifyDelivery *delivery = m_session->notifySender()->send(NotifyRequest::build(*provider, event));
                connect(delivery, &NotifyDelivery::finished, this, [this, providerId](const NotifyResult &r) {
                    if (r.ok) {
                        *m_out << tr("PagerDuty (%1) told: acknowledged.").arg(providerId) << Qt::endl;
                    } else {
                        *m_err << tr("PagerDuty (%1) could not be told: %2").arg(providerId, r.reason) << Qt::endl;
                    }
                    settlePagerDuty();
                });
            });
    }
}

void AckCommand::settlePagerDuty()
{
    if (--m_pending == 0) {
        finish(Acknowledged, {});
    }
}

void AckCommand::finish(int exitCode, const QString &message)
{
    if (m_done) {
        return;
    }
    m_done = true;
    if (!message.isEmpty()) {
        *m_err << u"opsdeck: "_s << message << Qt::endl;
    }
    QMetaObject::invokeMethod(
        this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}
