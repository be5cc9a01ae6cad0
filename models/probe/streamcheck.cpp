// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/streamcheck.h"

#include "probe/tlspeer.h"

#include <QFile>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <curl/curl.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

StreamCheck::StreamCheck(const Endpoint &endpoint)
    : NetCheck(endpoint, EndpointKinds::of(endpoint.url))
    , m_kind(EndpointKinds::of(endpoint.url))
    , m_tls(std::make_shared<TlsPeer>())
    , m_errorBuffer(CURL_ERROR_SIZE + 1, '\0')
{
    m_tls->caFile = QFile::encodeName(endpoint.caFile);
    m_readAnswer = !endpoint.body.isEmpty();
    for (const QString &text : endpoint.conditions + endpoint.warnConditions) {
        QString error;
        const auto condition = Condition::parse(text, &error);
        m_readAnswer = m_readAnswer || (condition && condition->readsBody());
    }
}

StreamCheck::~StreamCheck()
{
    stop();
}

bool StreamCheck::start(CURLM *multi)
{
    QUrl url(m_endpoint.url, QUrl::StrictMode);
    url.setScheme(m_kind == EndpointKind::Tls ? u"https"_s : m_kind == EndpointKind::StartTls ? u"smtp"_s : u"http"_s);
    url.setPath({});
    m_url = url.toEncoded();
    m_easy = curl_easy_init();
    if (!m_easy) {
        return false;
    }
    const long remaining = long(std::max<qint64>(1, remainingMs()));
    curl_easy_setopt(m_easy, CURLOPT_URL, m_url.constData());
    curl_easy_setopt(m_easy, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(m_easy, CURLOPT_PROTOCOLS_STR, "http,https,smtp");
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_PROXY, "");
    curl_easy_setopt(m_easy, CURLOPT_TIMEOUT_MS, remaining);
    curl_easy_setopt(m_easy, CURLOPT_CONNECTTIMEOUT_MS, remaining);
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer.data());
    curl_easy_setopt(m_easy, CURLOPT_FRESH_CONNECT, 1L);
    if (m_kind != EndpointKind::Tcp) {
        curl_easy_setopt(m_easy, CURLOPT_SSL_ENABLE_ALPN, 0L); // not HTTP: no h2 or http/1.1 offer
        m_tls->install(m_easy);
    }
    if (m_kind == EndpointKind::StartTls) {
        curl_easy_setopt(m_easy, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    }
    m_multi = multi;
    return curl_multi_add_handle(multi, m_easy) == CURLM_OK;
}

