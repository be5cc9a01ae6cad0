// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "warroom/healthwall.h"

#include "health/statestyle.h"
#include "probe/endpointmodel.h"

#include <QFontInfo>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// Higher = worse, for sorting: CRITICAL, UNKNOWN, WARNING, PENDING, no result, MAINTENANCE, OK.
int severityRank(int state)
{
    switch (state) {
    case int(EndpointState::Critical):
        return 6;
    case int(EndpointState::Unknown):
        return 5;
    case int(EndpointState::Warning):
        return 4;
    case int(EndpointState::Pending):
        return 3;
    case -1:
        return 2;
    case int(EndpointState::Maintenance):
        return 1;
    default:
        return 0;
    }
}
} // namespace

HealthWall::HealthWall(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"healthWall"_s);
}

void HealthWall::setModel(EndpointModel *model)
{
    if (m_model) {
        m_model->disconnect(this);
    }
    m_model = model;
    if (model) {
        const auto repaint = [this] { update(); };
        connect(model, &QAbstractItemModel::dataChanged, this, repaint);
        connect(model, &QAbstractItemModel::modelReset, this, repaint);
        connect(model, &QAbstractItemModel::layoutChanged, this, repaint);
    }
    update();
}

QList<HealthWall::Tile> HealthWall::tiles() const
{
    QList<Tile> list;
    if (!m_model) {
        return list;
    }
    for (int g = 0; g < m_model->rowCount(); ++g) {
        const QModelIndex group = m_model->index(g, 0);
        for (int r = 0; r < m_model->rowCount(group); ++r) {
            const QModelIndex index = m_model->index(r, 0, group);
            list.append({ index.data(EndpointModel::NameRole).toString(), index.data(Qt::DisplayRole).toString(),
                index.data(EndpointModel::StateRole).toInt(), index.data(EndpointModel::LatencyRole).toDouble(),
                index.data(EndpointModel::ImpactedByRole).toString() });
        }
    }
    // The root cause first: of two tiles in the same state, the one not impacted by another goes first.
    const auto rank = [](const Tile &t) { return severityRank(t.state) * 2 + (t.impactedBy.isEmpty() ? 1 : 0); };
    std::stable_sort(list.begin(), list.end(), [&rank](const Tile &a, const Tile &b) { return rank(a) > rank(b); });
    return list;
}

QStringList HealthWall::order() const
{
    QStringList names;
    for (const Tile &tile : tiles()) {
        names << tile.name;
    }
    return names;
}

void HealthWall::paintEvent(QPaintEvent *)
{
    const QList<Tile> all = tiles();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (all.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No endpoints in this workspace"));
        return;
    }
    // Tiles are sized from the text (which the war room scales with the screen): as many rows of comfortable
    // tiles as fit, then as many columns as needed; with few endpoints they stay tile-sized, top-aligned.
    const int n = int(all.size());
    const double em = QFontInfo(font()).pixelSize();
    const double spacing = std::max(6.0, em / 2);
    const double tileMaxH = em * 4.5;
    const double tileMinH = em * 2.6;
    const int rowsFit = std::max(1, int((height() + spacing) / (tileMinH + spacing)));
    int columns = std::max(1, (n + rowsFit - 1) / rowsFit);
    columns = std::max(columns, std::min(n, int((width() + spacing) / (em * 16 + spacing))));
    const int rows = (n + columns - 1) / columns;
    const double tileW = (width() - spacing * (columns - 1)) / columns;
    const double tileH = std::min({ (height() - spacing * (rows - 1)) / rows, tileMaxH, tileW / 2.0 });
    QFont titleFont = font();
    titleFont.setPixelSize(std::clamp(int(tileH / 4.2), 11, 64));
    titleFont.setBold(true);
    QFont detailFont = font();
    detailFont.setPixelSize(std::clamp(int(tileH / 6.0), 10, 44));
    const QLocale locale;
    for (int i = 0; i < n; ++i) {
        const Tile &tile = all[i];
        const QRectF r((i % columns) * (tileW + spacing), (i / columns) * (tileH + spacing), tileW, tileH);
        const QColor color
            = tile.state < 0 ? StateStyle::noResultColor() : StateStyle::color(EndpointState(tile.state));
        QPainterPath path;
        path.addRoundedRect(r, tileH / 12, tileH / 12);
        painter.fillPath(path, color.darker(tile.state == int(EndpointState::Ok) ? 260 : 170));
        painter.setPen(QPen(color, std::max(2.0, tileH / 30)));
        painter.drawPath(path);
        const double pad = tileH / 8;
        const double mark = tileH * 0.42;
        StateStyle::paint(&painter, QRectF(r.left() + pad, r.center().y() - mark / 2, mark, mark), tile.state);
        const QRectF text = r.adjusted(pad * 2 + mark, pad / 2, -pad, -pad / 2);
        painter.setPen(Qt::white);
        painter.setFont(titleFont);
        const QFontMetricsF titleMetrics(titleFont);
        painter.drawText(QRectF(text.left(), text.top(), text.width(), text.height() * 0.58),
            Qt::AlignLeft | Qt::AlignBottom, titleMetrics.elidedText(tile.title, Qt::ElideRight, text.width()));
        painter.setFont(detailFont);
        QString detail = tile.state < 0  ? tr("not checked yet")
            : !tile.impactedBy.isEmpty() ? tr("%1 · %2").arg(
                  EndpointModel::stateText(EndpointState(tile.state)), EndpointModel::impactedByText(tile.impactedBy))
            : tile.latencyMs < 0
            ? EndpointModel::stateText(EndpointState(tile.state))
            : tr("%1 · %2 ms")
                  .arg(EndpointModel::stateText(EndpointState(tile.state)), locale.toString(qRound(tile.latencyMs)));
        const EndpointStatus *status = m_model->status(tile.name);
        if (status && status->last && !status->last->locations.isEmpty()) {
            // Probed from several locations: each one's state, so a partial outage shows where.
            QStringList places;
            for (const LocationReading &l : status->last->locations) {
                places << tr("%1 %2").arg(
                    l.location.isEmpty() ? tr("default") : l.location, EndpointModel::stateText(l.state));
            }
            detail += u" · "_s + places.join(u", "_s);
        }
        painter.setPen(QColor(255, 255, 255, 200));
        painter.drawText(QRectF(text.left(), text.top() + text.height() * 0.6, text.width(), text.height() * 0.4),
            Qt::AlignLeft | Qt::AlignTop, QFontMetricsF(detailFont).elidedText(detail, Qt::ElideRight, text.width()));
    }
}
