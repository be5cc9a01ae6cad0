// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

// Lines typed on a terminal (or piped in), read from a file descriptor without blocking the event loop: request()
// asks for the next line, which arrives through lineRead(); once the input has ended, every request is answered by
// closed() instead. Input is only read while a line is wanted, so nothing typed ahead is lost or consumed early.
// Both signals come from the event loop, never from inside request().
class TerminalInput final : public QObject
{
    Q_OBJECT
public:
    explicit TerminalInput(int fd, QObject *parent = nullptr);

    void request();
    // Drops an outstanding request (an answer that arrives later stays buffered for the next one).
    void cancel();
    bool isWaiting() const { return m_wanted; }
    // A terminal echoes what is typed; piped answers are not seen unless echoed.
    bool isTerminal() const;

Q_SIGNALS:
    void lineRead(const QString &line);
    void closed();

private:
    void readAvailable();
    void deliver();

    int m_fd;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    bool m_wanted = false;
    bool m_eof = false;
};
