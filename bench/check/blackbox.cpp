// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "blackbox.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
}

QString findBlackbox()
{
    for (const QString &name : { u"prometheus-blackbox-exporter"_s, u"blackbox_exporter"_s }) {
        const QString path = QStandardPaths::findExecutable(name);
        if (!path.isEmpty()) {
            return path;
        }
    }
    return {};
}
} // namespace

Blackbox::~Blackbox()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool Blackbox::start(QString *note)
{
    const QString program = findBlackbox();
    if (program.isEmpty()) {
        *note = u"blackbox_exporter not installed (apt-get install prometheus-blackbox-exporter; tools/dev.sh bench "
                "installs it)"_s;
        return false;
    }
    const QString config = m_dir.filePath(u"blackbox.yml"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)
        || file.write("modules:\n  http_2xx:\n    prober: http\n    timeout: 5s\n"
                      "    http:\n      preferred_ip_protocol: ip4\n")
            < 0) {
        *note = u"cannot write %1"_s.arg(config);
        return false;
    }
    file.close();
    m_port = freePort();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program,
        { u"--config.file=%1"_s.arg(config), u"--web.listen-address=127.0.0.1:%1"_s.arg(m_port),
            u"--log.level=error"_s });
    if (!m_process.waitForStarted(5000)) {
        *note = u"%1 did not start: %2"_s.arg(program, m_process.errorString());
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10000) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200)) {
            return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            break;
        }
        QThread::msleep(100);
    }
    *note = u"blackbox_exporter did not listen on 127.0.0.1:%1: %2"_s.arg(m_port).arg(
        QString::fromUtf8(m_process.readAll()).simplified());
    return false;
}

double Blackbox::probeRate(const QString &target, int seconds, int connections, QString *note, bool *probeOk)
{
    QUrl url(u"http://127.0.0.1:%1/probe"_s.arg(m_port));
    QUrlQuery query;
    query.addQueryItem(u"module"_s, u"http_2xx"_s);
    query.addQueryItem(u"target"_s, target);
    url.setQuery(query);
    // /probe answers 200 even when the probe fails; probe_success says which. One check of it before the run.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QByteArray answer;
    if (socket.waitForConnected(2000)) {
        socket.write("GET " + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        while (socket.waitForReadyRead(5000)) {
            answer += socket.readAll();
        }
    }
    *probeOk = answer.contains("\nprobe_success 1");
    return wrkRequestsPerSecond(url.toString(QUrl::FullyEncoded), seconds, connections, note);
}

double wrkRequestsPerSecond(const QString &url, int seconds, int connections, QString *note, qint64 *non2xx)
{
    const QString wrk = QStandardPaths::findExecutable(u"wrk"_s);
    if (wrk.isEmpty()) {
        *note = u"wrk not installed (apt-get install wrk; tools/dev.sh bench installs it)"_s;
        return 0;
    }
    QProcess process;
    process.start(wrk, { u"-t1"_s, u"-c%1"_s.arg(connections), u"-d%1s"_s.arg(seconds), url });
    process.waitForFinished(seconds * 1000 + 30000);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const auto match = QRegularExpression(u"Requests/sec:\\s*([0-9.]+)"_s).match(out);
    if (!match.hasMatch()) {
        *note = u"wrk gave no rate: "_s + out.simplified();
        return 0;
    }
    if (non2xx) {
        const auto bad = QRegularExpression(u"Non-2xx or 3xx responses:\\s*([0-9]+)"_s).match(out);
        *non2xx = bad.hasMatch() ? bad.captured(1).toLongLong() : 0;
    }
    *note = u"wrk -t1 -c%1"_s.arg(connections);
    return match.captured(1).toDouble();
}
