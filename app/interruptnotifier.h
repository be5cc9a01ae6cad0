// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT (Ctrl-C) and SIGTERM into a signal on the event loop, so a terminal command can end cleanly (abort the
// running step, write its audit row) instead of dying mid-request. With `hangups`, SIGHUP too (`opsdeck agent`
// reloads on it). One instance at a time; the default handlers come back when it is destroyed.
class InterruptNotifier final : public QObject
{
    Q_OBJECT
public:
    explicit InterruptNotifier(QObject *parent = nullptr, bool hangups = false);
    ~InterruptNotifier() override;

Q_SIGNALS:
    void interrupted();
    void hangup();

private:
    QSocketNotifier *m_notifier = nullptr;
    bool m_hangups = false;
};
