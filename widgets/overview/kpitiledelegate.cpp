// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overview/kpitiledelegate.h"

#include "kpi/kpimodel.h"
#include "overview/kpistyle.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QFont scaled(const QFont &base, qreal factor, bool bold)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

KpiTileDelegate::KpiTileDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QSize KpiTileDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return m_size;
}

void KpiTileDelegate::paintSparkline(
    QPainter *painter, const QRectF &rect, const QList<QPointF> &points, const QColor &color)
{
    QList<QPointF> finite;
    for (const QPointF &p : points) {
        if (std::isfinite(p.y())) {
            finite.append(p);
        }
    }
    if (finite.size() < 2) {
        return;
    }
    double minY = finite.constFirst().y();
    double maxY = minY;
    for (const QPointF &p : finite) {
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    const double spanX = std::max(1.0, finite.constLast().x() - finite.constFirst().x());
    const double spanY = maxY > minY ? maxY - minY : 1.0;
    QPainterPath path;
    for (qsizetype i = 0; i < finite.size(); ++i) {
        const QPointF &p = finite.at(i);
        const QPointF at(rect.left() + (p.x() - finite.constFirst().x()) / spanX * rect.width(),
            rect.bottom() - (maxY > minY ? (p.y() - minY) / spanY : 0.5) * rect.height());
        i == 0 ? path.moveTo(at) : path.lineTo(at);
    }
    painter->setPen(QPen(color, 1.6));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
}

qreal KpiTileDelegate::drawTitle(QPainter *painter, const QFont &font, const QRectF &rect, const QString &title)
{
    // Laid out line by line: Hangul comes from a fallback font whose lines are taller than the title font's
    // metrics say, so fixed line heights let a second line run into the value.
    QTextLayout layout(title, font, painter->device());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal height = 0;
    QList<QTextLine> lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(rect.width());
        if (!lines.isEmpty() && (lines.size() == 2 || height + line.height() > rect.height())) {
            break;
        }
        line.setPosition(QPointF(0, height));
        height += line.height();
        lines.append(line);
    }
    layout.endLayout();
    if (lines.isEmpty()) {
        return 0;
    }
    const QTextLine &last = lines.constLast();
    const bool cut = last.textStart() + last.textLength() < title.size();
    painter->setFont(font);
    for (const QTextLine &line : std::as_const(lines)) {
        if (cut && line.lineNumber() == last.lineNumber()) {
            const QString rest = title.mid(line.textStart());
            const QFontMetricsF metrics(font);
            painter->drawText(QPointF(rect.left(), rect.top() + line.y() + line.ascent()),
                metrics.elidedText(rest, Qt::ElideRight, rect.width()));
        } else {
            line.draw(painter, rect.topLeft());
        }
    }
    return height;
}

void KpiTileDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const auto state = KpiState(index.data(KpiModel::StateRole).toInt());
    const QColor stateColor = KpiStyle::color(state);
    const QRectF tile = QRectF(option.rect).adjusted(1, 1, -1, -1);

    painter->setPen(QPen(pal.color(QPalette::Mid), 1));
    painter->setBrush(pal.color(QPalette::Base));
    painter->drawRoundedRect(tile, 6, 6);
    // The state bar on the left; a stale or unknown value is drawn muted.
    QPainterPath bar;
    bar.addRoundedRect(QRectF(tile.left(), tile.top(), 8, tile.height()), 4, 4);
    painter->fillPath(bar, stateColor);
    if (option.state & QStyle::State_MouseOver) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(tile.adjusted(1, 1, -1, -1), 6, 6);
    }

    const qreal pad = 14;
    QRectF content = tile.adjusted(8 + pad, pad * 0.8, -pad, -pad * 0.7);
    const QFont base = option.font;
    const qreal scale = std::clamp(tile.height() / 170.0, 1.0, 1.6);

    // Title and state name on the first line.
    const QFont stateFont = scaled(base, 0.85 * scale, true);
    const QString stateText = KpiStyle::name(state);
    const QFontMetricsF stateMetrics(stateFont);
    const qreal stateWidth = stateMetrics.horizontalAdvance(stateText) + 12;
    const QRectF stateRect(content.right() - stateWidth, content.top(), stateWidth, stateMetrics.height() + 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(stateColor);
    painter->drawRoundedRect(stateRect, 4, 4);
    painter->setFont(stateFont);
    painter->setPen(state == KpiState::Warning ? QColor(0x23, 0x26, 0x29) : QColor(Qt::white));
    painter->drawText(stateRect, Qt::AlignCenter, stateText);

    const QFont titleFont = scaled(base, scale, true);
    painter->setPen(pal.color(QPalette::Text));
    const qreal titleHeight = drawTitle(painter, titleFont,
        QRectF(content.left(), content.top(), content.width() - stateWidth - 8, content.height() / 2),
        index.data(KpiModel::TitleRole).toString());

    // Value and unit.
    const QFont valueFont = scaled(base, 2.2 * scale, true);
    const QFontMetricsF valueMetrics(valueFont);
    const qreal valueTop = content.top() + std::max(titleHeight, stateRect.height()) + 4;
    const QString value = index.data(KpiModel::ValueTextRole).toString();
    const QString unit = index.data(KpiModel::UnitRole).toString();
    painter->setFont(valueFont);
    painter->setPen(state == KpiState::Stale || state == KpiState::Unknown ? pal.color(QPalette::PlaceholderText)
                                                                           : pal.color(QPalette::Text));
    const QString shownValue = valueMetrics.elidedText(value, Qt::ElideRight, content.width() * 0.75);
    painter->drawText(QPointF(content.left(), valueTop + valueMetrics.ascent()), shownValue);
    const qreal unitLeft = content.left() + valueMetrics.horizontalAdvance(shownValue) + 6;
    const QFont unitFont = scaled(base, 1.1 * scale, false);
    painter->setFont(unitFont);
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->drawText(QPointF(unitLeft, valueTop + valueMetrics.ascent()),
        QFontMetricsF(unitFont).elidedText(unit, Qt::ElideRight, std::max(0.0, content.right() - unitLeft)));

    // Target and trend under the value.
    const QFont smallFont = scaled(base, 0.9 * scale, false);
    const QFontMetricsF smallMetrics(smallFont);
    const qreal infoTop = valueTop + valueMetrics.height() + 2;
    painter->setFont(smallFont);
    QStringList info; // tier, budget and burn first: the end may be elided
    if (const int tier = index.data(KpiModel::TierRole).toInt(); tier > 0) {
        info.append(KpiTileDelegate::tr("Tier %1").arg(tier));
    }
    if (const QString budget = index.data(KpiModel::BudgetTextRole).toString(); !budget.isEmpty()) {
        info.append(budget);
    }
    const QVariant burn = index.data(KpiModel::BurnRateRole);
    if (burn.isValid()) {
        info.append(KpiTileDelegate::tr("burn %1×").arg(QLocale().toString(burn.toDouble(), 'f', 1)));
    }
    const QString target = index.data(KpiModel::TargetTextRole).toString();
    if (!target.isEmpty()) {
        info.append(KpiTileDelegate::tr("Target %1").arg(target));
    }
    const QVariant trend = index.data(KpiModel::TrendRole);
    if (trend.isValid()) {
        const double t = trend.toDouble();
        const QString arrow = t > 0 ? u"▲"_s : t < 0 ? u"▼"_s : u"■"_s;
        info.append(arrow + QLatin1Char(' ') + QLocale().toString(t, 'g', 3));
    }
    painter->drawText(QPointF(content.left(), infoTop + smallMetrics.ascent()),
        smallMetrics.elidedText(info.join(u"  ·  "_s), Qt::ElideRight, content.width()));

    // The sparkline fills what is left.
    const qreal sparkTop = infoTop + smallMetrics.height() + 6;
    const QRectF spark(content.left(), sparkTop, content.width(), content.bottom() - sparkTop);
    if (spark.height() > 8) {
        paintSparkline(painter, spark, index.data(KpiModel::SparklineRole).value<QList<QPointF>>(), stateColor);
    }
    painter->restore();
}
