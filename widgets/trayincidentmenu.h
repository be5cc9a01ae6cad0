// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>
#include <QPointer>
#include <QSet>

class IncidentStore;

// The tray icon's menu: "Acknowledge #12 Checkout is down" for each open incident nobody has acknowledged (which
// stops its escalation, as the incident page's button does), then "Show OpsDeck". Rebuilt each time it opens.
class TrayIncidentMenu final : public QMenu
{
    Q_OBJECT
public:
    explicit TrayIncidentMenu(IncidentStore *store, QWidget *parent = nullptr);

    void rebuild();

Q_SIGNALS:
    void showRequested();
    // An acknowledgement from the menu ended; `refusal` is empty when it was this one's.
    void acknowledged(qint64 incidentId, const QString &refusal);

private:
    QPointer<IncidentStore> m_store;
    QSet<qint64> m_asked; // acknowledgements this menu asked for
};
