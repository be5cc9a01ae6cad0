// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpi/probefigures.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class Storage;

// Reads the stored probe results a workspace's probe and error-budget KPIs need (their longest window back from
// now) on the storage worker, so uptime over 24 h or a 30-day budget does not start from zero at each launch. When
// the read fails the figures start from zero as before, and loadFailed() says why (also logged as a warning).
class ProbeRecordLoader final : public QObject
{
    Q_OBJECT

public:
    using Records = QHash<QString, QList<ProbeRecord>>; // endpoint -> records, oldest first

    ProbeRecordLoader(Storage *storage, QObject *parent = nullptr);

    // Starts a read; loaded() or loadFailed() follows. A later load() supersedes one still running. False (and no
    // signal) when no KPI of `workspace` reads probe results.
    bool load(const Workspace &workspace);
    // The window a workspace's KPIs look back over; 0 when none reads probe results.
    static Milliseconds window(const Workspace &workspace);

Q_SIGNALS:
    void loaded(const ProbeRecordLoader::Records &records);
    // "<what>: <the database's error>", for the operator.
    void loadFailed(const QString &message);

private:
    QPointer<Storage> m_storage;
    quint64 m_generation = 0;
};

Q_DECLARE_METATYPE(ProbeRecordLoader::Records)
