// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/tlspeer.h"

#include <curl/curl.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace {

std::optional<QDateTime> toDateTime(const ASN1_TIME *time)
{
    tm t {};
    if (!time || ASN1_TIME_to_tm(time, &t) != 1) {
        return std::nullopt;
    }
    return QDateTime(QDate(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday), QTime(t.tm_hour, t.tm_min, t.tm_sec), Qt::UTC);
}

QString subjectOf(X509 *certificate)
{
    BIO *bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, X509_get_subject_name(certificate), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QString subject = QString::fromUtf8(data, qsizetype(size));
    BIO_free(bio);
    return subject;
}

// The TlsPeer, held weakly by each TLS context (OpenSSL frees the holder with the context).
int peerIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(
        0, nullptr, nullptr, nullptr, [](void *, void *holder, CRYPTO_EX_DATA *, int, long, void *) {
            delete static_cast<std::weak_ptr<TlsPeer> *>(holder);
        });
    return index;
}

int onVerify(int preverified, X509_STORE_CTX *store)
{
    if (X509_STORE_CTX_get_error_depth(store) != 0) {
        return preverified;
    }
    auto *ssl = static_cast<SSL *>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto *holder
        = ssl ? static_cast<std::weak_ptr<TlsPeer> *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), peerIndex())) : nullptr;
    if (const auto peer = holder ? holder->lock() : nullptr) {
        X509 *leaf = X509_STORE_CTX_get_current_cert(store);
        peer->expiry = toDateTime(X509_get0_notAfter(leaf));
        if (peer->chain.isEmpty()) {
            peer->chain.append(subjectOf(leaf));
        }
    }
    return preverified;
}

CURLcode onSslContext(CURL *, void *sslContext, void *self)
{
    auto *peer = static_cast<TlsPeer *>(self);
    auto *context = static_cast<SSL_CTX *>(sslContext);
    SSL_CTX_set_ex_data(context, peerIndex(), new std::weak_ptr<TlsPeer>(peer->weak_from_this()));
    SSL_CTX_set_verify(context, SSL_CTX_get_verify_mode(context), &onVerify);
    // The ca-file adds to the system store (as Qt's addCaCertificates did), it does not replace it.
    if (!peer->caFile.isEmpty()
        && X509_STORE_load_file(SSL_CTX_get_cert_store(context), peer->caFile.constData()) != 1) {
        return CURLE_SSL_CACERT_BADFILE;
    }
    return CURLE_OK;
}

} // namespace

void TlsPeer::install(CURL *easy)
{
    curl_easy_setopt(easy, CURLOPT_SSL_CTX_FUNCTION, &onSslContext);
    curl_easy_setopt(easy, CURLOPT_SSL_CTX_DATA, this);
    if (!caFile.isEmpty()) {
        // A context of its own (not the multi handle's shared CA store), so this endpoint's CA trusts nothing else.
        curl_easy_setopt(easy, CURLOPT_CA_CACHE_TIMEOUT, 0L);
    }
}

void TlsPeer::read(CURL *easy)
{
    const curl_tlssessioninfo *info = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_TLS_SSL_PTR, &info) != CURLE_OK || !info
        || info->backend != CURLSSLBACKEND_OPENSSL || !info->internals) {
        return;
    }
    auto *ssl = static_cast<SSL *>(info->internals);
    if (X509 *leaf = SSL_get1_peer_certificate(ssl)) {
        expiry = toDateTime(X509_get0_notAfter(leaf));
        X509_free(leaf);
    }
    if (STACK_OF(X509) *sent = SSL_get_peer_cert_chain(ssl)) {
        chain.clear();
        for (int i = 0; i < sk_X509_num(sent); ++i) {
            chain.append(subjectOf(sk_X509_value(sent, i)));
        }
    }
}
