// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/icmpcheck.h"

#include "probe/dnscheck.h"

#include <QFile>
#include <QRandomGenerator>
#include <QUrl>

#include <ares.h>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

IcmpCheck::IcmpCheck(const Endpoint &endpoint)
    : NetCheck(endpoint, EndpointKind::Icmp)
{ }

IcmpCheck::~IcmpCheck()
{
    m_processing = false;
    stop();
}

QString IcmpCheck::notAllowedMessage()
{
    QFile range(u"/proc/sys/net/ipv4/ping_group_range"_s);
    const QString current = range.open(QIODevice::ReadOnly)
        ? QString::fromLatin1(range.readAll().simplified()).replace(u'\t', u' ')
        : tr("unknown");
    return tr("this system does not allow unprivileged ICMP (ping) sockets for OpsDeck's group "
              "(net.ipv4.ping_group_range is \"%1\"); allow them with: sudo sysctl -w "
              "net.ipv4.ping_group_range=\"0 2147483647\" (and the same line in /etc/sysctl.d/ to keep it)")
        .arg(current);
}

bool IcmpCheck::start(CURLM *)
{
    const QByteArray host = QUrl(m_endpoint.url).host().toLatin1();
    unsigned char address[16];
    if (inet_pton(AF_INET, host.constData(), address) == 1) {
        ping(AF_INET, address);
        return true;
    }
    if (inet_pton(AF_INET6, host.constData(), address) == 1) {
        ping(AF_INET6, address);
        return true;
    }
    if (!DnsCheck::initAres() || ares_init(&m_channel) != ARES_SUCCESS) {
        m_channel = nullptr;
        return false;
    }
    ares_gethostbyname(m_channel, host.constData(), AF_INET, &IcmpCheck::onHost, this);
    return true;
}

void IcmpCheck::onHost(void *self, int status, int, hostent *host)
{
    auto *check = static_cast<IcmpCheck *>(self);
    if (status == ARES_EDESTRUCTION || status == ARES_ECANCELLED || check->isDone()) {
        return;
    }
    check->m_result.dnsMs = check->elapsedMs();
    if (status != ARES_SUCCESS || !host || !host->h_addr_list || !host->h_addr_list[0]) {
        check->fail(tr("Host %1 not found").arg(QUrl(check->m_endpoint.url).host()));
        return;
    }
    check->ping(host->h_addrtype, host->h_addr_list[0]);
}

void IcmpCheck::ping(int family, const void *address)
{
    m_family = family;
    char text[INET6_ADDRSTRLEN] = {};
    m_result.ip = QString::fromLatin1(inet_ntop(family, address, text, sizeof text));
    const int protocol = family == AF_INET ? int(IPPROTO_ICMP) : int(IPPROTO_ICMPV6);
    m_socket = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    if (m_socket < 0) {
        const int error = errno;
        if (error == EACCES || error == EPERM || error == EPROTONOSUPPORT) {
            notSent(notAllowedMessage());
        } else {
            fail(tr("could not open an ICMP socket: %1").arg(QString::fromLocal8Bit(std::strerror(error))));
        }
        return;
    }
    sockaddr_storage to {};
    socklen_t toLength = 0;
    if (family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(&to);
        in->sin_family = AF_INET;
        std::memcpy(&in->sin_addr, address, 4);
        toLength = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&to);
        in6->sin6_family = AF_INET6;
        std::memcpy(&in6->sin6_addr, address, 16);
        toLength = sizeof(sockaddr_in6);
    }
    // Echo request: type, code, checksum and identifier are filled in by the kernel for a ping socket.
    m_sequence = quint16(QRandomGenerator::global()->bounded(1, 65535));
    unsigned char packet[24]
        = { quint8(family == AF_INET ? 8 : 128), 0, 0, 0, 0, 0, quint8(m_sequence >> 8), quint8(m_sequence & 0xFF) };
    std::memcpy(packet + 8, "OpsDeck health  ", 16);
    m_sentMs = elapsedMs();
    if (::sendto(m_socket, packet, sizeof packet, 0, reinterpret_cast<sockaddr *>(&to), toLength) < 0) {
        fail(tr("could not send an ICMP echo request to %1: %2")
                 .arg(m_result.ip, QString::fromLocal8Bit(std::strerror(errno))));
    }
}

void IcmpCheck::receive()
{
    unsigned char packet[1500];
    for (;;) {
        const ssize_t n = ::recv(m_socket, packet, sizeof packet, 0);
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                fail(tr("ICMP echo to %1 failed: %2").arg(m_result.ip, QString::fromLocal8Bit(std::strerror(errno))));
            }
            return;
        }
        const quint8 reply = m_family == AF_INET ? 0 : 129;
        if (n >= 8 && packet[0] == reply && ((packet[6] << 8) | packet[7]) == m_sequence) {
            m_result.connected = true;
            m_result.totalMs = elapsedMs() - m_sentMs;
            succeed();
            return;
        }
    }
}

int IcmpCheck::wait(std::vector<curl_waitfd> &fds)
{
    if (m_socket >= 0) {
        curl_waitfd fd {};
        fd.fd = m_socket;
        fd.events = CURL_WAIT_POLLIN;
        fds.push_back(fd);
        return int(std::clamp<qint64>(remainingMs(), 0, 1000));
    }
    return DnsCheck::aresWait(m_channel, fds, remainingMs());
}

void IcmpCheck::progress()
{
    if (m_channel && m_socket < 0) {
        m_processing = true;
        DnsCheck::aresProcess(m_channel);
        m_processing = false;
    }
    if (m_socket >= 0 && !isDone()) {
        receive();
    }
    if (isDone()) {
        stop();
    }
}

void IcmpCheck::stop()
{
    if (m_channel && !m_processing) {
        ares_channel channel = m_channel;
        m_channel = nullptr;
        ares_destroy(channel);
    }
    if (m_socket >= 0) {
        ::close(m_socket);
        m_socket = -1;
    }
}
