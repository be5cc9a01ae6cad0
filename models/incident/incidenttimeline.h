// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"

#include <QList>
#include <QSet>
#include <QString>

// Reading an append-only timeline: correction chains and the text people see.
//
// Entries form chains through correctsId (original ← correction ← correction of the correction ...). The
// newest entry of a chain (highest id) is its effective version; all others in the chain are superseded.
class IncidentTimeline final
{
public:
    struct Effective
    {
        TimelineEntry entry; // the chain's newest version
        qint64 rootId = 0; // the original entry
        int corrections = 0; // how many corrections the chain has
    };

    // The original entry a chain starts from; the id itself when unknown or not a correction.
    static qint64 rootOf(const QList<TimelineEntry> &entries, qint64 entryId);
    static QSet<qint64> superseded(const QList<TimelineEntry> &entries);
    // One entry per chain, ordered by occurred-at (then by the original's id).
    static QList<Effective> effective(const QList<TimelineEntry> &entries);

    static QString kindText(TimelineKind kind); // translated
    // The entry as one line of text, translated: "Status: Investigating → Mitigated", "api: OK → CRITICAL (...)".
    static QString describe(const TimelineEntry &entry);
};
