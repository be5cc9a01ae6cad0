// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/dnscheck.h"

#include "workspace/duration.h"

#include <QUrl>

#include <ares.h>
#include <arpa/inet.h>
#include <curl/curl.h>
#include <poll.h>

using namespace Qt::StringLiterals;

namespace {

quint16 read16(const unsigned char *p)
{
    return quint16((p[0] << 8) | p[1]);
}

// Skips a (possibly compressed) name at `at`; false if it runs past the end.
bool skipName(const unsigned char *message, int length, int &at)
{
    char *name = nullptr;
    long used = 0;
    if (ares_expand_name(message + at, message, length, &name, &used) != ARES_SUCCESS) {
        return false;
    }
    ares_free_string(name);
    at += int(used);
    return at <= length;
}

QString nameAt(const unsigned char *message, int length, const unsigned char *at)
{
    char *name = nullptr;
    long used = 0;
    if (ares_expand_name(at, message, length, &name, &used) != ARES_SUCCESS) {
        return {};
    }
    QString out = QString::fromLatin1(name) + u'.';
    ares_free_string(name);
    return out;
}

} // namespace

DnsCheck::DnsCheck(const Endpoint &endpoint)
    : NetCheck(endpoint, EndpointKind::Dns)
{ }

DnsCheck::~DnsCheck()
{
    stop();
}

bool DnsCheck::initAres()
{
    static const bool ok = ares_library_init(ARES_LIB_INIT_ALL) == ARES_SUCCESS;
    return ok;
}

int DnsCheck::typeNumber(const QString &type)
{
    static const QHash<QString, int> numbers { { u"A"_s, 1 }, { u"NS"_s, 2 }, { u"CNAME"_s, 5 }, { u"MX"_s, 15 },
        { u"TXT"_s, 16 }, { u"AAAA"_s, 28 } };
    return numbers.value(type.toUpper(), 0);
}

bool DnsCheck::start(CURLM *)
{
    const QUrl url(m_endpoint.url);
    const QString host = url.host();
    unsigned char address[16];
    const bool v6 = inet_pton(AF_INET6, host.toLatin1().constData(), address) == 1;
    if (!v6 && inet_pton(AF_INET, host.toLatin1().constData(), address) != 1) {
        notSent(tr("the DNS server must be an IP address, got \"%1\"").arg(host));
        return false;
    }
    const int type = typeNumber(m_endpoint.dnsQueryType);
    if (type == 0 || m_endpoint.dnsQueryName.isEmpty()) {
        notSent(tr("no dns query-name or query-type"));
        return false;
    }
    m_server = (v6 ? u"[%1]:%2"_s : u"%1:%2"_s).arg(host).arg(url.port(53));
    if (!initAres()) {
        return false;
    }
    ares_options options {};
    options.flags = ARES_FLAG_NOCHECKRESP | ARES_FLAG_NOSEARCH; // SERVFAIL and REFUSED are answers too
    options.timeout = int(std::clamp<qint64>(remainingMs() / 2, 1, 30000)); // ms with ARES_OPT_TIMEOUTMS
    options.tries = 2;
    if (ares_init_options(&m_channel, &options, ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES) != ARES_SUCCESS) {
        m_channel = nullptr;
        return false;
    }
    if (ares_set_servers_ports_csv(m_channel, m_server.toLatin1().constData()) != ARES_SUCCESS) {
        notSent(tr("not a usable DNS server: %1").arg(m_server));
        return false;
    }
    unsigned char *query = nullptr;
    int queryLength = 0;
    if (ares_create_query(m_endpoint.dnsQueryName.toUtf8().constData(), 1 /* IN */, type, 0, 1, &query, &queryLength, 0)
        != ARES_SUCCESS) {
        notSent(tr("not a valid DNS name: %1").arg(m_endpoint.dnsQueryName));
        return false;
    }
    ares_send(m_channel, query, queryLength, &DnsCheck::onAnswer, this);
    ares_free_string(query);
    return true;
}

void DnsCheck::onAnswer(void *self, int status, int, unsigned char *answer, int length)
{
    if (status == ARES_EDESTRUCTION || status == ARES_ECANCELLED) {
        return; // stopping: the result is already final
    }
    static_cast<DnsCheck *>(self)->answered(
        status, answer ? QByteArray(reinterpret_cast<const char *>(answer), length) : QByteArray());
}

void DnsCheck::answered(int status, const QByteArray &message)
{
    m_result.totalMs = elapsedMs();
    m_result.dnsMs = m_result.totalMs;
    if (status == ARES_ETIMEOUT) {
        fail(tr("no answer from the DNS server %1 within the %2 deadline")
                 .arg(m_server, Duration::format(m_endpoint.timeout)));
        return;
    }
    if (status == ARES_ECONNREFUSED) {
        fail(tr("the DNS server %1 refused the connection (nothing listens there)").arg(m_server));
        return;
    }
    if (status != ARES_SUCCESS || message.isEmpty()) {
        fail(tr("DNS query to %1 failed: %2").arg(m_server, QString::fromUtf8(ares_strerror(status))));
        return;
    }
    QString rcode;
    QStringList answers;
    QString error;
    if (!parseAnswer(message, typeNumber(m_endpoint.dnsQueryType), &rcode, &answers, &error)) {
        fail(tr("malformed DNS answer from %1: %2").arg(m_server, error));
        return;
    }
    m_result.connected = true;
    m_result.dnsRcode = rcode;
    m_result.body = answers.join(u", "_s).toUtf8().left(m_endpoint.maxBodyBytes);
    succeed();
}

