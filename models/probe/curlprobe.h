// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/endpointconditions.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QSet>
#include <QUrl>

#include <memory>
#include <utility>

typedef void CURL;
struct TlsPeer;

// What one probe sends, with every ${NAME} resolved. Built on the caller's thread (secrets are looked up there),
// then handed to the transport's thread.
struct CurlRequest
{
    Endpoint endpoint;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QSet<QByteArray> templatedHeaders; // lower-case names whose value came from a ${NAME}
    QByteArray body;
    QList<QPair<QString, QString>> secrets; // resolved value, reference (for redaction)
    QString notSent; // not empty: nothing can be sent, and why
};

// One HTTP(S) probe on one libcurl easy handle, defended against hostile servers: one overall deadline across
// redirects, a body cap (the probe fails, the body is not cut silently), a cap on all response header bytes,
// redirects followed here hop by hop (bounded, never https to http, never to another scheme, credentials and
// templated headers dropped when the origin changes), TLS verified against the system store plus the endpoint's
// ca-file, the peer certificate's expiry, HTTP/2 where TLS offers it, strict framing and no retries of a request
// that is not idempotent. Lives on the transport's thread; never touches Qt's event loop.
class CurlProbe final
{
    Q_DECLARE_TR_FUNCTIONS(CurlProbe)

public:
    static constexpr qint64 maxHeaderBytes = 64 * 1024;

    explicit CurlProbe(CurlRequest request);
    ~CurlProbe();
    CurlProbe(const CurlProbe &) = delete;
    CurlProbe &operator=(const CurlProbe &) = delete;

    static CurlRequest prepare(const Endpoint &endpoint);

    CURL *handle() const { return m_easy; }
    // Sets the handle up for the first request, on `reuse` (an easy handle another probe has released) or a new
    // one; false if it could not be (the result is final then).
    bool begin(CURL *reuse = nullptr);
    // After the result is final and the handle is out of the multi handle: hands the easy handle over for reuse.
    CURL *releaseHandle() { return std::exchange(m_easy, nullptr); }
    // After curl finished a transfer (still in the multi handle): takes what it learned. True if a redirect is
    // to be followed: remove the handle, call nextHop(), add it again if that returns true (else the result is final).
    bool finishHop(int curlCode);
    bool nextHop();
    // Ends the probe with `reason` as its transport error (the handle must be out of the multi handle).
    void abort(const QString &reason);

    const ProbeResult &result() const { return m_result; }
    EndpointConditions::Outcome outcome() const { return m_outcome; }

private:
    static size_t onHeader(char *data, size_t size, size_t count, void *self);
    static size_t onBody(char *data, size_t size, size_t count, void *self);

    bool setupHop();
    bool headerLine(QByteArrayView line);
    bool headersDone();
    bool followRedirect();
    void readTimings();
    void readPeerCertificate();
    QString transportError(int curlCode) const;
    void fail(const QString &reason);
    void finish();
    QString redact(QString text) const;
    bool sameOrigin(const QUrl &a, const QUrl &b) const;

    CurlRequest m_request;
    CURL *m_easy = nullptr;
    struct curl_slist *m_headerList = nullptr;
    std::shared_ptr<TlsPeer> m_tls;
    QElapsedTimer m_clock;
    ProbeResult m_result;
    EndpointConditions::Outcome m_outcome = EndpointConditions::Outcome::Response;
    QByteArray m_verb;
    QByteArray m_payload;
    QByteArray m_urlBytes;
    QUrl m_currentUrl;
    QSet<QUrl> m_visited;
    QString m_failure;
    QByteArray m_errorBuffer;
    QList<qint64> m_contentLengths; // of the current response
    QByteArray m_contentEncoding;
    QMap<QString, QString> m_headers; // of the current response
    double m_hopStartMs = 0;
    qint64 m_headerBytes = 0;
    int m_redirects = 0;
    bool m_dropCredentials = false;
    bool m_ownEncoding = false;
};
