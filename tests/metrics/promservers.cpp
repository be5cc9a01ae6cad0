// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "promservers.h"

#include "../demo/servicehelpers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

using namespace Qt::StringLiterals;

LoopbackServer::~LoopbackServer()
{
    stop();
}

quint16 LoopbackServer::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void LoopbackServer::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool LoopbackServer::launch(const QStringList &names, const QStringList &args)
{
    QString program;
    for (const QString &name : names) {
        program = QStandardPaths::findExecutable(name);
        if (!program.isEmpty()) {
            break;
        }
    }
    if (program.isEmpty()) {
        m_error = u"%1 is not installed (tools/dev.sh deps installs it)"_s.arg(names.constFirst());
        return false;
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(u"log.txt"_s));
    m_process.start(program, args);
    if (!m_process.waitForStarted(10000)) {
        m_error = u"%1 did not start: %2"_s.arg(program, m_process.errorString());
        return false;
    }
    QNetworkAccessManager nam;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000) {
        if (m_process.state() == QProcess::NotRunning) {
            break;
        }
        if (sendRequest(&nam, "GET", m_url.resolved(QUrl(u"/-/ready"_s))).status == 200) {
            return true;
        }
        QThread::msleep(200);
    }
    QFile log(m_dir.filePath(u"log.txt"_s));
    log.open(QIODevice::ReadOnly);
    m_error = u"%1 did not become ready: %2"_s.arg(program, QString::fromUtf8(log.readAll().right(2000)));
    return false;
}

bool LoopbackServer::startPrometheus(const QString &target, const QString &alertmanager, const QByteArray &rules)
{
    m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(freePort()));
    QByteArray config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                        "scrape_configs:\n  - job_name: demo\n    static_configs:\n      - targets: ['"
        + target.toUtf8() + "']\n";
    if (!alertmanager.isEmpty()) {
        config += "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['" + alertmanager.toUtf8()
            + "']\n";
    }
    if (!rules.isEmpty()) {
        QFile ruleFile(m_dir.filePath(u"rules.yml"_s));
        ruleFile.open(QIODevice::WriteOnly);
        ruleFile.write(rules);
        config += "rule_files:\n  - '" + ruleFile.fileName().toUtf8() + "'\n";
    }
    QFile file(m_dir.filePath(u"prometheus.yml"_s));
    file.open(QIODevice::WriteOnly);
    file.write(config);
    file.close();
    return launch({ u"prometheus"_s },
        { u"--config.file="_s + file.fileName(), u"--web.listen-address="_s + hostPort(),
            u"--storage.tsdb.path="_s + m_dir.filePath(u"data"_s) });
}

bool LoopbackServer::startAlertmanager()
{
    m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(freePort()));
    QFile file(m_dir.filePath(u"alertmanager.yml"_s));
    file.open(QIODevice::WriteOnly);
    file.write("route:\n  receiver: none\n  group_wait: 1s\n  group_interval: 1s\nreceivers:\n  - name: none\n");
    file.close();
    return launch({ u"prometheus-alertmanager"_s, u"alertmanager"_s },
        { u"--config.file="_s + file.fileName(), u"--web.listen-address="_s + hostPort(),
            u"--storage.path="_s + m_dir.filePath(u"data"_s), u"--cluster.listen-address="_s });
}
