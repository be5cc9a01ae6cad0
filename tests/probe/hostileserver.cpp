// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostileserver.h"

#include <QPointer>
#include <QSslSocket>
#include <QTimer>

#include <memory>
#include <sys/socket.h>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 chunkBytes = 64 * 1024;
} // namespace

HostileServer::HostileServer(QObject *parent)
    : QTcpServer(parent)
{ }

void HostileServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

bool HostileServer::start()
{
    return listen(QHostAddress::LocalHost, 0);
}

QUrl HostileServer::url(const QString &path) const
{
    const QString scheme = m_certificate.isNull() ? u"http"_s : u"https"_s;
    return QUrl(u"%1://127.0.0.1:%2%3"_s.arg(scheme).arg(serverPort()).arg(path));
}

QByteArray HostileServer::gzipBomb()
{
    static const QByteArray bomb = [] {
        z_stream z {};
        deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY); // 15 + 16: gzip framing
        QByteArray zeros(1024 * 1024, '\0');
        QByteArray out;
        QByteArray buffer(256 * 1024, Qt::Uninitialized);
        for (int i = 0; i < 200; ++i) {
            z.next_in = reinterpret_cast<Bytef *>(zeros.data());
            z.avail_in = uInt(zeros.size());
            const int flush = i == 199 ? Z_FINISH : Z_NO_FLUSH;
            do {
                z.next_out = reinterpret_cast<Bytef *>(buffer.data());
                z.avail_out = uInt(buffer.size());
                deflate(&z, flush);
                out.append(buffer.constData(), buffer.size() - qsizetype(z.avail_out));
            } while (z.avail_out == 0);
        }
        deflateEnd(&z);
        return out;
    }();
    return bomb;
}

void HostileServer::incomingConnection(qintptr handle)
{
    ++m_connections;
    if (m_mode != Mode::Http) {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (m_mode == Mode::Banner) {
            socket->write("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n");
        }
        return; // and never read a byte
    }
    QTcpSocket *socket = nullptr;
    if (m_certificate.isNull()) {
        socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
    } else {
        auto *ssl = new QSslSocket(this);
        ssl->setSocketDescriptor(handle);
        ssl->setLocalCertificate(m_certificate);
        ssl->setPrivateKey(m_key);
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(ssl, &QSslSocket::sslErrors, ssl, [ssl] { ssl->ignoreSslErrors(); }); // server side only
        ssl->startServerEncryption();
        socket = ssl;
    }
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        socket->setProperty("request", buffer->left(end));
        buffer->remove(0, end + 4);
        onRequest(socket);
    });
}

