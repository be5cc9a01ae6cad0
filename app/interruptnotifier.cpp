// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "interruptnotifier.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {
#ifdef Q_OS_UNIX
int pipeFds[2] = { -1, -1 };

void onSignal(int signal)
{
    // Only async-signal-safe calls here: one byte to the event loop.
    const char byte = signal == SIGHUP ? 2 : 1;
    [[maybe_unused]] const ssize_t written = ::write(pipeFds[1], &byte, 1);
}

void setHandler(void (*handler)(int), bool hangups)
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    if (hangups) {
        sigaction(SIGHUP, &action, nullptr);
    }
}
#endif
} // namespace

InterruptNotifier::InterruptNotifier(QObject *parent, bool hangups)
    : QObject(parent)
    , m_hangups(hangups)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, pipeFds) != 0) {
        return;
    }
    m_notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char bytes[16];
        const ssize_t n = ::read(pipeFds[0], bytes, sizeof bytes);
        for (ssize_t i = 0; i < n; ++i) {
            if (bytes[i] == 2) {
                Q_EMIT hangup();
            } else {
                Q_EMIT interrupted();
            }
        }
    });
    setHandler(onSignal, m_hangups);
#endif
}

InterruptNotifier::~InterruptNotifier()
{
#ifdef Q_OS_UNIX
    if (m_notifier) {
        setHandler(SIG_DFL, m_hangups);
        delete m_notifier;
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        pipeFds[0] = pipeFds[1] = -1;
    }
#endif
}
