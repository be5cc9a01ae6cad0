// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/kpievaluator.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QNetworkAccessManager>
#include <QObject>

class KpiReader;

// Every KPI of a workspace read once, for `opsdeck check`. JSON and probe figures come from the probe results
// given; a rate gets its second scrape after KpiPoller::retryMs.
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

    explicit KpiCheck(const Workspace &workspace, QObject *parent = nullptr);
    ~KpiCheck() override;

    // finished() follows, never from inside start().
    void start(const QList<ProbeResult> &results);
    const QList<Row> &rows() const { return m_rows; }
    KpiState worstState() const;

    // The table lines, translated; values formatted with QLocale and the KPI's decimals and unit.
    static QString formatTable(const QList<Row> &rows, const QString &language);
    static QString stateText(KpiState state);

signals:
    void finished();

private:
    void read(int index, bool retried);

    Workspace m_workspace;
    QNetworkAccessManager m_nam;
    KpiReader *m_reader;
    QList<Row> m_rows;
    int m_pending = 0;
};
