// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <chrono>
#include <deque>
#include <memory>
#include <unordered_map>

class QProcess;

// KDE's syntax highlighting through `kate-syntax-highlighter` (KF5) or `ksyntaxhighlighter6` (KF6), one process
// per text, never waited for. Results are cached by (syntax, theme, text hash), least recently used first out;
// identical requests in flight share one process; at most maxConcurrent() processes run at once, the rest queue.
class SyntaxHighlighterService final : public QObject
{
    Q_OBJECT
public:
    explicit SyntaxHighlighterService(QObject *parent = nullptr);
    ~SyntaxHighlighterService() override;

    // `syntax` is a KDE definition name ("JSON", "YAML", "Bash", "HTML", "XML"); `theme` a KDE theme
    // ("Breeze Light", "Breeze Dark"). Answers later with highlighted() or failed() carrying the returned id
    // (never from inside this call, also on a cache hit).
    quint64 request(const QString &text, const QString &syntax, const QString &theme);
    // The caller no longer wants `id` (e.g. superseded by a newer selection): no signal for it; a queued run that
    // nobody wants any more is dropped, a running one finishes into the cache.
    void cancel(quint64 id);

    bool isAvailable() const { return !m_executable.isEmpty(); }
    QString executable() const { return m_executable; }
    // One line for the UI when the tool is missing.
    static QString unavailableHint();
    static QStringList defaultPrograms();
    // A program name looked up in PATH or an absolute path; empty = the default candidates.
    void setProgram(const QString &program);

    void setMaxConcurrent(int count) { m_maxConcurrent = qMax(1, count); }
    int maxConcurrent() const { return m_maxConcurrent; }
    // Texts longer than this (in UTF-8 bytes) are not highlighted: failed() says so and the caller shows them plain.
    void setMaxInputBytes(qsizetype bytes) { m_maxInputBytes = bytes; }
    qsizetype maxInputBytes() const { return m_maxInputBytes; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Bound of the cache in characters of HTML.
    void setCacheLimit(qsizetype characters) { m_cache.setMaxCost(characters); }

    // Counters for diagnostics and tests.
    int processesStarted() const { return m_started; }
    int runningCount() const { return int(m_running.size()); }
    int peakRunning() const { return m_peakRunning; }
    int queuedCount() const { return int(m_queue.size()); }

Q_SIGNALS:
    void highlighted(quint64 id, const QString &html); // sanitised: one <pre> with styled spans
    void failed(quint64 id, const QString &error); // translated, one line

private:
    struct Job
    {
        QByteArray key;
        QString text;
        QString syntax;
        QString theme;
        QList<quint64> ids;
        QProcess *process = nullptr;
    };

    static QByteArray cacheKey(const QString &text, const QString &syntax, const QString &theme);
    Job *findJob(const QByteArray &key) const;
    void deliverLater(quint64 id, bool ok, const QString &payload);
    void startNext();
    void start(std::unique_ptr<Job> job);
    void finish(QProcess *process, bool ok, const QString &payload);

    QString m_executable;
    QString m_program; // as set, for the error text
    int m_maxConcurrent = 2;
    qsizetype m_maxInputBytes = 256 * 1024;
    std::chrono::milliseconds m_timeout { 10000 };
    QCache<QByteArray, QString> m_cache;
    std::deque<std::unique_ptr<Job>> m_queue;
    std::unordered_map<QProcess *, std::unique_ptr<Job>> m_running;
    QSet<quint64> m_delivering; // ids with a queued delivery (cache hits, early failures); cancel() removes them
    quint64 m_nextId = 1;
    int m_started = 0;
    int m_peakRunning = 0;
};
