// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ackcommand.h"

#include "incident/incidentsql.h"
#include "incident/incidentstore.h"
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
                finish(Acknowledged, {});
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
