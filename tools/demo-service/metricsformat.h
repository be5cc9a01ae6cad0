// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class DemoState;

// Writes the Prometheus text exposition format (version 0.0.4).
class MetricsWriter final
{
public:
    using Labels = QList<QPair<QByteArray, QString>>;

    void family(const QByteArray &name, const QByteArray &type, const QByteArray &help);
    void sample(const QByteArray &name, const Labels &labels, double value);
    const QByteArray &text() const { return m_text; }

    static QByteArray escapeLabelValue(const QString &value);
    static QByteArray formatValue(double value);

private:
    QByteArray m_text;
};

QByteArray renderMetrics(const DemoState &state);
