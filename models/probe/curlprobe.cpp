// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/curlprobe.h"

#include "probe/httpprobe.h"
#include "probe/tlspeer.h"
#include "secrets/secrets.h"
#include "workspace/duration.h"
#include "workspace/templatetext.h"

#include <QFile>
#include <QSslCertificate>

#include <cerrno>
#include <cstring>
#include <curl/curl.h>

using namespace Qt::StringLiterals;

namespace {

QString formatBytes(qint64 bytes)
{
    constexpr qint64 kib = 1024;
    constexpr qint64 mib = 1024 * 1024;
    if (bytes >= mib && bytes % mib == 0) {
        return CurlProbe::tr("%1 MiB").arg(bytes / mib);
    }
    if (bytes >= kib && bytes % kib == 0) {
        return CurlProbe::tr("%1 KiB").arg(bytes / kib);
    }
    return CurlProbe::tr("%1 bytes").arg(bytes);
}

bool keptHeader(QByteArrayView name)
{
    static const QList<QByteArray> names { "content-type", "content-length", "content-encoding", "server", "location",
        "retry-after", "cache-control", "date", "www-authenticate" };
    return names.contains(name);
}

bool isCredential(QByteArrayView lowerName)
{
    return lowerName == "authorization" || lowerName == "proxy-authorization" || lowerName == "cookie";
}

} // namespace

CurlProbe::CurlProbe(CurlRequest request)
    : m_request(std::move(request))
    , m_tls(std::make_shared<TlsPeer>())
    , m_errorBuffer(CURL_ERROR_SIZE + 1, '\0')
{
    m_result.endpoint = m_request.endpoint.name;
    m_tls->caFile = QFile::encodeName(m_request.endpoint.caFile);
}

CurlProbe::~CurlProbe()
{
    if (m_easy) {
        curl_easy_cleanup(m_easy);
    }
    curl_slist_free_all(m_headerList);
}

CurlRequest CurlProbe::prepare(const Endpoint &endpoint)
{
    CurlRequest r;
    r.endpoint = endpoint;
    QStringList missing;
    const QString url = HttpProbe::resolveTemplate(endpoint.url, &missing, &r.secrets);
    for (auto it = endpoint.headers.cbegin(); it != endpoint.headers.cend(); ++it) {
        const QByteArray name = it.key().toUtf8();
        r.headers.append({ name, HttpProbe::resolveTemplate(it.value(), &missing, &r.secrets).toUtf8() });
        if (!TemplateText::names(it.value()).isEmpty()) {
            r.templatedHeaders.insert(name.toLower());
        }
    }
    r.body = HttpProbe::resolveTemplate(endpoint.body, &missing, &r.secrets).toUtf8();
    if (!missing.isEmpty()) {
        r.notSent = tr("%1; nothing was sent").arg(Secrets::describeMissing(missing));
        return r;
    }
    r.url = QUrl(url, QUrl::StrictMode);
    if (!r.url.isValid() || (r.url.scheme() != QLatin1String("http") && r.url.scheme() != QLatin1String("https"))) {
        r.notSent = tr("not an http or https URL: %1").arg(endpoint.url);
        return r;
    }
    if (!endpoint.caFile.isEmpty() && QSslCertificate::fromPath(endpoint.caFile, QSsl::Pem).isEmpty()) {
        r.notSent = tr("ca-file %1 holds no readable PEM certificate").arg(endpoint.caFile);
    }
    return r;
}

QString CurlProbe::redact(QString text) const
{
    return TemplateText::redact(std::move(text), m_request.secrets);
}

