// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"
#include "workspace/workspace.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>

// The post-mortem in seed 000's structure: summary (times, duration, severity, scope), impact, root cause and
// contributing factors, the timeline generated from the effective entries, resolution, prevention (immediate /
// long term), lessons and the action-item table. Headings and labels are translated (the UI language, so a
// Korean UI exports Korean headings); dates are formatted by `locale` in `zone`.
class IncidentExport final
{
public:
    static QString markdown(const Incident &incident, const QLocale &locale, const QTimeZone &zone);
    // The same document as PDF (A4); returns an error naming the file when it cannot be written.
    static QString writePdf(
        const Incident &incident, const QLocale &locale, const QTimeZone &zone, const QString &path);
    // "1 h 15 min" (translated).
    static QString duration(qint64 ms);
};
