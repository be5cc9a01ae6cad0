// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/httpprobe.h"

#include "secrets/secrets.h"
#include "workspace/duration.h"
#include "workspace/templatetext.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 readChunkBytes = 64 * 1024;

QString formatBytes(qint64 bytes)
{
    constexpr qint64 kib = 1024;
    constexpr qint64 mib = 1024 * 1024;
    if (bytes >= mib && bytes % mib == 0) {
        return HttpProbe::tr("%1 MiB").arg(bytes / mib);
    }
    if (bytes >= kib && bytes % kib == 0) {
        return HttpProbe::tr("%1 KiB").arg(bytes / kib);
    }
    return HttpProbe::tr("%1 bytes").arg(bytes);
}

const QList<QByteArray> &keptHeaders()
{
    static const QList<QByteArray> names { "content-type", "content-length", "content-encoding", "server", "location",
        "retry-after", "cache-control", "date", "www-authenticate" };
    return names;
}

// The request body as a device that can be read only once: Qt cannot rewind it, so it cannot re-send the request
// on its own after a closed connection (it fails with ContentReSendError instead).
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(const QByteArray &data)
        : m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

HttpProbe::HttpProbe(QNetworkAccessManager *nam, const Endpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_endpoint(endpoint)
{
    m_result.endpoint = endpoint.name;
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_replyDone) {
            complete(); // only the address lookup was still running
            return;
        }
        fail(tr("no complete answer within the %1 deadline").arg(Duration::format(m_endpoint.timeout)));
    });
}

HttpProbe::~HttpProbe()
{
    if (m_lookupPending) {
        QHostInfo::abortHostLookup(m_lookupId);
    }
    if (QNetworkReply *reply = m_reply.data()) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QString HttpProbe::resolveTemplate(const QString &text, QStringList *missing, QList<QPair<QString, QString>> *secrets)
{
    QString out = text;
    const QStringList names = TemplateText::names(text);
    for (const QString &name : names) {
        const QString reference = QLatin1String("${") + name + QLatin1Char('}');
        const std::optional<QString> found = Secrets::value(name);
        if (!found) {
            if (!missing->contains(name)) {
                missing->append(name);
            }
            continue;
        }
        const QString value = *found;
        out.replace(reference, value);
        if (value.size() >= 3) {
            secrets->append({ value, reference });
            secrets->append({ QString::fromLatin1(QUrl::toPercentEncoding(value)), reference });
        }
    }
    return out;
}

QString HttpProbe::redact(QString text) const
{
    return TemplateText::redact(std::move(text), m_secrets);
}

double HttpProbe::elapsedMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}

void HttpProbe::start()
{
    m_clock.start();
    m_result.startedAt = QDateTime::currentDateTimeUtc();
    QStringList missing;
    const QString url = resolveTemplate(m_endpoint.url, &missing, &m_secrets);
    QMap<QString, QString> headers;
    for (auto it = m_endpoint.headers.cbegin(); it != m_endpoint.headers.cend(); ++it) {
        headers.insert(it.key(), resolveTemplate(it.value(), &missing, &m_secrets));
    }
    const QString body = resolveTemplate(m_endpoint.body, &missing, &m_secrets);
    if (!missing.isEmpty()) {
        notSent(tr("%1; nothing was sent").arg(Secrets::describeMissing(missing)));
        return;
    }
    m_currentUrl = QUrl(url, QUrl::StrictMode);
    if (!m_currentUrl.isValid()
        || (m_currentUrl.scheme() != QLatin1String("http") && m_currentUrl.scheme() != QLatin1String("https"))) {
        notSent(tr("not an http or https URL: %1").arg(m_endpoint.url));
        return;
    }
    QNetworkRequest &request = m_request;
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_endpoint.caFile.isEmpty()) {
            const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_endpoint.caFile, QSsl::Pem);
            if (ca.isEmpty()) {
                notSent(tr("ca-file %1 holds no readable PEM certificate").arg(m_endpoint.caFile));
                return;
            }
            ssl.addCaCertificates(ca);
        }
        request.setSslConfiguration(ssl);
    }
    // Redirects are followed here, hop by hop, so that each one is checked before anything is sent.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("OpsDeck health check"));
    // Only an uncompressed body: a small compressed body can inflate without bound (a gzip bomb), and Qt 6.4's
    // decompression does not respect the reply's read buffer limit.
    request.setRawHeader("Accept-Encoding", "identity");
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    }
    m_ownEncoding = headers.contains(u"Accept-Encoding"_s) || headers.contains(u"accept-encoding"_s);
    m_visited.insert(m_currentUrl);

    if (m_resolveAddress) {
        const QHostAddress literal(m_currentUrl.host());
        if (!literal.isNull()) {
            m_result.ip = literal.toString();
        } else {
            m_lookupPending = true;
            m_lookupId = QHostInfo::lookupHost(m_currentUrl.host(), this, [this](const QHostInfo &info) {
                m_lookupPending = false;
                if (!info.addresses().isEmpty()) {
                    m_result.ip = info.addresses().constFirst().toString();
                }
                if (m_replyDone) {
                    complete();
                }
            });
        }
    }

    m_verb = m_endpoint.method.toUpper().toLatin1();
    m_payload = body.toUtf8();
    m_deadline.start(m_endpoint.timeout);
    send();
}

