// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/kpichartview.h"

#include "overview/kpistyle.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

KpiChartView::KpiChartView(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_time(new QDateTimeAxis(this))
    , m_values(new QValueAxis(this))
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->addAxis(m_time, Qt::AlignBottom);
    chart()->addAxis(m_values, Qt::AlignLeft);
    m_time->setFormat(u"HH:mm"_s);
    // Without a range before the first layout Qt Charts never draws this axis.
    const QDateTime now = QDateTime::currentDateTime();
    m_time->setRange(now.addSecs(-3600), now);
    m_crossLine = new QGraphicsLineItem(chart());
    m_crossLine->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    m_crossLine->setZValue(20);
    m_crossLine->hide();
    m_crossText = new QGraphicsSimpleTextItem(chart());
    m_crossText->setZValue(21);
    m_crossText->hide();
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(refreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &KpiChartView::refreshNow);
}

void KpiChartView::setKpi(const Kpi &kpi)
{
    m_kpi = kpi;
    rebuildBands();
}

int KpiChartView::plotWidth() const
{
    return std::max(1, int(chart()->plotArea().width()));
}

void KpiChartView::setData(const QList<ChartSeries> &series, const QDateTime &from, const QDateTime &to)
{
    m_series = series;
    while (m_lines.size() > series.size()) {
        QLineSeries *line = m_lines.takeLast();
        chart()->removeSeries(line);
        delete line;
    }
    while (m_lines.size() < series.size()) {
        auto *line = new QLineSeries(this);
        chart()->addSeries(line);
        // The themes' 2 px pen makes the raster engine stroke wide paths; 1 px stays on the fast line path.
        QPen pen = line->pen();
        pen.setWidthF(1);
        line->setPen(pen);
        line->attachAxis(m_time);
        line->attachAxis(m_values);
        m_lines.append(line);
    }
    for (qsizetype i = 0; i < series.size(); ++i) {
        m_lines[i]->setName(series[i].name);
    }
    const qint64 span = from.msecsTo(to);
    // 24-hour times: QDateTimeAxis formats AM/PM in English whatever the UI language, and on-call logs use 24 h.
    const QString format = span > 2 * 86400000LL ? u"MM-dd HH:mm"_s : u"HH:mm"_s;
    if (m_time->format() != format) {
        m_time->setFormat(format);
    }
    if (m_time->min() != from.toLocalTime() || m_time->max() != to.toLocalTime()) {
        m_time->setRange(from.toLocalTime(), to.toLocalTime());
        updateBands();
    }
    scheduleRefresh();
}

void KpiChartView::scheduleRefresh()
{
    if (!m_refresh.isActive()) {
        m_refresh.start();
    }
}

void KpiChartView::refreshNow()
{
    m_refresh.stop();
    ++m_refreshes;
    const double from = double(m_time->min().toMSecsSinceEpoch());
    const double to = double(m_time->max().toMSecsSinceEpoch());
    double low = INFINITY;
    double high = -INFINITY;
    qsizetype total = 0;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const QList<QPointF> points = m_series[i].buffer->downsample(from, to, plotWidth());
        for (const QPointF &p : points) {
            if (std::isfinite(p.y())) {
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }
        }
        m_lines[i]->replace(points);
        total += points.size();
    }
    // Antialiasing tens of thousands of segments costs more than a frame; M4 already keeps the shape.
    setRenderHint(QPainter::Antialiasing, total < 4000);
    // Keep the threshold lines in view so the bands mean something.
    for (const std::optional<double> &line : { m_kpi.thresholds.warn, m_kpi.thresholds.crit }) {
        if (line) {
            low = std::min(low, *line);
            high = std::max(high, *line);
        }
    }
    if (!std::isfinite(low)) {
        low = 0;
        high = 1;
    }
    const double pad = high > low ? (high - low) * 0.08 : std::max(1.0, std::abs(high) * 0.1);
    const double bottom = low >= 0 ? std::max(0.0, low - pad) : low - pad; // no negative axis for positive data
    // Round to a 1-2-5 step ourselves: every axis change makes Qt Charts lay out every series again.
    const double rough = (high + pad - bottom) / 6;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double step = rough / magnitude < 2 ? 2 * magnitude : rough / magnitude < 5 ? 5 * magnitude : 10 * magnitude;
    const double niceLow = std::floor(bottom / step) * step;
    const double niceHigh = std::ceil((high + pad) / step) * step;
    if (niceLow != m_values->min() || niceHigh != m_values->max()) {
        m_values->setRange(niceLow, niceHigh);
        m_values->setTickCount(int(std::lround((niceHigh - niceLow) / step)) + 1);
        updateBands();
    }
}

