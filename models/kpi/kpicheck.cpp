// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpicheck.h"

#include "export/terminaltext.h"
#include "kpi/kpipoller.h"
#include "kpi/kpireader.h"

#include <QLocale>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

KpiCheck::KpiCheck(const Workspace &workspace, KpiReader *reader, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_reader(reader)
{
    m_reader->setWorkspace(workspace);
}

KpiCheck::~KpiCheck() = default;

void KpiCheck::start()
{
    m_rows.clear();
    for (const Kpi &kpi : m_workspace.kpis) {
        m_rows.append({ kpi, std::nullopt, {}, KpiState::Unknown });
    }
    m_pending = int(m_rows.size());
    if (m_pending == 0) {
        QMetaObject::invokeMethod(this, &KpiCheck::finished, Qt::QueuedConnection);
        return;
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        read(i, false);
    }
}

void KpiCheck::read(int index, bool retried)
{
    m_reader->read(m_rows.at(index).kpi, this, [this, index, retried](const KpiFigure &figure) {
        if (figure.retrySoon && !retried) {
            QTimer::singleShot(KpiPoller::retryMs, this, [this, index] { read(index, true); });
            return;
        }
        Row &row = m_rows[index];
        row.value = figure.value;
        row.error = figure.error;
        row.state = row.value ? KpiEvaluator::classify(row.kpi.thresholds, *row.value) : KpiState::Unknown;
        if (--m_pending == 0) {
            Q_EMIT finished();
        }
    });
}

KpiState KpiCheck::worstState() const
{
    KpiState worst = KpiState::Normal;
    for (const Row &row : m_rows) {
        if (KpiEvaluator::severity(row.state) > KpiEvaluator::severity(worst)) {
            worst = row.state;
        }
    }
    return worst;
}

QString KpiCheck::stateText(KpiState state)
{
    switch (state) {
    case KpiState::Normal:
        return tr("NORMAL");
    case KpiState::Warning:
        return tr("WARNING");
    case KpiState::Critical:
        return tr("CRITICAL");
    case KpiState::Stale:
        return tr("STALE");
    case KpiState::Unknown:
        break;
    }
    return tr("UNKNOWN");
}

QString KpiCheck::formatTable(const QList<Row> &rows, const QString &language)
{
    const QLocale locale;
    QList<QStringList> lines { { tr("KPI"), tr("STATE"), tr("VALUE"), tr("DETAILS") } };
    for (const Row &row : rows) {
        QString value = u"-"_s;
        if (row.value) {
            value = std::isfinite(*row.value) ? locale.toString(*row.value, 'f', row.kpi.decimals)
                                              : QString::number(*row.value);
            if (!row.kpi.unit.isEmpty()) {
                value += QLatin1Char(' ') + row.kpi.unit;
            }
        }
        const QString title = row.kpi.title.text(language);
        lines.append({ row.kpi.id, stateText(row.state), value, row.error.isEmpty() ? title : row.error });
    }
    QList<int> widths { 0, 0, 0 };
    for (const QStringList &cells : lines) {
        for (int i = 0; i < 3; ++i) {
            widths[i] = std::max(widths[i], TerminalText::width(cells[i]));
        }
    }
    QString text;
    for (const QStringList &cells : lines) {
        const QString line = TerminalText::padRight(cells[0], widths[0] + 2)
            + TerminalText::padRight(cells[1], widths[1] + 2) + TerminalText::padLeft(cells[2], widths[2])
            + QLatin1String("  ") + cells[3];
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text;
}
