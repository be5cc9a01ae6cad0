// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident/slaclock.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

SlaFigure SlaClock::acknowledge(const Incident &incident, const SeverityLevel &level, const QDateTime &now)
{
    return figure(incident.anchor(), incident.acknowledgedAt, level.ack, now);
}

SlaFigure SlaClock::resolve(const Incident &incident, const SeverityLevel &level, const QDateTime &now)
{
    return figure(incident.anchor(), incident.resolvedAt, level.resolve, now);
}

SlaFigure SlaClock::figure(const QDateTime &anchor, const QDateTime &reached, Milliseconds target, const QDateTime &now)
{
    SlaFigure f;
    f.target = target;
    if (!anchor.isValid() || target.count() <= 0) {
        return f;
    }
    f.running = !reached.isValid();
    const QDateTime end = f.running ? now : reached;
    f.elapsed = Milliseconds(std::max<qint64>(0, anchor.msecsTo(end)));
    if (f.elapsed > target) {
        f.state = SlaFigure::State::Breached;
    } else if (f.running && double(f.elapsed.count()) >= nearFraction * double(target.count())) {
        f.state = SlaFigure::State::Near;
    } else {
        f.state = SlaFigure::State::Ok;
    }
    return f;
}

QString SlaClock::formatDuration(Milliseconds duration)
{
    const bool negative = duration.count() < 0;
    const qint64 total = std::abs(duration.count()) / 1000;
    const qint64 days = total / 86400;
    const qint64 hours = (total / 3600) % 24;
    const qint64 minutes = (total / 60) % 60;
    const qint64 seconds = total % 60;
    const auto two = [](qint64 n) { return QString::number(n).rightJustified(2, u'0'); };
    QString out;
    if (days > 0) {
        out = QCoreApplication::translate("SlaClock", "%1d %2h").arg(days).arg(hours);
    } else if (hours > 0) {
        out = QString::number(hours) + u':' + two(minutes) + u':' + two(seconds);
    } else {
        out = QString::number(minutes) + u':' + two(seconds);
    }
    return negative ? u"-"_s + out : out;
}

QString SlaClock::text(const SlaFigure &figure)
{
    if (figure.state == SlaFigure::State::None) {
        return QCoreApplication::translate("SlaClock", "no target");
    }
    if (figure.state == SlaFigure::State::Breached) {
        const QString over = formatDuration(figure.elapsed - figure.target);
        return figure.running ? QCoreApplication::translate("SlaClock", "overdue by %1").arg(over)
                              : QCoreApplication::translate("SlaClock", "missed by %1").arg(over);
    }
    if (!figure.running) {
        return QCoreApplication::translate("SlaClock", "met in %1").arg(formatDuration(figure.elapsed));
    }
    return formatDuration(figure.elapsed) + u" / "_s + formatDuration(figure.target);
}

std::optional<SeverityLevel> SlaClock::level(const QList<SeverityLevel> &levels, const QString &id)
{
    for (const SeverityLevel &l : levels) {
        if (l.id == id) {
            return l;
        }
    }
    return std::nullopt;
}
