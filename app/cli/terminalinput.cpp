// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/terminalinput.h"

#include <QSocketNotifier>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

TerminalInput::TerminalInput(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
{
#ifdef Q_OS_UNIX
    if (::fcntl(fd, F_GETFD) == -1) {
        m_eof = true; // closed (e.g. started with <&-): every question is answered "no"
        return;
    }
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    m_notifier->setEnabled(false);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminalInput::readAvailable);
#else
    m_eof = true; // no non-blocking terminal input here: every question is answered "no"
#endif
}

bool TerminalInput::isTerminal() const
{
#ifdef Q_OS_UNIX
    return ::isatty(m_fd) == 1;
#else
    return false;
#endif
}

void TerminalInput::request()
{
    m_wanted = true;
    QMetaObject::invokeMethod(this, &TerminalInput::deliver, Qt::QueuedConnection);
}

void TerminalInput::cancel()
{
    m_wanted = false;
    if (m_notifier) {
        m_notifier->setEnabled(false);
    }
}

void TerminalInput::deliver()
{
    if (!m_wanted) {
        return;
    }
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline >= 0 || (m_eof && !m_buffer.isEmpty())) {
        // The last line of piped input may lack its newline; it still counts.
        const qsizetype end = newline >= 0 ? newline : m_buffer.size();
        QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, newline >= 0 ? end + 1 : end);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        cancel();
        Q_EMIT lineRead(QString::fromLocal8Bit(line));
        return;
    }
    if (m_eof) {
        m_wanted = false;
        Q_EMIT closed();
        return;
    }
    if (m_notifier) {
        m_notifier->setEnabled(true); // an enabled notifier at end of input would fire without end
    }
}

void TerminalInput::readAvailable()
{
#ifdef Q_OS_UNIX
    char chunk[4096];
    const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
    if (n > 0) {
        m_buffer.append(chunk, qsizetype(n));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        m_eof = true;
    }
    m_notifier->setEnabled(false);
    deliver();
#endif
}
