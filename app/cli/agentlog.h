// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <cstdio>

// `opsdeck agent`'s log: one plain line per event on standard error. Under systemd (JOURNAL_STREAM set) each line
// starts with its sd-daemon priority (<3> error, <4> warning, <6> info) and has no time stamp, journald adds one;
// elsewhere lines start with the UTC time and the level. Every line goes through the workspace's resolved secrets
// first, so a ${NAME} value never reaches the log.
class AgentLog final
{
public:
    enum class Level { Error = 3, Warning = 4, Info = 6 };

    explicit AgentLog(FILE *out = stderr);

    // (resolved value, ${NAME}) pairs to take out of every line.
    void setSecrets(const QList<QPair<QString, QString>> &secrets) { m_secrets = secrets; }
    bool journal() const { return m_journal; }

    void error(const QString &line) { write(Level::Error, line); }
    void warning(const QString &line) { write(Level::Warning, line); }
    void info(const QString &line) { write(Level::Info, line); }
    void write(Level level, const QString &line);
    // What write() prints for `line`, without the newline.
    QString format(Level level, const QString &line) const;

private:
    FILE *m_out;
    bool m_journal;
    QList<QPair<QString, QString>> m_secrets;
};