void KpiChartView::rebuildBands()
{
    for (QAreaSeries *band : std::as_const(m_bands)) {
        chart()->removeSeries(band);
        delete band;
    }
    m_bands.clear();
    const Thresholds &t = m_kpi.thresholds;
    const auto add = [this](KpiState state) {
        auto *upper = new QLineSeries(this);
        auto *lower = new QLineSeries(this);
        auto *area = new QAreaSeries(upper, lower);
        upper->setParent(area);
        lower->setParent(area);
        QColor color = KpiStyle::color(state);
        color.setAlpha(40);
        area->setBrush(color);
        area->setPen(Qt::NoPen);
        chart()->addSeries(area);
        area->attachAxis(m_time);
        area->attachAxis(m_values);
        m_bands.append(area);
    };
    if (t.warn) {
        add(KpiState::Warning);
    }
    if (t.crit) {
        add(KpiState::Critical);
    }
    nameBands();
    updateBands();
}

void KpiChartView::nameBands()
{
    // The bands are built warning first, then critical, each only when its threshold is set.
    QList<KpiState> states;
    if (m_kpi.thresholds.warn) {
        states.append(KpiState::Warning);
    }
    if (m_kpi.thresholds.crit) {
        states.append(KpiState::Critical);
    }
    for (qsizetype i = 0; i < states.size() && i < m_bands.size(); ++i) {
        m_bands[i]->setName(KpiStyle::name(states[i]));
    }
}

void KpiChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        nameBands();
    }
}

void KpiChartView::updateBands()
{
    // Only the corners move on a refresh; the band series themselves stay.
    const Thresholds &t = m_kpi.thresholds;
    const bool above = t.direction == Thresholds::Direction::Above;
    const double edge = above ? m_values->max() : m_values->min();
    const double x0 = double(m_time->min().toMSecsSinceEpoch());
    const double x1 = double(m_time->max().toMSecsSinceEpoch());
    QList<std::pair<double, double>> spans;
    if (t.warn) {
        spans.append({ *t.warn, t.crit ? *t.crit : edge });
    }
    if (t.crit) {
        spans.append({ *t.crit, edge });
    }
    for (qsizetype i = 0; i < spans.size() && i < m_bands.size(); ++i) {
        const double high = std::max(spans[i].first, spans[i].second);
        const double low = std::min(spans[i].first, spans[i].second);
        m_bands[i]->upperSeries()->replace({ QPointF(x0, high), QPointF(x1, high) });
        m_bands[i]->lowerSeries()->replace({ QPointF(x0, low), QPointF(x1, low) });
    }
}

QString KpiChartView::crosshairText() const
{
    return m_crossText->isVisible() ? m_crossText->text() : QString();
}

void KpiChartView::updateCrosshair(const QPointF &at)
{
    const QRectF plot = chart()->plotArea();
    if (!plot.contains(at) || m_lines.isEmpty()) {
        m_crossLine->hide();
        m_crossText->hide();
        return;
    }
    const QPointF value = chart()->mapToValue(at, m_lines.constFirst());
    QStringList lines { QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(value.x())), QLocale::ShortFormat) };
    for (QLineSeries *line : std::as_const(m_lines)) {
        const QList<QPointF> points = line->points();
        const auto it = std::lower_bound(
            points.cbegin(), points.cend(), value.x(), [](const QPointF &p, double x) { return p.x() < x; });
        if (it == points.cend()) {
            continue;
        }
        lines.append(line->name() + QLatin1String(": ") + QLocale().toString(it->y(), 'f', m_kpi.decimals)
            + (m_kpi.unit.isEmpty() ? QString() : QLatin1Char(' ') + m_kpi.unit));
    }
    m_crossLine->setLine(at.x(), plot.top(), at.x(), plot.bottom());
    m_crossText->setText(lines.join(QLatin1Char('\n')));
    const QRectF box = m_crossText->boundingRect();
    const qreal x = at.x() + 8 + box.width() > plot.right() ? at.x() - 8 - box.width() : at.x() + 8;
    m_crossText->setPos(x, plot.top() + 4);
    m_crossLine->show();
    m_crossText->show();
}

void KpiChartView::mouseMoveEvent(QMouseEvent *event)
{
    updateCrosshair(chart()->mapFromScene(mapToScene(event->position().toPoint())));
    QChartView::mouseMoveEvent(event);
}

void KpiChartView::leaveEvent(QEvent *event)
{
    m_crossLine->hide();
    m_crossText->hide();
    QChartView::leaveEvent(event);
}

void KpiChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        chart()->zoom(1.5);
        break;
    case Qt::Key_Minus:
        chart()->zoom(1 / 1.5);
        break;
    case Qt::Key_Left:
        chart()->scroll(-plotWidth() / 10.0, 0);
        break;
    case Qt::Key_Right:
        chart()->scroll(plotWidth() / 10.0, 0);
        break;
    case Qt::Key_0:
        chart()->zoomReset();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    scheduleRefresh();
}

void KpiChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    scheduleRefresh();
}
