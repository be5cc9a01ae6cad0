// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

// For bench/startup: when OPSDECK_BENCH_T0_NS is set, prints "first-paint-ns N" (time since the benchmark spawned
// the process) at the watched widget's first paint, then quits the application. Does nothing otherwise.
class FirstPaintProbe final : public QObject
{
    Q_OBJECT
public:
    static void installIfRequested(QWidget *window);

    // Delays the report until ready() is called (e.g. until the workspace has loaded).
    static FirstPaintProbe *installDeferred(QWidget *window);
    void ready();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FirstPaintProbe(QWidget *window, qint64 t0, bool waitForReady);
    void report();

    qint64 m_t0;
    bool m_ready;
    bool m_done = false;
};
