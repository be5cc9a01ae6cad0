// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"
#include "workspace/workspace.h"

#include <QWidget>

class QLabel;

// The active incident's header on the war-room screen: severity badge, title, status, commander and the two SLA
// clocks coloured as they near and pass their targets.
class IncidentBanner final : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentBanner(QWidget *parent = nullptr);

    void setIncident(const Incident &incident, const std::optional<SeverityLevel> &level, int severityRank,
        const QString &language, const QDateTime &now);

private:
    QLabel *m_badge;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_commander;
    QLabel *m_ack;
    QLabel *m_resolve;
};
