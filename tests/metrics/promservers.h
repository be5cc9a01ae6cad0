// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

// A real Prometheus or Alertmanager on a free loopback port with a temporary data directory, stopped (and the
// directory removed) when this object goes away.
class LoopbackServer
{
public:
    LoopbackServer() = default;
    ~LoopbackServer();
    Q_DISABLE_COPY_MOVE(LoopbackServer)

    // Prometheus scraping `target` (host:port) every second; alerts go to `alertmanager` (host:port) when given,
    // `rules` is the text of a rule file (evaluated every second).
    bool startPrometheus(const QString &target, const QString &alertmanager = {}, const QByteArray &rules = {});
    bool startAlertmanager();
    void stop();

    QUrl url() const { return m_url; }
    QString hostPort() const { return m_url.host() + QLatin1Char(':') + QString::number(m_url.port()); }
    QString error() const { return m_error; }

    static quint16 freePort();

private:
    bool launch(const QStringList &names, const QStringList &args);

    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
    QString m_error;
};
