// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class EndpointModel;

// The endpoint health wall of the war-room screen: one tile per endpoint, worst states first, coloured and marked
// with the state's shape, its title and last latency. Tiles and text scale with the widget (1080p to 4K).
class HealthWall final : public QWidget
{
    Q_OBJECT
public:
    explicit HealthWall(QWidget *parent = nullptr);

    void setModel(EndpointModel *model);
    // Tile order as painted (for tests): endpoint names, worst state first (a root cause before the endpoints it
    // impacts), then file order.
    QStringList order() const;
    QSize sizeHint() const override { return { 800, 300 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Tile
    {
        QString name;
        QString title;
        int state = -1; // EndpointState, -1 = no result yet
        double latencyMs = -1;
        QString impactedBy; // the root cause (depends-on), when impacted
    };
    QList<Tile> tiles() const;

    QPointer<EndpointModel> m_model;
};
