// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain values shared by the probe engine, the condition language, EndpointModel, the Health screen and
// `opsdeck check`.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// Ordered by severity for "worst state wins" (except Maintenance, which masks a failure and counts as OK).
enum class EndpointState { Ok, Maintenance, Pending, Warning, Unknown, Critical };

// Exit code per the monitoring-plugins convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
int monitoringExitCode(EndpointState state);
QString endpointStateName(EndpointState state); // "OK", "WARNING", ... (untranslated, for --json and logs)

// One condition of `conditions` or `warn-conditions`, evaluated against one response.
struct ConditionResult
{
    enum class Verdict { Pass, Fail, Error }; // Error = could not be evaluated (bad path, wrong type)
    QString condition; // as written
    QString actual; // the resolved left-hand value(s), e.g. "503" or "[BODY].status = degraded"
    Verdict verdict = Verdict::Error;
    QString error; // why it could not be evaluated
    bool warning = false; // from warn-conditions
};

// A sub-component of a seed-003 /health body: services.{name}.status/responseTime.
struct HealthComponent
{
    QString name;
    QString status;
    std::optional<double> responseTimeMs;
};

// One location's latest reading of an endpoint, as the quorum over locations saw it.
struct LocationReading
{
    QString location; // empty: the default location
    EndpointState state = EndpointState::Unknown;
    QDateTime at;
    QString checkedBy; // the agent or console that probed
};

// Everything one probe learned, kept for the detail pane and the history.
struct ProbeResult
{
    QString endpoint; // Endpoint::name
    QDateTime startedAt;
    EndpointState state = EndpointState::Unknown; // after thresholds and maintenance
    EndpointState rawState = EndpointState::Unknown; // this probe alone, before flap control
    bool connected = false;
    int httpStatus = 0;
    QString protocol; // of the final answer: "HTTP/1.1", "HTTP/2"; empty without one
    QString ip;
    // Phases, each in ms since the probe started (as libcurl counts them, plus earlier redirect hops); -1 = not
    // measured or not part of this probe (no TLS, a reused connection's handshake).
    double totalMs = -1;
    double dnsMs = -1;
    double connectMs = -1;
    double tlsMs = -1;
    double firstByteMs = -1;
    QByteArray body; // capped
    bool bodyTruncated = false;
    QMap<QString, QString> headers; // selected response headers (content-type, server, location, ...)
    std::optional<QDateTime> certificateExpiry; // the leaf's notAfter (https, tls, starttls)
    QStringList certificateChain; // subjects as the peer sent them, leaf first
    QString kind = QStringLiteral("http"); // "http", "tcp", "tls", "starttls", "dns", "icmp"
    QString dnsRcode; // dns: NOERROR, NXDOMAIN, SERVFAIL, ...; empty without an answer
    QList<ConditionResult> conditions;
    QList<HealthComponent> components;
    QString error; // transport/TLS/deadline error, empty if none
    QString location; // where it was probed from (--location); empty: the default location
    QString checkedBy; // the agent or console that probed it (team mode); empty: this process
    // With readings from more than one location: each location's latest, and `state` is their quorum
    // (LocationQuorum).
    QList<LocationReading> locations;
};
