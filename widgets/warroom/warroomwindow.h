// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QSet>
#include <QWidget>

class EndpointModel;
class HealthWall;
class IncidentBanner;
class IncidentStore;
class QAbstractItemModel;
class QLabel;
class QPushButton;
class QScreen;
class QTimer;
class QTreeView;
class TimelineModel;
class WarRoomKpiBoard;

// The war-room screen: full screen, dark, read-only. With an open incident it shows that incident's header
// (severity, status, commander, SLA clocks) and live timeline next to the KPI tiles and the endpoint health wall;
// without one, the KPIs and the wall fill the screen. The most severe open incident is the active one (the most
// recently started among equals). Text scales with the screen height, from 1080p to 4K. Esc closes it.
// Full screen covers the screen by itself too: a kiosk display started with xinit has no window manager to do it.
class WarRoomWindow final : public QWidget
{
    Q_OBJECT
public:
    explicit WarRoomWindow(QWidget *parent = nullptr);

    void setEndpointModel(EndpointModel *model);
    void setIncidentStore(IncidentStore *store);
    // The KPI tiles shown large: of `model` (KpiModel's roles), those in `ids`, or with no ids the warning and
    // critical ones.
    void setKpiModel(QAbstractItemModel *model);
    void setWarRoomKpis(const QSet<QString> &ids);
    void setWorkspaceTitle(const QString &title);
    // Team mode: while the shared database cannot be reached the screen says so (what it shows may be stale).
    void setOffline(bool offline, const QString &reason = {});

    qint64 activeIncidentId() const { return m_activeId; }
    // incidents.war-room-acknowledge: an Acknowledge button under the active incident while nobody has.
    void setAcknowledgeAllowed(bool allowed);
    HealthWall *healthWall() const { return m_wall; }
    WarRoomKpiBoard *kpiBoard() const { return m_kpis; }

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void retranslateUi();
    qint64 chooseActive() const;
    void followScreen(QScreen *screen);
    void coverScreen();

    QPointer<IncidentStore> m_store;
    TimelineModel *m_timeline = nullptr;
    QLabel *m_heading;
    QLabel *m_clock;
    QLabel *m_offline;
    QLabel *m_noIncident;
    QPushButton *m_acknowledge;
    QLabel *m_ackResult;
    bool m_ackAllowed = false;
    IncidentBanner *m_banner;
    QTreeView *m_timelineView;
    WarRoomKpiBoard *m_kpis;
    HealthWall *m_wall;
    QTimer *m_tick;
    QString m_workspaceTitle;
    qint64 m_activeId = 0;
    QPointer<QScreen> m_screen; // the one whose geometry changes are followed
};
