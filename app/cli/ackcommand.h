// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTextStream>

class Session;
struct Incident;

// `opsdeck ack WORKSPACE INCIDENT [--by NAME]`: acknowledges an incident in the workspace's database (the local file
// or the team's PostgreSQL, chosen as the window chooses it), which stops its escalation chain; consoles on a team
// database see it through the change feed, and the one escalating notices before its next step. finished() always
// follows start() from the event loop. PagerDuty providers that paged the incident (a route or an escalation
// level) get an `acknowledge` event, once, before the command ends.
//
// Exit codes: 0 acknowledged, 1 no such incident in this workspace, 2 bad usage (invalid workspace, incident not a
// number, database unavailable), 3 already acknowledged, 4 resolved or closed.
class AckCommand final : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Acknowledged = 0, UnknownIncident = 1, BadUsage = 2, AlreadyAcknowledged = 3, NotOpen = 4 };

    struct Options
    {
        QString workspacePath;
        QString incident;
        QString by; // empty: the operator name of the settings, else the OS user
        QString database;
        QString dataDir;
    };

    AckCommand(const Options &options, QTextStream *out, QTextStream *err, QObject *parent = nullptr);

    void start();
    Session *session() const { return m_session; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void acknowledge();
    void acknowledgePagerDuty(const Incident &incident);
    void settlePagerDuty();
    void finish(int exitCode, const QString &message);

    Options m_options;
    QTextStream *m_out;
    QTextStream *m_err;
    Session *m_session;
    qint64 m_id = 0;
    bool m_done = false;
    int m_pending = 0; // PagerDuty acknowledgements on their way
};