void StreamCheck::readTimings()
{
    const auto at = [this](CURLINFO info) {
        curl_off_t us = 0;
        return curl_easy_getinfo(m_easy, info, &us) == CURLE_OK && us > 0 ? double(us) / 1000.0 : -1.0;
    };
    m_result.dnsMs = at(CURLINFO_NAMELOOKUP_TIME_T);
    m_result.connectMs = at(CURLINFO_CONNECT_TIME_T);
    m_result.tlsMs = at(CURLINFO_APPCONNECT_TIME_T);
    const char *ip = nullptr;
    if (curl_easy_getinfo(m_easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip && *ip) {
        m_result.ip = QString::fromLatin1(ip);
    }
}

void StreamCheck::curlDone(int curlCode)
{
    readTimings();
    m_result.certificateExpiry = m_tls->expiry;
    m_result.certificateChain = m_tls->chain;
    if (curlCode != CURLE_OK) {
        m_result.connected = m_result.connectMs > 0 && m_kind != EndpointKind::Tcp;
        m_phase = Phase::Done;
        fail(connectError(curlCode));
        return;
    }
    m_result.connected = true;
    if (m_kind != EndpointKind::Tcp) {
        m_tls->read(m_easy);
        m_result.certificateExpiry = m_tls->expiry;
        m_result.certificateChain = m_tls->chain;
    }
    curl_socket_t socket = CURL_SOCKET_BAD;
    curl_easy_getinfo(m_easy, CURLINFO_ACTIVESOCKET, &socket);
    m_socket = socket;
    if (m_endpoint.body.isEmpty() && !m_readAnswer) {
        m_phase = Phase::Done;
        succeed();
        return;
    }
    m_phase = m_endpoint.body.isEmpty() ? Phase::Reading : Phase::Sending;
    progress();
}

void StreamCheck::progress()
{
    if (m_phase == Phase::Sending) {
        send();
    }
    if (m_phase == Phase::Reading) {
        receive();
    }
}

void StreamCheck::send()
{
    const QByteArray payload = m_endpoint.body.toUtf8();
    while (m_sent < payload.size()) {
        size_t n = 0;
        const CURLcode code = curl_easy_send(m_easy, payload.constData() + m_sent, size_t(payload.size() - m_sent), &n);
        if (code == CURLE_AGAIN) {
            return;
        }
        if (code != CURLE_OK) {
            m_phase = Phase::Done;
            fail(tr("connection failed while sending: %1").arg(QString::fromUtf8(curl_easy_strerror(code))));
            return;
        }
        m_sent += qsizetype(n);
    }
    m_phase = Phase::Reading;
}

void StreamCheck::receive()
{
    char buffer[16384];
    for (;;) {
        const qint64 room = m_endpoint.maxBodyBytes - m_result.body.size();
        if (room <= 0) {
            m_result.bodyTruncated = true;
            break; // enough: max-body bytes read
        }
        size_t n = 0;
        const CURLcode code = curl_easy_recv(m_easy, buffer, size_t(std::min<qint64>(room, sizeof buffer)), &n);
        if (code == CURLE_AGAIN) {
            if (m_result.body.isEmpty()) {
                return; // nothing yet: wait for the socket
            }
            break; // a chunk arrived and the server paused: that is the answer
        }
        if (code != CURLE_OK) {
            m_phase = Phase::Done;
            fail(tr("connection failed while receiving: %1").arg(QString::fromUtf8(curl_easy_strerror(code))));
            return;
        }
        if (n == 0) {
            break; // closed by the server
        }
        if (m_result.body.isEmpty()) {
            m_result.firstByteMs = elapsedMs();
        }
        m_result.body.append(buffer, qsizetype(n));
    }
    m_phase = Phase::Done;
    m_result.totalMs = elapsedMs();
    if (!m_secrets.isEmpty()) { // an echo of a body that carried a ${NAME} value
        m_result.body = redact(QString::fromUtf8(m_result.body)).toUtf8();
    }
    succeed();
}

int StreamCheck::wait(std::vector<curl_waitfd> &fds)
{
    if ((m_phase == Phase::Sending || m_phase == Phase::Reading) && m_socket >= 0) {
        curl_waitfd fd {};
        fd.fd = curl_socket_t(m_socket);
        fd.events = m_phase == Phase::Sending ? CURL_WAIT_POLLOUT : CURL_WAIT_POLLIN;
        fds.push_back(fd);
    }
    return int(std::clamp<qint64>(remainingMs(), 0, 1000));
}

void StreamCheck::stop()
{
    if (!m_easy) {
        return;
    }
    if (m_phase == Phase::Connecting || m_result.totalMs < 0) {
        readTimings();
    }
    if (m_socket >= 0) {
        // Dead to libcurl before it lets go: an SMTP connection would otherwise wait for the answer to a QUIT.
        ::shutdown(int(m_socket), SHUT_RDWR);
        m_socket = -1;
    }
    if (m_multi) {
        curl_multi_remove_handle(m_multi, m_easy);
    }
    curl_easy_cleanup(m_easy);
    m_easy = nullptr;
    m_phase = Phase::Done;
}

QString StreamCheck::connectError(int curlCode) const
{
    const QString detail = QString::fromUtf8(m_errorBuffer.constData()).trimmed();
    const QUrl url(m_endpoint.url);
    const QString where = u"%1:%2"_s.arg(url.host()).arg(url.port());
    switch (curlCode) {
    case CURLE_OPERATION_TIMEDOUT:
        return m_result.connectMs > 0 && m_kind != EndpointKind::Tcp
            ? tr("the %1 handshake did not finish: %2")
                  .arg(m_kind == EndpointKind::StartTls ? u"SMTP STARTTLS"_s : u"TLS"_s, deadlineError())
            : deadlineError();
    case CURLE_COULDNT_RESOLVE_HOST:
        return tr("Host %1 not found").arg(url.host());
    case CURLE_COULDNT_CONNECT: {
        long osError = 0;
        curl_easy_getinfo(m_easy, CURLINFO_OS_ERRNO, &osError);
        if (osError == ECONNREFUSED) {
            return tr("Connection refused (%1)").arg(where);
        }
        return tr("could not connect to %1: %2")
            .arg(where, osError ? QString::fromLocal8Bit(std::strerror(int(osError))) : detail);
    }
    case CURLE_USE_SSL_FAILED:
        return tr("the SMTP server at %1 does not offer or refused STARTTLS (%2)").arg(where, detail);
    case CURLE_WEIRD_SERVER_REPLY:
        return tr("not an SMTP server at %1: %2").arg(where, detail);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        return tr("TLS handshake failed: %1").arg(detail);
    default:
        return detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(CURLcode(curlCode))) : detail;
    }
}