void HttpProbe::send()
{
    m_request.setUrl(m_currentUrl);
    if (m_sendOnce) {
        auto *body = new OneShotBody(m_payload);
        m_request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        m_request.setHeader(QNetworkRequest::ContentLengthHeader, m_payload.size());
        m_reply = m_nam->sendCustomRequest(m_request, m_verb, body);
        body->setParent(m_reply);
    } else {
        m_reply = m_verb == "GET" && m_payload.isEmpty() ? m_nam->get(m_request)
                                                         : m_nam->sendCustomRequest(m_request, m_verb, m_payload);
    }
    // Bounds what Qt buffers for us between two reads, whatever the server sends. (Through a plain pointer: GCC's
    // -O2 null analysis flags a QPointer dereference even right after a check.)
    QNetworkReply *reply = m_reply.data();
    if (!reply) {
        notSent(tr("Qt could not create the request; nothing was sent"));
        return;
    }
    reply->setReadBufferSize(readChunkBytes);
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this, [this] { m_connectStartMs = elapsedMs(); });
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        if (m_connectStartMs >= 0 && m_result.connectMs < 0 && m_currentUrl.scheme() == QLatin1String("http")) {
            m_result.connectMs = elapsedMs();
        }
        m_result.connected = true;
    });
    connect(m_reply, &QNetworkReply::encrypted, this, [this] {
        m_result.connected = true;
        if (m_result.tlsMs < 0) {
            m_result.tlsMs = elapsedMs();
        }
        const QSslCertificate peer = m_reply->sslConfiguration().peerCertificate();
        if (!peer.isNull()) {
            m_result.certificateExpiry = peer.expiryDate();
        }
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpProbe::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpProbe::onReadyRead);
    connect(m_reply, &QNetworkReply::sslErrors, this, &HttpProbe::onSslErrors);
    connect(m_reply, &QNetworkReply::finished, this, &HttpProbe::onReplyFinished);
}

void HttpProbe::notSent(const QString &reason)
{
    m_outcome = EndpointConditions::Outcome::NotSent;
    m_result.error = redact(reason);
    m_replyDone = true;
    QMetaObject::invokeMethod(this, &HttpProbe::complete, Qt::QueuedConnection);
}

void HttpProbe::abort(const QString &reason)
{
    fail(reason);
}

void HttpProbe::fail(const QString &reason)
{
    if (m_replyDone || !m_failure.isEmpty()) {
        return;
    }
    m_failure = redact(reason);
    if (QNetworkReply *reply = m_reply.data()) {
        reply->abort(); // emits finished() -> onReplyFinished()
    } else {
        m_replyDone = true;
        complete();
    }
}