void HostileServer::reply(
    QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &headers, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + headers
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

void HostileServer::stream(QTcpSocket *socket, qint64 total, bool chunked)
{
    auto sent = std::make_shared<qint64>(0);
    const QByteArray chunk(chunkBytes, 'x');
    const QByteArray framed = QByteArray::number(chunkBytes, 16) + "\r\n" + chunk + "\r\n";
    const auto more = [socket, sent, total, chunk, framed, chunked] {
        // Only as much as the kernel takes: the server never holds the body in memory.
        while (socket->bytesToWrite() < 4 * chunkBytes && (total < 0 || *sent < total)) {
            const qint64 n = total < 0 ? chunkBytes : std::min(chunkBytes, total - *sent);
            socket->write(chunked ? framed : chunk.left(n));
            *sent += n;
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, more);
    more();
}

void HostileServer::onRequest(QTcpSocket *socket)
{
    const QByteArray request = socket->property("request").toByteArray();
    const QByteArray path = request.split(' ').value(1);
    ++m_requests;
    if (path == "/ok") {
        reply(socket, 200, "OK", "Content-Type: application/json\r\n", R"({"status":"healthy"})");
    } else if (path == "/seed-health") {
        reply(socket, 200, "OK", "Content-Type: application/json\r\n",
            R"({"status":"degraded","services":{"database":{"status":"healthy","responseTime":12.5},)"
            R"("redis":{"status":"unhealthy"},"note":"not a service"}})");
    } else if (path == "/delay") {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(300, socket,
            [guard] { reply(guard, 200, "OK", "Content-Type: application/json\r\n", R"({"status":"healthy"})"); });
    } else if (path == "/silent") {
        // never answer
    } else if (path == "/trickle") {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nx");
        auto *timer = new QTimer(socket);
        connect(timer, &QTimer::timeout, socket, [socket] { socket->write("x"); });
        timer->start(2000);
    } else if (path == "/huge") {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2147483648\r\n\r\n");
        stream(socket, qint64(2) * 1024 * 1024 * 1024, false);
    } else if (path == "/endless") {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
        stream(socket, -1, false);
    } else if (path == "/lying-length") {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n0123456789");
    } else if (path == "/chunked") {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        stream(socket, -1, true);
    } else if (path == "/gzip-bomb") {
        reply(socket, 200, "OK", "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", gzipBomb());
    } else if (path == "/loop-a" || path == "/loop-b") {
        const QByteArray other = path == "/loop-a" ? "/loop-b" : "/loop-a";
        reply(socket, 302, "Found", "Location: " + other + "\r\n", {});
    } else if (path.startsWith("/chain/")) {
        const int hop = path.mid(7).toInt();
        if (hop >= 60) {
            reply(socket, 200, "OK", {}, "end of chain");
        } else {
            reply(socket, 302, "Found", "Location: /chain/" + QByteArray::number(hop + 1) + "\r\n", {});
        }
    } else if (path == "/to-http") {
        reply(socket, 302, "Found", "Location: " + m_httpTarget.toEncoded() + "\r\n", {});
    } else if (path == "/reset") {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + QByteArray(100, 'x'));
        socket->flush();
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(100, socket, [guard] {
            const linger hard { 1, 0 }; // close with RST instead of FIN
            ::setsockopt(int(guard->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
            guard->abort();
        });
    } else if (path == "/malformed-json") {
        reply(socket, 200, "OK", "Content-Type: application/json\r\n", R"({"status": "healthy", "services": {)");
    } else if (path == "/html502") {
        reply(socket, 502, "Bad Gateway", "Content-Type: text/html\r\n",
            "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
    } else if (path == "/endless-header") {
        socket->write("HTTP/1.1 200 OK\r\n");
        const QByteArray lines = QByteArray("X-Filler: ").append(QByteArray(54, 'x')).append("\r\n").repeated(1024);
        const auto more = [socket, lines] {
            while (socket->bytesToWrite() < 4 * chunkBytes) {
                socket->write(lines);
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, more);
        more();
    } else if (path == "/huge-header") {
        reply(socket, 200, "OK", "X-Huge: " + QByteArray(256 * 1024, 'h') + "\r\n", "ok");
    } else if (path == "/early-hints") {
        socket->write("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n");
        reply(socket, 200, "OK", "Content-Type: application/json\r\n", R"({"status":"healthy"})");
    } else if (path == "/two-lengths") {
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello!!");
    } else if (path == "/bad-chunk") {
        socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
    } else if (path == "/overflow-chunk") {
        socket->write(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n");
    } else if (path == "/to-echo") {
        reply(socket, 302, "Found", "Location: /echo-headers\r\n", {});
    } else if (path == "/close") {
        socket->close();
    } else if (path == "/echo-headers") {
        reply(socket, 200, "OK", "Content-Type: text/plain\r\n", request);
    } else {
        reply(socket, 404, "Not Found", {}, "no such path");
    }
}

ServerThread::ServerThread(HostileServer::Mode mode)
    : m_thread(new QThread)
    , m_server(new HostileServer)
{
    m_server->setMode(mode);
    m_server->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_server, [this] { m_port = m_server->start() ? m_server->serverPort() : 0; }, Qt::BlockingQueuedConnection);
}

ServerThread::~ServerThread()
{
    QMetaObject::invokeMethod(
        m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

QUrl ServerThread::url(const QString &path, const QString &scheme) const
{
    return QUrl(u"%1://127.0.0.1:%2%3"_s.arg(scheme).arg(m_port).arg(path));
}
