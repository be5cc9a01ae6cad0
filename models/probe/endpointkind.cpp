// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/endpointkind.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace EndpointKinds {

EndpointKind of(const QString &url)
{
    const QString scheme = url.section(u':', 0, 0).toLower();
    if (scheme == u"tcp"_s) {
        return EndpointKind::Tcp;
    }
    if (scheme == u"tls"_s) {
        return EndpointKind::Tls;
    }
    if (scheme == u"starttls"_s) {
        return EndpointKind::StartTls;
    }
    if (scheme == u"dns"_s) {
        return EndpointKind::Dns;
    }
    if (scheme == u"icmp"_s) {
        return EndpointKind::Icmp;
    }
    return EndpointKind::Http;
}

QString name(EndpointKind kind)
{
    switch (kind) {
    case EndpointKind::Http:
        break;
    case EndpointKind::Tcp:
        return u"tcp"_s;
    case EndpointKind::Tls:
        return u"tls"_s;
    case EndpointKind::StartTls:
        return u"starttls"_s;
    case EndpointKind::Dns:
        return u"dns"_s;
    case EndpointKind::Icmp:
        return u"icmp"_s;
    }
    return u"http"_s;
}

bool isKnownScheme(const QString &scheme)
{
    static const QStringList schemes { u"http"_s, u"https"_s, u"tcp"_s, u"tls"_s, u"starttls"_s, u"dns"_s, u"icmp"_s };
    return schemes.contains(scheme.toLower());
}

QStringList dnsQueryTypes()
{
    return { u"A"_s, u"AAAA"_s, u"CNAME"_s, u"MX"_s, u"NS"_s, u"TXT"_s };
}

bool applies(EndpointKind kind, Condition::Placeholder placeholder)
{
    using P = Condition::Placeholder;
    switch (placeholder) {
    case P::Status:
        return kind == EndpointKind::Http;
    case P::DnsRcode:
        return kind == EndpointKind::Dns;
    case P::Body:
        return kind == EndpointKind::Http || kind == EndpointKind::Tcp || kind == EndpointKind::Tls
            || kind == EndpointKind::Dns;
    case P::CertificateExpiration:
        return kind == EndpointKind::Http || kind == EndpointKind::Tls || kind == EndpointKind::StartTls;
    case P::Ip:
        return kind != EndpointKind::Dns;
    case P::ResponseTime:
    case P::Connected:
    case P::DomainExpiration:
    case P::Context:
        break;
    }
    return true;
}

QString defaultCondition(EndpointKind kind)
{
    switch (kind) {
    case EndpointKind::Http:
        return {};
    case EndpointKind::Dns:
        return u"[DNS_RCODE] == NOERROR"_s;
    case EndpointKind::Tcp:
    case EndpointKind::Tls:
    case EndpointKind::StartTls:
    case EndpointKind::Icmp:
        break;
    }
    return u"[CONNECTED] == true"_s;
}

QString checkUrl(EndpointKind kind, const QString &url)
{
    if (kind == EndpointKind::Http || url.contains(u"${"_s)) {
        return {};
    }
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()) {
        return QCoreApplication::translate("EndpointKinds", "no host in \"%1\"").arg(url);
    }
    if (!parsed.path().isEmpty() && parsed.path() != u"/"_s) {
        return QCoreApplication::translate("EndpointKinds", "\"%1\" has a path; %2:// takes only a host and port")
            .arg(url, name(kind));
    }
    const bool portRequired = kind == EndpointKind::Tcp || kind == EndpointKind::Tls || kind == EndpointKind::StartTls;
    if (portRequired && parsed.port() <= 0) {
        return QCoreApplication::translate("EndpointKinds", "no port in \"%1\"; %2:// needs host:port")
            .arg(url, name(kind));
    }
    if (kind == EndpointKind::Icmp && parsed.port() > 0) {
        return QCoreApplication::translate("EndpointKinds", "\"%1\" has a port; icmp:// takes only a host").arg(url);
    }
    return {};
}

} // namespace EndpointKinds
