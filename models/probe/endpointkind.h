// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/condition.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// What an endpoint's url: asks for, by its scheme (Gatus's URL forms): http(s)://, tcp://host:port,
// tls://host:port, starttls://host:port (SMTP), dns://server[:port] with a dns: query, icmp://host.
enum class EndpointKind { Http, Tcp, Tls, StartTls, Dns, Icmp };

namespace EndpointKinds {
EndpointKind of(const QString &url); // Http for http(s) and anything unknown (the loader reports those)
QString name(EndpointKind kind); // "http", "tcp", ... (untranslated, for --json)
bool isKnownScheme(const QString &scheme);
QStringList dnsQueryTypes(); // A, AAAA, CNAME, MX, NS, TXT
// Whether `placeholder` means something for this kind; [STATUS] only for http, [DNS_RCODE] only for dns.
bool applies(EndpointKind kind, Condition::Placeholder placeholder);
// The condition used when an endpoint of this kind has none: empty for http.
QString defaultCondition(EndpointKind kind);
// Checks url (host, port) for a non-http kind: empty if fine, else what is wrong.
QString checkUrl(EndpointKind kind, const QString &url);
} // namespace EndpointKinds
