// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// Prometheus' blackbox_exporter on loopback with a temporary config (one http_2xx module), for a probe-rate
// reference: wrk drives its /probe endpoint against a target URL.
class Blackbox final
{
public:
    ~Blackbox();
    // False with `note` saying why (not installed, did not start).
    bool start(QString *note);
    // Probes per second of `target` over `seconds` with `connections` concurrent /probe requests; 0 and `note` on
    // failure. `probeOk`: a probe made just before succeeded (probe_success 1), so the rate is of real probes.
    double probeRate(const QString &target, int seconds, int connections, QString *note, bool *probeOk);

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// Runs wrk against `url`; requests/s, or 0 with `note` saying why.
double wrkRequestsPerSecond(const QString &url, int seconds, int connections, QString *note, qint64 *non2xx = nullptr);