bool DnsCheck::parseAnswer(const QByteArray &bytes, int type, QString *rcode, QStringList *answers, QString *error)
{
    static const char *const rcodes[] = { "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN",
        "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE" };
    const auto *message = reinterpret_cast<const unsigned char *>(bytes.constData());
    const int length = int(bytes.size());
    if (length < 12) {
        *error = tr("shorter than a DNS header");
        return false;
    }
    const int code = message[3] & 0x0F;
    *rcode = code < int(std::size(rcodes)) ? QString::fromLatin1(rcodes[code]) : u"RCODE%1"_s.arg(code);
    int at = 12;
    for (int q = read16(message + 4); q > 0; --q) {
        if (!skipName(message, length, at) || (at += 4) > length) {
            *error = tr("truncated question");
            return false;
        }
    }
    for (int a = read16(message + 6); a > 0; --a) {
        if (!skipName(message, length, at) || at + 10 > length) {
            *error = tr("truncated answer record");
            return false;
        }
        const int rrType = read16(message + at);
        const int rdLength = read16(message + at + 8);
        const unsigned char *data = message + at + 10;
        at += 10 + rdLength;
        if (at > length) {
            *error = tr("truncated answer record");
            return false;
        }
        if (rrType != type) {
            continue;
        }
        char text[INET6_ADDRSTRLEN] = {};
        if (type == 1 && rdLength == 4) {
            answers->append(QString::fromLatin1(inet_ntop(AF_INET, data, text, sizeof text)));
        } else if (type == 28 && rdLength == 16) {
            answers->append(QString::fromLatin1(inet_ntop(AF_INET6, data, text, sizeof text)));
        } else if (type == 2 || type == 5) {
            answers->append(nameAt(message, length, data));
        } else if (type == 15 && rdLength > 2) {
            answers->append(nameAt(message, length, data + 2));
        } else if (type == 16) {
            QByteArray joined;
            for (int i = 0; i < rdLength;) {
                const int n = data[i];
                joined.append(reinterpret_cast<const char *>(data + i + 1), std::min(n, rdLength - i - 1));
                i += n + 1;
            }
            answers->append(QString::fromUtf8(joined));
        } else {
            *error = tr("a record of the asked type with a malformed value");
            return false;
        }
    }
    return true;
}

int DnsCheck::wait(std::vector<curl_waitfd> &fds)
{
    return aresWait(m_channel, fds, remainingMs());
}

void DnsCheck::progress()
{
    m_processing = true; // c-ares must not be destroyed from inside its own callback
    aresProcess(m_channel);
    m_processing = false;
    if (isDone()) {
        stop();
    }
}

void DnsCheck::stop()
{
    if (m_channel && !m_processing) {
        ares_channel channel = m_channel;
        m_channel = nullptr;
        ares_destroy(channel); // runs onAnswer with ARES_EDESTRUCTION, which is ignored
    }
}

int DnsCheck::aresWait(ares_channel channel, std::vector<curl_waitfd> &fds, qint64 remainingMs)
{
    if (!channel) {
        return int(std::clamp<qint64>(remainingMs, 0, 1000));
    }
    ares_socket_t sockets[ARES_GETSOCK_MAXNUM];
    const int bits = ares_getsock(channel, sockets, ARES_GETSOCK_MAXNUM);
    for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
        curl_waitfd fd {};
        fd.fd = sockets[i];
        fd.events = short((ARES_GETSOCK_READABLE(bits, i) ? CURL_WAIT_POLLIN : 0)
            | (ARES_GETSOCK_WRITABLE(bits, i) ? CURL_WAIT_POLLOUT : 0));
        if (fd.events) {
            fds.push_back(fd);
        }
    }
    timeval most { 1, 0 };
    timeval next {};
    const timeval *t = ares_timeout(channel, &most, &next);
    const qint64 ms = qint64(t->tv_sec) * 1000 + t->tv_usec / 1000 + 1;
    return int(std::clamp<qint64>(std::min(ms, remainingMs), 0, 1000));
}

void DnsCheck::aresProcess(ares_channel channel)
{
    if (!channel) {
        return;
    }
    ares_socket_t sockets[ARES_GETSOCK_MAXNUM];
    const int bits = ares_getsock(channel, sockets, ARES_GETSOCK_MAXNUM);
    std::vector<pollfd> polls;
    for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
        const short events
            = short((ARES_GETSOCK_READABLE(bits, i) ? POLLIN : 0) | (ARES_GETSOCK_WRITABLE(bits, i) ? POLLOUT : 0));
        if (events) {
            polls.push_back({ sockets[i], events, 0 });
        }
    }
    if (!polls.empty()) {
        poll(polls.data(), nfds_t(polls.size()), 0);
    }
    bool any = false;
    for (const pollfd &p : polls) {
        if (p.revents) {
            any = true;
            ares_process_fd(channel, (p.revents & (POLLIN | POLLERR | POLLHUP)) ? p.fd : ARES_SOCKET_BAD,
                (p.revents & POLLOUT) ? p.fd : ARES_SOCKET_BAD);
        }
    }
    if (!any) {
        ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD); // timeouts and retries
    }
}
