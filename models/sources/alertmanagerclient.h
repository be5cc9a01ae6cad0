// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/exposition.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

struct Alert
{
    QString fingerprint;
    MetricLabels labels;
    QString name; // alertname
    QString severity; // labels.severity
    QString summary; // annotations.summary
    QString description; // annotations.description
    QDateTime startsAt;
    QString state; // active, suppressed, unprocessed
    QStringList silencedBy;
    bool silenced() const { return !silencedBy.isEmpty(); }
};

struct SilenceMatcher
{
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true;
};

struct Silence
{
    QString id;
    QList<SilenceMatcher> matchers;
    QDateTime startsAt;
    QDateTime endsAt;
    QString createdBy;
    QString comment;
    QString state; // active, pending, expired
};

// Alertmanager API v2: firing alerts, silences, creating a silence and expiring one. Every request goes through
// HttpProbe (deadline, body cap); answers are parsed on the thread pool. An error text is Alertmanager's own
// answer when it gave one.
class AlertmanagerClient final : public QObject
{
    Q_OBJECT

public:
    template <typename T> struct Result
    {
        T value {};
        QString error;
        bool ok() const { return error.isEmpty(); }
    };
    using AlertsCallback = std::function<void(const Result<QList<Alert>> &)>;
    using SilencesCallback = std::function<void(const Result<QList<Silence>> &)>;
    using IdCallback = std::function<void(const Result<QString> &)>;

    AlertmanagerClient(QNetworkAccessManager *nam, const MetricServer &server, QObject *parent = nullptr);

    void setServer(const MetricServer &server) { m_server = server; }
    // Held: nothing is sent (its requests would carry secrets of a workspace not trusted yet); calls fail with
    // "waiting for trust".
    void setHeld(bool held) { m_held = held; }
    bool isHeld() const { return m_held; }
    const MetricServer &server() const { return m_server; }
    void setTimeout(Milliseconds timeout) { m_timeout = timeout; }

    // Active alerts, silenced ones included (see Alert::silenced()), newest first.
    void alerts(QObject *context, AlertsCallback done);
    void silences(QObject *context, SilencesCallback done);
    // Starts now and ends after `duration`; gives the new silence's id.
    void createSilence(const QList<SilenceMatcher> &matchers, Milliseconds duration, const QString &createdBy,
        const QString &comment, QObject *context, IdCallback done);
    // Gives back `id` on success.
    void expireSilence(const QString &id, QObject *context, IdCallback done);

    static Result<QList<Alert>> parseAlerts(const QByteArray &body);
    static Result<QList<Silence>> parseSilences(const QByteArray &body);
    // Matchers that silence exactly `alert`: its alertname plus every other label.
    static QList<SilenceMatcher> matchersFor(const Alert &alert);

private:
    template <typename T>
    void request(const QString &method, const QString &path, const QByteArray &body, QObject *context,
        std::function<Result<T>(const QByteArray &)> parse, std::function<void(const Result<T> &)> done);
    QString url(const QString &path) const;

    QNetworkAccessManager *m_nam;
    MetricServer m_server;
    bool m_held = false;
    Milliseconds m_timeout { 10000 };
};
