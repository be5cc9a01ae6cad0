// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QWidget>

class KpiGridView;
class KpiPageModel;
class QAbstractItemModel;
class QLabel;
class QTimer;
class WarRoomKpiFilter;

// The war room's KPI tiles. A wall display has no mouse, so nothing scrolls: the tiles that do not fit are shown a
// page at a time, turning every pageIntervalMs, with "Page 1/3" above them. Built once; the app only hands over
// the KPI model and which KPIs the workspace marks for the war room.
class WarRoomKpiBoard final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int pageIntervalMs = 10000;

    explicit WarRoomKpiBoard(QWidget *parent = nullptr);

    void setKpiModel(QAbstractItemModel *model);
    void setWarRoomKpis(const QSet<QString> &ids);

    int tileCount() const;
    int pageCount() const;
    int currentPage() const;
    void showNextPage();

    KpiGridView *grid() const { return m_grid; }
    QTimer *pageTimer() const { return m_pageTimer; }

Q_SIGNALS:
    void tileCountChanged(int tiles);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updatePages();
    void retranslateUi();

    WarRoomKpiFilter *m_filter;
    KpiPageModel *m_pages;
    KpiGridView *m_grid;
    QLabel *m_pageLabel;
    QTimer *m_pageTimer;
    int m_tileCount = 0;
};