void HttpProbe::onMetaData()
{
    if (m_result.firstByteMs < 0) {
        m_result.firstByteMs = elapsedMs();
    }
    const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (!m_ownEncoding && !encoding.isEmpty() && encoding != "identity") {
        fail(tr("body refused: it is %1-encoded although only an uncompressed body was accepted")
                 .arg(QString::fromLatin1(encoding)));
        return;
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    bool ok = false;
    const qint64 declared = length.toLongLong(&ok);
    if (ok && declared > m_endpoint.maxBodyBytes) {
        m_result.bodyTruncated = true;
        fail(tr("body larger than the %1 cap (Content-Length: %2)")
                 .arg(formatBytes(m_endpoint.maxBodyBytes))
                 .arg(declared));
    }
}

void HttpProbe::onReadyRead()
{
    if (m_result.firstByteMs < 0) {
        m_result.firstByteMs = elapsedMs();
    }
    for (QNetworkReply *reply = m_reply.data(); reply && reply->bytesAvailable() > 0 && m_failure.isEmpty();
         reply = m_reply.data()) {
        const qint64 room = m_endpoint.maxBodyBytes - m_result.body.size();
        const QByteArray chunk = reply->read(std::min<qint64>(readChunkBytes, room + 1));
        if (chunk.isEmpty()) {
            break;
        }
        if (chunk.size() > room) {
            m_result.body.append(chunk.left(room));
            m_result.bodyTruncated = true;
            fail(tr("body larger than the %1 cap").arg(formatBytes(m_endpoint.maxBodyBytes)));
            return;
        }
        m_result.body.append(chunk);
    }
}

// A connection reset after part of the body can reach us as a plain end of the reply; the declared length tells.
void HttpProbe::checkBodyComplete(int status)
{
    if (m_reply->error() != QNetworkReply::NoError || m_endpoint.method.compare(u"HEAD", Qt::CaseInsensitive) == 0
        || status == 204 || status == 304 || m_reply->hasRawHeader("Content-Encoding")) {
        return; // no body expected, or its length counts compressed bytes
    }
    bool ok = false;
    const qint64 declared = m_reply->rawHeader("Content-Length").trimmed().toLongLong(&ok);
    if (ok && m_result.body.size() < declared) {
        m_failure = tr("connection closed after %1 of the %2 bytes the server announced (Content-Length)")
                        .arg(m_result.body.size())
                        .arg(declared);
    }
}

QString HttpProbe::leaveOrigin(const QUrl &target, int status)
{
    const auto port = [](const QUrl &u) { return u.port(u.scheme() == QLatin1String("https") ? 443 : 80); };
    const bool same = target.scheme() == m_currentUrl.scheme()
        && target.host().compare(m_currentUrl.host(), Qt::CaseInsensitive) == 0 && port(target) == port(m_currentUrl);
    if (same) {
        return {};
    }
    const bool keepsBody = !(status == 303 || ((status == 301 || status == 302) && m_verb == "POST"));
    if (keepsBody && !m_payload.isEmpty() && !TemplateText::names(m_endpoint.body).isEmpty()) {
        return tr("refused a redirect to another origin (%1): the request body holds a secret")
            .arg(target.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toDisplayString());
    }
    // Another origin gets no credentials: neither the usual headers nor any the file fills from a secret, on this hop
    // and every later one (they are not put back).
    for (const char *name : { "Authorization", "Proxy-Authorization", "Cookie" }) {
        m_request.setRawHeader(QByteArray(name), QByteArray());
    }
    for (auto it = m_endpoint.headers.cbegin(); it != m_endpoint.headers.cend(); ++it) {
        if (!TemplateText::names(it.value()).isEmpty()) {
            m_request.setRawHeader(it.key().toUtf8(), QByteArray());
        }
    }
    return {};
}

bool HttpProbe::followRedirect(int status)
{
    static const QList<int> redirects { 301, 302, 303, 307, 308 };
    const QByteArray location = m_reply->rawHeader("Location");
    if (m_endpoint.maxRedirects <= 0 || !redirects.contains(status) || location.isEmpty()) {
        return false;
    }
    const QUrl target = m_currentUrl.resolved(QUrl::fromEncoded(location));
    ++m_redirects;
    if (m_currentUrl.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https")) {
        m_failure
            = redact(tr("refused a redirect from https to %1 (%2)").arg(target.scheme(), target.toDisplayString()));
    } else if (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")) {
        m_failure = redact(tr("refused a redirect to %1").arg(target.toDisplayString()));
    } else if (m_visited.contains(target)) {
        m_failure = redact(tr("redirect loop: %1 was already visited").arg(target.toDisplayString()));
    } else if (m_redirects > m_endpoint.maxRedirects) {
        m_failure = tr("more than %n redirect(s)", nullptr, m_endpoint.maxRedirects);
    } else if (const QString refused = leaveOrigin(target, status); !refused.isEmpty()) {
        m_failure = refused;
    } else {
        m_visited.insert(target);
        m_currentUrl = target;
        if (status == 303 || ((status == 301 || status == 302) && m_verb == "POST")) {
            m_verb = "GET";
            m_payload.clear();
        }
        m_result.body.clear();
        m_result.bodyTruncated = false;
        m_result.firstByteMs = -1;
        m_reply->disconnect(this);
        m_reply->deleteLater();
        send();
        return true;
    }
    return false;
}

void HttpProbe::onSslErrors(const QList<QSslError> &errors)
{
    for (const QSslError &error : errors) {
        m_sslErrors.append(error.errorString());
        if (!m_result.certificateExpiry && !error.certificate().isNull()) {
            m_result.certificateExpiry = error.certificate().expiryDate();
        }
    }
    // Never ignored: the handshake fails and onReplyFinished() names these errors.
}

bool HttpProbe::isHttpStatusError(int code)
{
    // QNetworkReply's codes that only mirror an HTTP status (4xx, 5xx) rather than a transport failure.
    return (code >= QNetworkReply::ContentAccessDenied && code <= QNetworkReply::UnknownContentError)
        || (code >= QNetworkReply::InternalServerError && code <= QNetworkReply::UnknownServerError)
        || code == QNetworkReply::ProtocolInvalidOperationError;
}

void HttpProbe::onReplyFinished()
{
    if (m_replyDone) {
        return;
    }
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_failure.isEmpty() && m_reply->error() == QNetworkReply::NoError && followRedirect(status.toInt())) {
        return;
    }
    m_replyDone = true;
    m_result.totalMs = elapsedMs();
    QNetworkReply *reply = m_reply;
    if (m_failure.isEmpty()) {
        onReadyRead(); // whatever is still buffered
        checkBodyComplete(status.toInt());
    }
    if (status.isValid()) {
        m_result.httpStatus = status.toInt();
        m_result.connected = true;
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &pair : pairs) {
            const QByteArray name = pair.first.toLower();
            if (keptHeaders().contains(name)) {
                m_result.headers.insert(QString::fromLatin1(name), redact(QString::fromUtf8(pair.second)));
            }
        }
    }
    if (!m_failure.isEmpty()) {
        m_outcome = EndpointConditions::Outcome::TransportError;
        m_result.error = m_failure;
    } else if (reply->error() == QNetworkReply::ContentReSendError) {
        m_outcome = EndpointConditions::Outcome::TransportError;
        m_result.error = tr("the connection closed before any answer; the request was not sent again");
    } else if (reply->error() == QNetworkReply::SslHandshakeFailedError && !m_sslErrors.isEmpty()) {
        m_outcome = EndpointConditions::Outcome::TransportError;
        m_result.error = tr("TLS handshake failed: %1").arg(m_sslErrors.join(QLatin1String("; ")));
    } else if (reply->error() != QNetworkReply::NoError
        && !(status.toInt() >= 400 && isHttpStatusError(reply->error()))) {
        m_outcome = EndpointConditions::Outcome::TransportError;
        m_result.error = redact(reply->errorString());
        if (reply->error() == QNetworkReply::HostNotFoundError) {
            m_result.connected = false;
        }
    }
    if (m_result.error.isEmpty() && m_currentUrl.scheme() == QLatin1String("https") && !m_result.certificateExpiry) {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (!peer.isNull()) {
            m_result.certificateExpiry = peer.expiryDate();
        }
    }
    reply->disconnect(this);
    reply->deleteLater();
    m_reply = nullptr;
    if (!m_lookupPending || !m_result.error.isEmpty()) {
        complete();
    }
}

void HttpProbe::complete()
{
    if (m_completed) {
        return;
    }
    m_completed = true;
    m_deadline.stop();
    if (m_result.totalMs < 0 && m_outcome != EndpointConditions::Outcome::NotSent) {
        m_result.totalMs = elapsedMs();
    }
    Q_EMIT finished();
}
