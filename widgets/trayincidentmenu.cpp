// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayincidentmenu.h"

#include "incident/incidentstore.h"

using namespace Qt::StringLiterals;

TrayIncidentMenu::TrayIncidentMenu(IncidentStore *store, QWidget *parent)
    : QMenu(parent)
    , m_store(store)
{
    setObjectName(u"trayMenu"_s);
    connect(this, &QMenu::aboutToShow, this, &TrayIncidentMenu::rebuild);
    connect(store, &IncidentStore::acknowledgeFinished, this, [this](qint64 id, const QString &refusal) {
        if (m_asked.remove(id)) {
            Q_EMIT acknowledged(id, refusal);
        }
    });
    rebuild();
}

void TrayIncidentMenu::rebuild()
{
    clear();
    if (m_store) {
        for (const Incident &incident : m_store->incidents()) {
            if (!incident.isOpen() || incident.acknowledgedAt.isValid()) {
                continue;
            }
            QAction *ack
                = addAction(tr("Acknowledge #%1 %2 (%3)").arg(incident.id).arg(incident.title, incident.severity));
            ack->setData(incident.id);
            connect(ack, &QAction::triggered, this, [this, id = incident.id] {
                if (!m_store) {
                    return;
                }
                m_asked.insert(id);
                if (const QString refusal = m_store->acknowledge(id); !refusal.isEmpty()) {
                    m_asked.remove(id);
                    Q_EMIT acknowledged(id, refusal);
                }
            });
        }
    }
    if (!isEmpty()) {
        addSeparator();
    }
    connect(addAction(tr("Show OpsDeck")), &QAction::triggered, this, &TrayIncidentMenu::showRequested);
}
