// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"
#include "probe/proberesult.h"

#include <QMap>
#include <QPointer>

using namespace Qt::StringLiterals;

class EndpointDetailView;
class EndpointFilterModel;
class EndpointModel;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;
class QTreeView;
class SyntaxHighlighterService;

// The Health screen: every endpoint grouped by its group with state, last latency, uptime over the recent
// history and time since the last change; a filter by state and text; the detail pane of the selected endpoint.
// Holds no results itself: it shows an EndpointModel and asks for checks through signals.
class HealthPage final : public Page
{
    Q_OBJECT
public:
    explicit HealthPage(QWidget *parent = nullptr);
    ~HealthPage() override;

    QString id() const override { return u"health"_s; }
    QString title() const override;

    void setModel(EndpointModel *model);
    void setHighlighter(SyntaxHighlighterService *service);
    // The banner over the list while the workspace version waits for trust: how many endpoints and KPIs wait
    // (0, 0 with `waiting` still shows it, for secrets that only notifications or Alertmanager use).
    void setTrustWaiting(bool waiting, int endpoints, int kpis);

    QString selectedEndpoint() const;
    bool selectEndpoint(const QString &name);
    QTreeView *view() const { return m_view; }
    EndpointFilterModel *filterModel() const { return m_filter; }
    EndpointDetailView *detailView() const { return m_detail; }

Q_SIGNALS:
    void checkNowRequested(const QString &endpoint);
    void checkAllRequested();
    // The banner's "Trust…" button: ask the trust question again.
    void trustRequested();
    void openIncidentRequested(const QString &endpoint, const ProbeResult &result);

protected:
    void retranslateUi() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createLayout();
    void expandGroups();
    void applyStateFilter();
    void showSelected();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void updateSummary();
    int contentWidth(int column) const;
    void sizeColumns();
    void fitColumns();

    QPointer<EndpointModel> m_model;
    EndpointFilterModel *m_filter;
    QLineEdit *m_search = nullptr;
    QLabel *m_stateLabel = nullptr;
    QMap<EndpointState, QToolButton *> m_stateButtons;
    QPushButton *m_checkAll = nullptr;
    QLabel *m_summary = nullptr;
    QFrame *m_trustBanner = nullptr;
    QLabel *m_trustText = nullptr;
    QPushButton *m_trustButton = nullptr;
    int m_trustEndpoints = 0;
    int m_trustKpis = 0;
    QTreeView *m_view = nullptr;
    EndpointDetailView *m_detail = nullptr;
    QTimer *m_tick = nullptr;
    QList<int> m_columnWidths; // per column, from sizeColumns()
};
