// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstpaintprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>

namespace {
qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 requestedT0()
{
    bool ok = false;
    const qint64 t0 = qEnvironmentVariable("OPSDECK_BENCH_T0_NS").toLongLong(&ok);
    return ok ? t0 : 0;
}
} // namespace

FirstPaintProbe::FirstPaintProbe(QWidget *window, qint64 t0, bool waitForReady)
    : QObject(window)
    , m_t0(t0)
    , m_ready(!waitForReady)
{
    window->installEventFilter(this);
}

void FirstPaintProbe::installIfRequested(QWidget *window)
{
    if (const qint64 t0 = requestedT0()) {
        new FirstPaintProbe(window, t0, false);
    }
}

FirstPaintProbe *FirstPaintProbe::installDeferred(QWidget *window)
{
    const qint64 t0 = requestedT0();
    return t0 ? new FirstPaintProbe(window, t0, true) : nullptr;
}

void FirstPaintProbe::ready()
{
    m_ready = true;
    if (auto *w = qobject_cast<QWidget *>(parent())) {
        w->update(); // the next paint shows the loaded state
    }
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_ready && !m_done) {
        // The paint event is delivered before the frame is flushed; report once it has been handled.
        m_done = true;
        QTimer::singleShot(0, this, &FirstPaintProbe::report);
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintProbe::report()
{
    std::printf("first-paint-ns %lld\n", static_cast<long long>(monotonicNs() - m_t0));
    std::fflush(stdout);
    QCoreApplication::quit();
}
