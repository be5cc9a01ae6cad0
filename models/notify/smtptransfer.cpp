// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/smtptransfer.h"

#include <cstring>
#include <curl/curl.h>
#include <memory>
#include <openssl/ssl.h>

namespace {

struct Upload
{
    const QByteArray *message;
    qsizetype offset = 0;
    const std::atomic_bool *cancel;
    QByteArray caFile;
};

size_t readMessage(char *buffer, size_t size, size_t count, void *data)
{
    auto *upload = static_cast<Upload *>(data);
    const size_t room = size * count;
    const size_t left = size_t(upload->message->size() - upload->offset);
    const size_t n = qMin(room, left);
    std::memcpy(buffer, upload->message->constData() + upload->offset, n);
    upload->offset += qsizetype(n);
    return n;
}

int progress(void *data, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *upload = static_cast<Upload *>(data);
    return upload->cancel && upload->cancel->load() ? 1 : 0;
}

CURLcode sslContext(CURL *, void *context, void *data)
{
    // The ca-file adds to the system store, as for endpoints.
    const auto *upload = static_cast<Upload *>(data);
    if (!upload->caFile.isEmpty()
        && X509_STORE_load_file(SSL_CTX_get_cert_store(static_cast<SSL_CTX *>(context)), upload->caFile.constData())
            != 1) {
        return CURLE_SSL_CACERT_BADFILE;
    }
    return CURLE_OK;
}

bool transientCode(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_WEIRD_SERVER_REPLY:
        return true;
    default:
        return false;
    }
}

} // namespace

SmtpOutcome SmtpTransfer::send(
    const SmtpEnvelope &envelope, const QByteArray &message, int timeoutMs, const std::atomic_bool *cancel)
{
    SmtpOutcome out;
    const bool implicitTls = envelope.url.startsWith("smtps://");
    if (!implicitTls && !envelope.starttls && (!envelope.username.isEmpty() || !envelope.password.isEmpty())) {
        out.reason = tr("refused to send the login in clear text: remove starttls: false or the login");
        return out;
    }
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> easy(curl_easy_init(), &curl_easy_cleanup);
    if (!easy) {
        out.reason = tr("libcurl could not start a transfer");
        out.transient = true;
        return out;
    }
    CURL *c = easy.get();
    Upload upload { &message, 0, cancel, envelope.caFile };
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(nullptr, &curl_slist_free_all);
    for (const QByteArray &to : envelope.to) {
        const QByteArray address = '<' + to + '>';
        rcpt.reset(curl_slist_append(rcpt.release(), address.constData()));
    }
    char error[CURL_ERROR_SIZE] = {};
    const QByteArray from = QByteArray(1, '<') + envelope.from + '>';
    curl_easy_setopt(c, CURLOPT_URL, envelope.url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(qMax(1, timeoutMs)));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, long(qMax(1, timeoutMs)));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &readMessage);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, &progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &upload);
    curl_easy_setopt(c, CURLOPT_SSL_CTX_FUNCTION, &sslContext);
    curl_easy_setopt(c, CURLOPT_SSL_CTX_DATA, &upload);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!implicitTls) {
        curl_easy_setopt(c, CURLOPT_USE_SSL, long(envelope.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    }
    if (!envelope.username.isEmpty() || !envelope.password.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, envelope.username.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, envelope.password.constData());
    }
    const CURLcode code = curl_easy_perform(c);
    long reply = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
    out.reply = int(reply);
    if (code == CURLE_OK) {
        out.ok = true;
        return out;
    }
    const QString detail = QString::fromUtf8(error[0] ? error : curl_easy_strerror(code)).trimmed();
    switch (code) {
    case CURLE_USE_SSL_FAILED:
        out.reason = tr("the server does not offer STARTTLS; nothing was sent");
        break;
    case CURLE_LOGIN_DENIED:
        out.reason = tr("login refused (SMTP %1)").arg(reply);
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
        out.reason = tr("TLS failed: %1").arg(detail);
        break;
    case CURLE_ABORTED_BY_CALLBACK:
        out.reason = tr("stopped");
        break;
    case CURLE_OPERATION_TIMEDOUT:
        out.reason = tr("no answer within the deadline (%1)").arg(detail);
        break;
    default:
        out.reason = reply > 0 ? tr("SMTP %1: %2").arg(reply).arg(detail) : detail;
        break;
    }
    // 4xx replies are the server's "try again later"; 5xx and TLS or login failures will not change.
    out.transient = transientCode(code) || (reply >= 400 && reply < 500);
    if (reply >= 500 || code == CURLE_LOGIN_DENIED) {
        out.transient = false;
    }
    return out;
}
