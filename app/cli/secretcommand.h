// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QIODevice;
class QTextStream;

// `opsdeck secret set NAME` (the value read from standard input, not echoed on a terminal) and
// `opsdeck secret delete NAME`: the OS keychain entries ${NAME} references resolve from when the environment lacks
// them. Exit codes: 0 done, 1 the keychain refused or is missing, 2 bad usage.
class SecretCommand final : public QObject
{
    Q_OBJECT

public:
    enum class Action { Set, Delete };

    SecretCommand(Action action, const QString &name, QIODevice *in, QTextStream *out, QObject *parent = nullptr);

    // Runs on the event loop; finished() follows, never from inside start().
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void finish(int exitCode, const QString &message);

    Action m_action;
    QString m_name;
    QIODevice *m_in;
    QTextStream *m_out;
};
