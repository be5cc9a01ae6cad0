// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"

using namespace Qt::StringLiterals;

class IncidentEditor;
class IncidentListModel;
class IncidentStore;
class PostMortemPanel;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTimer;
class QTreeView;
class TimelinePanel;

// The Incidents screen: the incident list (open first, live SLA clocks) on the left; the selected incident's
// details, timeline and post-mortem on the right.
class IncidentsPage final : public Page
{
    Q_OBJECT
public:
    explicit IncidentsPage(QWidget *parent = nullptr);

    QString id() const override { return u"incidents"_s; }
    QString title() const override;

    // The page shows nothing until it has a store (wired by the app).
    void setStore(IncidentStore *store);
    IncidentStore *store() const { return m_store; }
    bool selectIncident(qint64 incidentId);
    qint64 currentIncidentId() const { return m_currentId; }
    TimelinePanel *timelinePanel() const { return m_timeline; }
    IncidentEditor *editor() const { return m_editor; }
    QTabWidget *tabs() const { return m_tabs; }

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent *event) override;

private:
    void showIncident(qint64 incidentId);
    void newIncident();
    void updateHeading();
    void tickClock();

    IncidentStore *m_store = nullptr;
    IncidentListModel *m_listModel = nullptr;
    QSortFilterProxyModel *m_sorted;
    qint64 m_currentId = 0;
    qint64 m_pendingSelect = -1; // select the next added incident (opened from this page)
    QTreeView *m_list;
    QPushButton *m_new;
    QLabel *m_heading;
    QTabWidget *m_tabs;
    IncidentEditor *m_editor;
    TimelinePanel *m_timeline;
    PostMortemPanel *m_postMortem;
    QLabel *m_message;
    QLabel *m_empty;
    QTimer *m_clock;
    QSplitter *m_splitter;
    bool m_sized = false;
};
