// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/statestyle.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace StateStyle {

QColor color(EndpointState state)
{
    switch (state) {
    case EndpointState::Ok:
        return QColor(0x27, 0xae, 0x60);
    case EndpointState::Maintenance:
        return QColor(0x3d, 0xae, 0xe9);
    case EndpointState::Pending:
        return QColor(0xf6, 0x74, 0x00);
    case EndpointState::Warning:
        return QColor(0xf1, 0xc4, 0x0f);
    case EndpointState::Unknown:
        return QColor(0x8e, 0x44, 0xad);
    case EndpointState::Critical:
        return QColor(0xda, 0x44, 0x53);
    }
    return noResultColor();
}

QColor noResultColor()
{
    return QColor(0x95, 0xa5, 0xa6);
}

void paint(QPainter *painter, const QRectF &area, int state)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal side = qMin(area.width(), area.height());
    const QRectF r(area.center().x() - side / 2, area.center().y() - side / 2, side, side);
    const QRectF box = r.adjusted(side * 0.06, side * 0.06, -side * 0.06, -side * 0.06);
    const qreal stroke = qMax<qreal>(1.5, side / 9);
    QPen mark(Qt::white, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    const auto at
        = [&](qreal x, qreal y) { return QPointF(box.left() + box.width() * x, box.top() + box.height() * y); };

    if (state < 0 || state == int(EndpointState::Pending)) {
        const QColor c = state < 0 ? noResultColor() : color(EndpointState::Pending);
        painter->setPen(QPen(c, stroke * 1.2));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(box.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2));
        if (state >= 0) { // pending: a half-filled ring
            painter->setBrush(c);
            painter->setPen(Qt::NoPen);
            painter->drawPie(box, 90 * 16, 180 * 16);
        }
        painter->restore();
        return;
    }
    const auto s = EndpointState(state);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color(s));
    switch (s) {
    case EndpointState::Ok:
        painter->drawEllipse(box);
        painter->setPen(mark);
        painter->drawPolyline(QPolygonF { at(0.27, 0.52), at(0.44, 0.69), at(0.74, 0.34) });
        break;
    case EndpointState::Warning: {
        QPainterPath triangle;
        triangle.moveTo(at(0.5, 0.02));
        triangle.lineTo(at(0.99, 0.94));
        triangle.lineTo(at(0.01, 0.94));
        triangle.closeSubpath();
        painter->drawPath(triangle);
        mark.setColor(QColor(0x23, 0x26, 0x29));
        painter->setPen(mark);
        painter->drawLine(at(0.5, 0.36), at(0.5, 0.62));
        painter->drawPoint(at(0.5, 0.8));
        break;
    }
    case EndpointState::Critical:
        painter->drawRoundedRect(box, side * 0.12, side * 0.12);
        painter->setPen(mark);
        painter->drawLine(at(0.3, 0.3), at(0.7, 0.7));
        painter->drawLine(at(0.7, 0.3), at(0.3, 0.7));
        break;
    case EndpointState::Unknown: {
        painter->drawEllipse(box);
        painter->setPen(Qt::white);
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(qMax(6, int(side * 0.7)));
        painter->setFont(font);
        painter->drawText(box, Qt::AlignCenter, u"?"_s);
        break;
    }
    case EndpointState::Maintenance:
        painter->drawRoundedRect(box, side * 0.12, side * 0.12);
        painter->setPen(mark);
        painter->drawLine(at(0.38, 0.28), at(0.38, 0.72));
        painter->drawLine(at(0.62, 0.28), at(0.62, 0.72));
        break;
    case EndpointState::Pending:
        break;
    }
    painter->restore();
}

QIcon icon(int state)
{
    static QHash<int, QIcon> cache;
    const auto found = cache.constFind(state);
    if (found != cache.cend()) {
        return *found;
    }
    QIcon result;
    for (int size : { 16, 32 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRectF(0, 0, size, size), state);
        painter.end();
        // The same pixmap when selected: the shape must keep its colour on the selection highlight.
        result.addPixmap(pixmap, QIcon::Normal);
        result.addPixmap(pixmap, QIcon::Selected);
    }
    cache.insert(state, result);
    return result;
}

} // namespace StateStyle
