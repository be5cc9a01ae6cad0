// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QString>

#include <utility>

// One reading of a series (a KPI's id within its workspace) at a time, as the sample store keeps it.
struct Sample
{
    QString series;
    qint64 atMs = 0; // ms since the epoch, UTC
    double value = 0;
    friend bool operator==(const Sample &, const Sample &) = default;
};

// A batch's samples of one series, in the order they were added: (ms since the epoch, value).
struct SeriesSamples
{
    QString series;
    QList<std::pair<qint64, double>> points;
};

// What a range read comes from: raw samples, or the minute or hour roll-ups.
enum class SampleResolution {
    Raw,
    Minute,
    Hour,
};

struct SampleQuery
{
    QString series;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int maxPoints = 1000; // at most this many points come back (a plot's width in pixels, say)
};

// The answer to a SampleQuery: one point per step, (time, mean) with the step's lowest and highest value beside it.
struct SampleRange
{
    QString series;
    SampleResolution resolution = SampleResolution::Raw;
    qint64 stepMs = 0;
    QList<QPointF> points; // (ms since the epoch, mean value), oldest first
    QList<double> mins;
    QList<double> maxes;
};

Q_DECLARE_METATYPE(SampleRange)