bool CurlProbe::begin(CURL *reuse)
{
    m_clock.start();
    m_result.startedAt = QDateTime::currentDateTimeUtc();
    if (!m_request.notSent.isEmpty()) {
        m_outcome = EndpointConditions::Outcome::NotSent;
        m_result.error = redact(m_request.notSent);
        if (reuse) {
            curl_easy_cleanup(reuse);
        }
        return false;
    }
    m_easy = reuse ? reuse : curl_easy_init(); // setupHop() resets it
    if (!m_easy) {
        m_outcome = EndpointConditions::Outcome::NotSent;
        m_result.error = tr("libcurl could not create the request; nothing was sent");
        return false;
    }
    m_verb = m_request.endpoint.method.toUpper().toLatin1();
    m_payload = m_request.body;
    m_currentUrl = m_request.url;
    m_visited.insert(m_currentUrl);
    for (const auto &header : std::as_const(m_request.headers)) {
        m_ownEncoding = m_ownEncoding || header.first.compare("accept-encoding", Qt::CaseInsensitive) == 0;
    }
    return setupHop();
}

bool CurlProbe::setupHop()
{
    curl_easy_reset(m_easy);
    m_hopStartMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_contentLengths.clear();
    m_contentEncoding.clear();
    m_headers.clear();
    m_headerBytes = 0;
    m_result.body.clear();
    m_result.bodyTruncated = false;
    m_result.httpStatus = 0;
    m_result.headers.clear();
    const qint64 remaining = m_request.endpoint.timeout.count() - m_clock.elapsed();
    if (remaining <= 0) {
        fail(tr("no complete answer within the %1 deadline").arg(Duration::format(m_request.endpoint.timeout)));
        finish();
        return false;
    }
    m_urlBytes = m_currentUrl.toEncoded();
    curl_easy_setopt(m_easy, CURLOPT_PRIVATE, this);
    curl_easy_setopt(m_easy, CURLOPT_URL, m_urlBytes.constData());
    curl_easy_setopt(m_easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(m_easy, CURLOPT_FOLLOWLOCATION, 0L); // followed here, hop by hop
    curl_easy_setopt(m_easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(m_easy, CURLOPT_PROXY, ""); // as before with Qt: no proxy from http_proxy and the like
    curl_easy_setopt(m_easy, CURLOPT_TIMEOUT_MS, long(remaining));
    curl_easy_setopt(m_easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(m_easy, CURLOPT_USERAGENT, "OpsDeck health check");
    curl_easy_setopt(m_easy, CURLOPT_ERRORBUFFER, m_errorBuffer.data());
    curl_easy_setopt(m_easy, CURLOPT_HEADERFUNCTION, &CurlProbe::onHeader);
    curl_easy_setopt(m_easy, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(m_easy, CURLOPT_WRITEFUNCTION, &CurlProbe::onBody);
    curl_easy_setopt(m_easy, CURLOPT_WRITEDATA, this);
    m_tls->install(m_easy);

    curl_slist_free_all(m_headerList);
    m_headerList = nullptr;
    // Only an uncompressed body: a small compressed body can inflate without bound (a gzip bomb).
    if (!m_ownEncoding) {
        m_headerList = curl_slist_append(m_headerList, "Accept-Encoding: identity");
    }
    m_headerList = curl_slist_append(m_headerList, "Expect:"); // no 100-continue wait for a body
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        const QByteArray lower = name.toLower();
        if (m_dropCredentials && (isCredential(lower) || m_request.templatedHeaders.contains(lower))) {
            continue; // another origin gets no credentials
        }
        const QByteArray line = value.isEmpty() ? QByteArray(name + ';') : QByteArray(name + ": " + value);
        m_headerList = curl_slist_append(m_headerList, line.constData());
    }
    curl_easy_setopt(m_easy, CURLOPT_HTTPHEADER, m_headerList);

    if (m_verb == "HEAD") {
        curl_easy_setopt(m_easy, CURLOPT_NOBODY, 1L);
    } else if (m_verb == "GET" && m_payload.isEmpty()) {
        curl_easy_setopt(m_easy, CURLOPT_HTTPGET, 1L);
    } else {
        if (!m_payload.isEmpty() || m_verb == "POST") {
            curl_easy_setopt(m_easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_payload.size()));
            curl_easy_setopt(m_easy, CURLOPT_POSTFIELDS, m_payload.constData());
        }
        if (m_verb != "POST") {
            curl_easy_setopt(m_easy, CURLOPT_CUSTOMREQUEST, m_verb.constData());
        }
    }
    if (m_verb != "GET" && m_verb != "HEAD" && m_verb != "OPTIONS") {
        // libcurl sends a request again when a reused connection turns out closed; a request that may change
        // state gets a connection of its own so that it is never sent twice.
        curl_easy_setopt(m_easy, CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(m_easy, CURLOPT_FORBID_REUSE, 1L);
    }
    return true;
}

size_t CurlProbe::onHeader(char *data, size_t size, size_t count, void *self)
{
    const size_t bytes = size * count;
    return static_cast<CurlProbe *>(self)->headerLine(QByteArrayView(data, qsizetype(bytes))) ? bytes : 0;
}

bool CurlProbe::headerLine(QByteArrayView line)
{
    m_headerBytes += line.size();
    if (m_headerBytes > maxHeaderBytes) {
        fail(tr("response headers larger than the %1 cap").arg(formatBytes(maxHeaderBytes)));
        return false;
    }
    if (line.startsWith("HTTP/")) { // a new response (after a 1xx)
        m_contentLengths.clear();
        m_contentEncoding.clear();
        m_headers.clear();
        return true;
    }
    const QByteArrayView trimmed = line.trimmed();
    if (trimmed.isEmpty()) {
        return headersDone();
    }
    const qsizetype colon = trimmed.indexOf(':');
    if (colon <= 0) {
        return true;
    }
    const QByteArray name = trimmed.first(colon).trimmed().toByteArray().toLower();
    const QByteArrayView value = trimmed.sliced(colon + 1).trimmed();
    if (name == "content-length") {
        for (const QByteArray &part : value.toByteArray().split(',')) {
            bool ok = false;
            const qint64 length = part.trimmed().toLongLong(&ok);
            if (!ok || length < 0) {
                fail(tr("malformed framing: invalid Content-Length \"%1\"").arg(QString::fromLatin1(value)));
                return false;
            }
            m_contentLengths.append(length);
        }
    } else if (name == "content-encoding") {
        m_contentEncoding = value.toByteArray().toLower();
    }
    if (keptHeader(name)) {
        m_headers.insert(QString::fromLatin1(name), redact(QString::fromUtf8(value)));
    }
    return true;
}

bool CurlProbe::headersDone()
{
    long status = 0;
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 100 && status < 200) {
        return true; // 1xx (e.g. 103 Early Hints) is not the answer; libcurl reads the final one next
    }
    m_result.httpStatus = int(status);
    m_result.headers = m_headers;
    long version = 0;
    curl_easy_getinfo(m_easy, CURLINFO_HTTP_VERSION, &version);
    m_result.protocol = version == CURL_HTTP_VERSION_2_0 ? u"HTTP/2"_s
        : version == CURL_HTTP_VERSION_3                 ? u"HTTP/3"_s
        : version == CURL_HTTP_VERSION_1_0               ? u"HTTP/1.0"_s
                                                         : u"HTTP/1.1"_s;
    m_result.connected = true;
    readPeerCertificate(); // only here: after the transfer the connection is no longer ours to look at
    for (const qint64 length : std::as_const(m_contentLengths)) {
        if (length != m_contentLengths.constFirst()) {
            QStringList values;
            for (const qint64 v : std::as_const(m_contentLengths)) {
                values.append(QString::number(v));
            }
            fail(tr("malformed framing: different Content-Length values (%1)").arg(values.join(u", "_s)));
            return false;
        }
    }
    if (!m_ownEncoding && !m_contentEncoding.isEmpty() && m_contentEncoding != "identity") {
        fail(tr("body refused: it is %1-encoded although only an uncompressed body was accepted")
                 .arg(QString::fromLatin1(m_contentEncoding)));
        return false;
    }
    const bool bodyExpected = m_verb != "HEAD" && status != 204 && status != 304;
    if (bodyExpected && !m_contentLengths.isEmpty()
        && m_contentLengths.constFirst() > m_request.endpoint.maxBodyBytes) {
        m_result.bodyTruncated = true;
        fail(tr("body larger than the %1 cap (Content-Length: %2)")
                 .arg(formatBytes(m_request.endpoint.maxBodyBytes))
                 .arg(m_contentLengths.constFirst()));
        return false;
    }
    return true;
}

size_t CurlProbe::onBody(char *data, size_t size, size_t count, void *self)
{
    auto *probe = static_cast<CurlProbe *>(self);
    const qint64 bytes = qint64(size * count);
    const qint64 room = probe->m_request.endpoint.maxBodyBytes - probe->m_result.body.size();
    if (bytes > room) {
        probe->m_result.body.append(data, room);
        probe->m_result.bodyTruncated = true;
        probe->fail(tr("body larger than the %1 cap").arg(formatBytes(probe->m_request.endpoint.maxBodyBytes)));
        return 0; // libcurl stops the transfer
    }
    probe->m_result.body.append(data, bytes);
    return size_t(bytes);
}

void CurlProbe::readPeerCertificate()
{
    if (m_currentUrl.scheme() == QLatin1String("https")) {
        m_tls->read(m_easy);
    }
}

void CurlProbe::readTimings()
{
    const auto at = [this](CURLINFO info) {
        curl_off_t us = 0;
        return curl_easy_getinfo(m_easy, info, &us) == CURLE_OK && us > 0 ? m_hopStartMs + double(us) / 1000.0 : -1.0;
    };
    m_result.dnsMs = at(CURLINFO_NAMELOOKUP_TIME_T);
    m_result.connectMs = at(CURLINFO_CONNECT_TIME_T);
    m_result.tlsMs = at(CURLINFO_APPCONNECT_TIME_T);
    m_result.firstByteMs = at(CURLINFO_STARTTRANSFER_TIME_T);
    m_result.totalMs = at(CURLINFO_TOTAL_TIME_T);
    if (m_result.totalMs < 0) {
        m_result.totalMs = double(m_clock.nsecsElapsed()) / 1e6;
    }
}

bool CurlProbe::finishHop(int curlCode)
{
    readTimings();
    const char *ip = nullptr;
    if (curl_easy_getinfo(m_easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip && *ip) {
        m_result.ip = QString::fromLatin1(ip);
    }
    curl_off_t connectUs = 0;
    if (curl_easy_getinfo(m_easy, CURLINFO_CONNECT_TIME_T, &connectUs) == CURLE_OK && connectUs > 0) {
        m_result.connected = true;
    }
    if (m_failure.isEmpty() && curlCode == CURLE_OK && followRedirect()) {
        return true;
    }
    if (m_failure.isEmpty() && curlCode != CURLE_OK) {
        m_failure = redact(transportError(curlCode));
    }
    finish();
    return false;
}

bool CurlProbe::nextHop()
{
    return setupHop();
}

bool CurlProbe::sameOrigin(const QUrl &a, const QUrl &b) const
{
    const auto defaultPort = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && defaultPort(a) == defaultPort(b);
}

bool CurlProbe::followRedirect()
{
    static const QList<int> redirects { 301, 302, 303, 307, 308 };
    const int status = m_result.httpStatus;
    const char *location = nullptr;
    if (m_request.endpoint.maxRedirects <= 0 || !redirects.contains(status)
        || curl_easy_getinfo(m_easy, CURLINFO_REDIRECT_URL, &location) != CURLE_OK || !location || !*location) {
        return false;
    }
    const QUrl target = QUrl::fromEncoded(QByteArray(location));
    ++m_redirects;
    if (m_currentUrl.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https")) {
        fail(tr("refused a redirect from https to %1 (%2)").arg(target.scheme(), target.toDisplayString()));
    } else if (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")) {
        fail(tr("refused a redirect to %1").arg(target.toDisplayString()));
    } else if (m_visited.contains(target)) {
        fail(tr("redirect loop: %1 was already visited").arg(target.toDisplayString()));
    } else if (m_redirects > m_request.endpoint.maxRedirects) {
        fail(tr("more than %n redirect(s)", nullptr, m_request.endpoint.maxRedirects));
    } else {
        const bool keepsBody = !(status == 303 || ((status == 301 || status == 302) && m_verb == "POST"));
        if (!sameOrigin(m_currentUrl, target) && keepsBody && !m_payload.isEmpty()
            && !TemplateText::names(m_request.endpoint.body).isEmpty()) {
            fail(tr("refused a redirect to another origin (%1): the request body holds a secret")
                     .arg(target.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toDisplayString()));
            return false;
        }
        if (!sameOrigin(m_currentUrl, target)) {
            m_dropCredentials = true; // for every later hop too, even one back to the first origin
        }
        m_visited.insert(target);
        m_currentUrl = target;
        if (!keepsBody) {
            m_verb = "GET";
            m_payload.clear();
        }
        return true;
    }
    return false;
}

QString CurlProbe::transportError(int curlCode) const
{
    const QString detail = QString::fromUtf8(m_errorBuffer.constData()).trimmed();
    const QString host = m_currentUrl.host();
    switch (curlCode) {
    case CURLE_OPERATION_TIMEDOUT:
        return tr("no complete answer within the %1 deadline").arg(Duration::format(m_request.endpoint.timeout));
    case CURLE_COULDNT_RESOLVE_HOST:
        return tr("Host %1 not found").arg(host);
    case CURLE_COULDNT_CONNECT: {
        long osError = 0;
        curl_easy_getinfo(m_easy, CURLINFO_OS_ERRNO, &osError);
        const QString where
            = u"%1:%2"_s.arg(host).arg(m_currentUrl.port(m_currentUrl.scheme() == u"https"_s ? 443 : 80));
        if (osError == ECONNREFUSED) {
            return tr("Connection refused (%1)").arg(where);
        }
        return tr("could not connect to %1: %2")
            .arg(where, osError ? QString::fromLocal8Bit(std::strerror(int(osError))) : detail);
    }
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_INVALIDCERTSTATUS:
        return tr("TLS handshake failed: %1").arg(detail);
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_WEIRD_SERVER_REPLY:
        if (detail.contains(QLatin1String("HTTP/0.9")) || curlCode == CURLE_WEIRD_SERVER_REPLY) {
            return tr("not an HTTP answer: the server did not start with an HTTP status line (another protocol on "
                      "this port, such as SSH?)");
        }
        return detail;
    case CURLE_RECV_ERROR:
        if (detail.contains(QLatin1String("chunked-encoding"))) {
            return tr("malformed framing: %1").arg(detail);
        }
        return tr("connection failed while receiving: %1").arg(detail);
    case CURLE_PARTIAL_FILE:
        return tr("connection closed before the whole body arrived (%1)").arg(detail);
    case CURLE_GOT_NOTHING:
        return tr("the connection closed before any answer; the request was not sent again");
    case CURLE_OUT_OF_MEMORY:
        if (m_result.httpStatus == 0) { // while reading headers: libcurl refused to grow a header line buffer
            return tr("a response header line larger than %1").arg(formatBytes(CURL_MAX_HTTP_HEADER));
        }
        return detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(CURLcode(curlCode))) : detail;
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return tr("HTTP/2 error: %1").arg(detail);
    default:
        return detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(CURLcode(curlCode))) : detail;
    }
}

void CurlProbe::fail(const QString &reason)
{
    if (m_failure.isEmpty()) {
        m_failure = redact(reason);
    }
}

void CurlProbe::abort(const QString &reason)
{
    fail(reason);
    if (m_easy) {
        readTimings();
    }
    finish();
}

void CurlProbe::finish()
{
    if (!m_failure.isEmpty()) {
        m_outcome = EndpointConditions::Outcome::TransportError;
        m_result.error = m_failure;
    }
    if (!m_result.certificateExpiry && m_tls->expiry) {
        m_result.certificateExpiry = m_tls->expiry;
    }
    if (m_result.certificateChain.isEmpty()) {
        m_result.certificateChain = m_tls->chain;
    }
    if (m_result.totalMs < 0) {
        m_result.totalMs = double(m_clock.nsecsElapsed()) / 1e6;
    }
}
