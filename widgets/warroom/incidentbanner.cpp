// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "warroom/incidentbanner.h"

#include "incident/incidentlifecycle.h"
#include "incident/slaclock.h"

#include <QFontInfo>
#include <QGridLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace {
// P0 red, P1 orange, P2 amber, then blue: the seeds' levels, most severe first.
QColor badgeColor(int rank)
{
    static const QColor colors[]
        = { QColor(0xd3, 0x2f, 0x2f), QColor(0xef, 0x6c, 0x00), QColor(0xf9, 0xa8, 0x25), QColor(0x19, 0x76, 0xd2) };
    return colors[std::clamp(rank, 0, 3)];
}

QString clockStyle(SlaFigure::State state)
{
    switch (state) {
    case SlaFigure::State::Breached:
        return u"color: #ff5252;"_s;
    case SlaFigure::State::Near:
        return u"color: #ffb300;"_s;
    case SlaFigure::State::Ok:
        return u"color: #69f0ae;"_s;
    case SlaFigure::State::None:
        break;
    }
    return u"color: #b0bec5;"_s;
}
} // namespace

IncidentBanner::IncidentBanner(QWidget *parent)
    : QWidget(parent)
    , m_badge(new QLabel(this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_commander(new QLabel(this))
    , m_ack(new QLabel(this))
    , m_resolve(new QLabel(this))
{
    setObjectName(u"incidentBanner"_s);
    m_badge->setObjectName(u"severityBadge"_s);
    m_title->setObjectName(u"incidentTitle"_s);
    m_status->setObjectName(u"incidentStatus"_s);
    m_commander->setObjectName(u"incidentCommander"_s);
    m_ack->setObjectName(u"ackClock"_s);
    m_resolve->setObjectName(u"resolveClock"_s);
    m_badge->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_badge, 0, 0, 2, 1);
    grid->addWidget(m_title, 0, 1, 1, 3);
    grid->addWidget(m_status, 1, 1);
    grid->addWidget(m_commander, 1, 2);
    grid->addWidget(m_ack, 0, 4);
    grid->addWidget(m_resolve, 1, 4);
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(24);
}

void IncidentBanner::setIncident(const Incident &incident, const std::optional<SeverityLevel> &level, int severityRank,
    const QString &language, const QDateTime &now)
{
    m_badge->setText(u" %1 "_s.arg(incident.severity));
    m_badge->setToolTip(level ? level->title.text(language) : QString());
    const int em = QFontInfo(font()).pixelSize();
    m_badge->setStyleSheet(QStringLiteral("background: %1; color: white; font-weight: bold; padding: %2px %3px;"
                                          "border-radius: %2px; font-size: %4px;")
                               .arg(badgeColor(severityRank).name())
                               .arg(em / 3)
                               .arg(em * 2 / 3)
                               .arg(em * 2));
    m_title->setText(incident.title);
    m_title->setStyleSheet(u"color: #eceff1; font-size: %1px; font-weight: bold;"_s.arg(em * 8 / 5));
    m_status->setText(level
            ? tr("Status: %1 · %2").arg(IncidentLifecycle::statusText(incident.status), level->title.text(language))
            : tr("Status: %1").arg(IncidentLifecycle::statusText(incident.status)));
    m_commander->setText(
        incident.commander.isEmpty() ? tr("Commander: not assigned") : tr("Commander: %1").arg(incident.commander));
    if (level) {
        const SlaFigure ack = SlaClock::acknowledge(incident, *level, now);
        const SlaFigure resolve = SlaClock::resolve(incident, *level, now);
        m_ack->setText(tr("Acknowledge: %1").arg(SlaClock::text(ack)));
        const QString clockFont = u"font-size: %1px; font-weight: bold;"_s.arg(em * 13 / 10);
        m_ack->setStyleSheet(clockStyle(ack.state) + clockFont);
        m_resolve->setText(tr("Resolve: %1").arg(SlaClock::text(resolve)));
        m_resolve->setStyleSheet(clockStyle(resolve.state) + clockFont);
    } else {
        m_ack->setText(tr("No SLA targets for this severity"));
        m_resolve->clear();
    }
}
