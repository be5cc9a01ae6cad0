// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamtestserver.h"

#include <QSslConfiguration>
#include <QSslSocket>

using namespace Qt::StringLiterals;

StreamTestServer::StreamTestServer(Mode mode, QObject *parent)
    : QTcpServer(parent)
    , m_mode(mode)
{ }

void StreamTestServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

bool StreamTestServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QString StreamTestServer::url(const QString &scheme) const
{
    return u"%1://127.0.0.1:%2"_s.arg(scheme).arg(serverPort());
}

void StreamTestServer::incomingConnection(qintptr handle)
{
    ++m_connections;
    auto *socket = new QSslSocket(this);
    socket->setSocketDescriptor(handle);
    socket->setLocalCertificate(m_certificate);
    socket->setPrivateKey(m_key);
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    switch (m_mode) {
    case Mode::Silent:
        return;
    case Mode::Banner:
        socket->write("+OK opsdeck test banner\r\n");
        break;
    case Mode::TlsEcho:
        socket->startServerEncryption();
        break;
    case Mode::Smtp:
    case Mode::SmtpPlain:
        socket->write("220 opsdeck-test ESMTP\r\n");
        connect(socket, &QSslSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                smtpLine(socket, socket->readLine().trimmed());
            }
        });
        return;
    case Mode::Echo:
        break;
    }
    connect(socket, &QSslSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
}

void StreamTestServer::smtpLine(QSslSocket *socket, const QByteArray &line)
{
    const QByteArray verb = line.split(' ').constFirst().toUpper();
    if (verb == "EHLO") {
        socket->write(m_mode == Mode::Smtp && !socket->isEncrypted()
                ? "250-opsdeck-test\r\n250-STARTTLS\r\n250 HELP\r\n"
                : "250 opsdeck-test\r\n");
    } else if (verb == "STARTTLS" && m_mode == Mode::Smtp) {
        socket->write("220 go ahead\r\n");
        socket->flush();
        socket->startServerEncryption();
    } else if (verb == "QUIT") {
        socket->write("221 bye\r\n");
        socket->disconnectFromHost();
    } else {
        socket->write("502 not implemented\r\n");
    }
}
