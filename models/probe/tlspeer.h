// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <memory>
#include <optional>

typedef void CURL;

// What the TLS layer saw of the peer, for one libcurl easy handle (https, tls://, starttls://). Shared with
// OpenSSL's context, which may outlive the probe.
struct TlsPeer : std::enable_shared_from_this<TlsPeer>
{
    std::optional<QDateTime> expiry; // the leaf's notAfter
    QStringList chain; // subjects (RFC 2253), leaf first
    QByteArray caFile; // added to the system store for this handle only

    // Hooks into the handle's TLS context: the ca-file, and the leaf's expiry kept even when verification fails
    // (so that an expired certificate shows its date).
    void install(CURL *easy);
    // From the handle's live TLS connection: the leaf's expiry and the chain. Also right on a reused connection.
    void read(CURL *easy);
};
