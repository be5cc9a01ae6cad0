// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QProcess;

// Finds KDE's syntax highlighter tool and asks it for its version, asynchronously (never blocks the GUI thread).
class HighlighterProbe final : public QObject
{
    Q_OBJECT
public:
    explicit HighlighterProbe(QObject *parent = nullptr);

    // Candidates tried in order; the default is kate-syntax-highlighter (KF5), then ksyntaxhighlighter6 (KF6).
    void setPrograms(const QStringList &programs) { m_programs = programs; }
    // Emits finished() once; later calls while running do nothing.
    void start();
    bool isRunning() const { return m_process != nullptr; }

    static QStringList defaultPrograms();
    // "kate-syntax-highlighter 5.103.0" -> "5.103.0"; empty when `output` has no version.
    static QString parseVersion(const QString &output);

Q_SIGNALS:
    // `version` is empty when no candidate was found or none answered.
    void finished(const QString &program, const QString &version);

private:
    void tryNext();
    void finish(const QString &program, const QString &version);

    QStringList m_programs;
    QStringList m_pending;
    QProcess *m_process = nullptr;
};
