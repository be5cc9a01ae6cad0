// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>

class KpiTileDelegate;

// The tile grid: as many columns as fit at minTileWidth, tiles stretched to fill the row, so the board keeps its
// shape from 1280x800 to 2560x1440. Clicking a tile emits tileActivated with the KPI's id.
class KpiGridView final : public QListView
{
    Q_OBJECT

public:
    static constexpr int minTileWidth = 260;
    static constexpr int spacing = 12;

    explicit KpiGridView(QWidget *parent = nullptr);

    int columns() const { return m_columns; }
    QSize tileSize() const;

    // Paged (a wall display, which has no mouse to scroll with): no scroll bar, tiles no taller than the view, and
    // tilesPerPage() says how many fit; whoever owns the view shows the model one page at a time.
    void setPaged(bool paged);
    int tilesPerPage() const { return m_tilesPerPage; }

Q_SIGNALS:
    void tileActivated(const QString &kpiId);
    void tilesPerPageChanged(int tiles);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();

    KpiTileDelegate *m_delegate;
    int m_columns = 1;
    bool m_paged = false;
    int m_tilesPerPage = 0;
};
