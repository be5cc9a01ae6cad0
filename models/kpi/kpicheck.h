// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kpi/kpievaluator.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QObject>

class KpiReader;

// Every KPI of a workspace read once, for `opsdeck check`. A rate gets its second scrape after KpiPoller::retryMs.
class KpiCheck final : public QObject
{
    Q_OBJECT

public:
    struct Row
    {
        Kpi kpi;
        std::optional<double> value;
        QString error;
        KpiState state = KpiState::Unknown;
    };

    // Reads through `reader` (the session's), which gets `workspace`.
    KpiCheck(const Workspace &workspace, KpiReader *reader, QObject *parent = nullptr);
    ~KpiCheck() override;

    // finished() follows, never from inside start(). JSON fields and probe figures read the results the reader
    // has been given (the session feeds it every probe result).
    void start();
    const QList<Row> &rows() const { return m_rows; }
    KpiState worstState() const;

    // The table lines, translated; values formatted with QLocale and the KPI's decimals and unit.
    static QString formatTable(const QList<Row> &rows, const QString &language);
    static QString stateText(KpiState state);

Q_SIGNALS:
    void finished();

private:
    void read(int index, bool retried);

    Workspace m_workspace;
    KpiReader *m_reader;
    QList<Row> m_rows;
    int m_pending = 0;
};
