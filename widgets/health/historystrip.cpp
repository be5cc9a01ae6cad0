// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "health/historystrip.h"

#include "health/statestyle.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace {
constexpr int Height = 22;
constexpr qreal Gap = 2;

bool isUp(EndpointState state)
{
    return state == EndpointState::Ok || state == EndpointState::Warning || state == EndpointState::Maintenance;
}
} // namespace

HistoryStrip::HistoryStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
}

void HistoryStrip::setHistory(const std::deque<HistoryPoint> &history, int capacity)
{
    m_points = QList<HistoryPoint>(history.begin(), history.end());
    m_capacity = qMax(1, capacity);
    update();
}

QSize HistoryStrip::sizeHint() const
{
    return { m_capacity * 8, Height };
}

QSize HistoryStrip::minimumSizeHint() const
{
    return { 60, Height };
}

QRectF HistoryStrip::cellRect(int index) const
{
    // Cells keep their slot for the full capacity, newest at the right edge, so the strip fills from the right.
    const qreal width = (qreal(this->width()) + Gap) / m_capacity;
    const int slot = m_capacity - int(m_points.size()) + index;
    const bool up = isUp(m_points.at(index).state);
    const qreal top = up ? height() * 0.3 : 0;
    return QRectF(slot * width, top, qMax<qreal>(1, width - Gap), height() - top);
}

int HistoryStrip::cellAt(const QPoint &pos) const
{
    for (int i = 0; i < m_points.size(); ++i) {
        const QRectF r = cellRect(i);
        if (pos.x() >= r.left() && pos.x() < r.right() + Gap) {
            return i;
        }
    }
    return -1;
}

void HistoryStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF base(0, height() * 0.3, width(), height() * 0.7);
    painter.fillRect(base, palette().color(QPalette::AlternateBase));
    for (int i = 0; i < m_points.size(); ++i) {
        painter.fillRect(cellRect(i), StateStyle::color(m_points.at(i).state));
    }
}

bool HistoryStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int cell = cellAt(help->pos());
        if (cell < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const HistoryPoint &point = m_points.at(cell);
        QString text = tr("%1: %2").arg(
            QLocale().toString(point.at.toLocalTime(), QLocale::ShortFormat), EndpointModel::stateText(point.state));
        if (point.totalMs >= 0) {
            text = tr("%1, %2 ms").arg(text).arg(qRound(point.totalMs));
        }
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}
