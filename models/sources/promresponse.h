// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/exposition.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QStringList>

// One series of a Prometheus API answer; points are (milliseconds since the epoch, value), values may be NaN/±Inf.
struct PromSeries
{
    MetricLabels labels;
    QList<QPointF> points;
};

// An answer of /api/v1/query or /api/v1/query_range. A failed query keeps Prometheus's own errorType and error.
struct PromResponse
{
    enum class Status { Success, ApiError, TransportError };
    Status status = Status::TransportError;
    QString errorType; // e.g. "bad_data" (ApiError)
    QString error; // Prometheus's text verbatim (ApiError) or what went wrong on the way (TransportError)
    QString resultType; // vector, matrix, scalar, string
    QList<PromSeries> series; // a scalar is one series without labels
    QStringList warnings;
    int httpStatus = 0;

    bool ok() const { return status == Status::Success; }
    // "bad_data: 1:5: parse error: ..." or the transport error.
    QString errorText() const;
};

class PromResponseParser final
{
    Q_DECLARE_TR_FUNCTIONS(PromResponseParser)

public:
    static PromResponse parse(const QByteArray &body, int httpStatus);
};
