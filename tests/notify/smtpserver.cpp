// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtpserver.h"

#include "testpki.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

SmtpServer::~SmtpServer()
{
    stop();
}

bool SmtpServer::start(const QString &mode, const QStringList &extra)
{
    m_mode = mode;
    if (!m_dir.isValid() || !QDir(m_dir.path()).mkpath(u"out"_s)) {
        return false;
    }
    if (!TestPki(m_dir.path()).makeSelfSigned(u"smtp"_s, u"IP:127.0.0.1"_s, u"2"_s, u"opsdeck-smtp"_s)) {
        return false;
    }
    const QString script = qEnvironmentVariable("OPSDECK_SOURCE_DIR") + u"/tests/notify/smtpserver.py"_s;
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(u"/usr/bin/python3"_s,
        QStringList { script, u"--mode"_s, mode, u"--cert"_s, m_dir.filePath(u"smtp.pem"_s), u"--key"_s,
            m_dir.filePath(u"smtp.key"_s) }
            + extra + QStringList { m_dir.filePath(u"out"_s) });
    if (!m_process.waitForStarted(10000)) {
        return false;
    }
    while (m_process.state() == QProcess::Running && !m_process.canReadLine()) {
        m_process.waitForReadyRead(10000);
    }
    const QByteArray line = m_process.readLine().trimmed();
    if (!line.startsWith("PORT ")) {
        qWarning() << "smtpserver.py did not start:" << line;
        return false;
    }
    m_port = line.mid(5).toInt();
    return m_port > 0;
}

void SmtpServer::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

QString SmtpServer::url() const
{
    return (m_mode == u"smtps"_s ? u"smtps://127.0.0.1:"_s : u"smtp://127.0.0.1:"_s) + QString::number(m_port);
}

int SmtpServer::received() const
{
    return int(QDir(m_dir.filePath(u"out"_s)).entryList({ u"*.json"_s }, QDir::Files).size());
}

QByteArray SmtpServer::message(int n) const
{
    QFile f(m_dir.filePath(u"out/%1.eml"_s.arg(n)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject SmtpServer::envelope(int n) const
{
    QFile f(m_dir.filePath(u"out/%1.json"_s.arg(n)));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}
