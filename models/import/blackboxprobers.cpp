// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The prober sections of a blackbox_exporter module (http, tcp, dns, icmp) as endpoint keys.
#include "import/blackboximporter.h"
#include "import/blackboxmodule.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace GatusYaml;

namespace {

QString text(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

bool isTrue(const YAML::Node &node)
{
    return node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "True");
}

QString placeholder(const QString &scheme, bool port)
{
    return u"%1://%2%3"_s.arg(scheme, BlackboxImporter::PlaceholderHost, port ? u":1"_s : QString());
}

// A `${` in a value would be read by the workspace as a secret reference; there is no way to write it literally.
bool writable(const QString &value)
{
    return !value.contains(u"${"_s);
}

} // namespace

bool BlackboxModule::bodyCondition(const YAML::Node &regexp, bool mustMatch, ImportedEndpoint &e)
{
    const std::optional<QString> p = pattern(text(regexp));
    if (!p) {
        return false;
    }
    e.conditions << u"[BODY] %1 pat(%2)"_s.arg(mustMatch ? u"=="_s : u"!="_s, *p);
    return true;
}

void BlackboxModule::readTls(const YAML::Node &tls, ImportedEndpoint &e, const QString &path)
{
    for (const auto &[k, v] : entries(tls)) {
        const QString key = text(k);
        if (key == u"insecure_skip_verify") {
            if (isTrue(v)) {
                m_why = QCoreApplication::translate("Importer",
                    "%1.insecure_skip_verify: OpsDeck never turns off TLS verification; trust the server's CA "
                    "with ca-file")
                            .arg(path);
            }
        } else if (key == u"ca_file" && writable(text(v))) {
            e.caFile = text(v);
        } else if (key == u"cert_file" || key == u"key_file" || key == u"cert" || key == u"key") {
            m_why = QCoreApplication::translate("Importer", "%1.%2: client certificates (mTLS) are not supported")
                        .arg(path, key);
        } else {
            dropKey(path + u'.' + key, k, QCoreApplication::translate("Importer", "no equivalent"));
        }
    }
}

void BlackboxModule::readHttp(const YAML::Node &http, ImportedEndpoint &e)
{
    QString scheme = u"https"_s;
    QStringList codes;
    for (const auto &[k, v] : entries(http)) {
        const QString key = text(k);
        const QString path = u"http."_s + key;
        if (key == u"method") {
            e.method = text(v).toUpper();
        } else if (key == u"body") {
            if (writable(text(v))) {
                e.body = text(v);
            } else {
                dropKey(path, k,
                    QCoreApplication::translate(
                        "Importer", "holds \"${\", which a workspace reads as a secret reference"));
            }
        } else if (key == u"headers" || key == u"http_headers") {
            for (const auto &[hk, hv] : entries(v)) {
                const QString header = text(hk);
                const YAML::Node values = key == u"headers" ? hv : field(hv, "values");
                const QString value = values.IsSequence() && values.size() == 1 ? text(values[0]) : text(values);
                if (sensitiveHeader(header)) {
                    secretHeader(e, header, QCoreApplication::translate("Importer", "the %1 header").arg(header), hk);
                } else if (!value.isEmpty() && writable(value) && (key == u"headers" || entries(hv).size() == 1)) {
                    e.headers.append({ header, value });
                } else {
                    dropKey(path + u'.' + header, hk,
                        QCoreApplication::translate(
                            "Importer", "only a header with one written value is carried over"));
                }
            }
        } else if (key == u"valid_status_codes" && v.IsSequence()) {
            for (const YAML::Node &c : v) {
                if (const int code = text(c).toInt(); code >= 100 && code <= 599) {
                    codes << QString::number(code);
                } else {
                    dropKey(path, c, QCoreApplication::translate("Importer", "not a status code: %1").arg(text(c)));
                }
            }
        } else if (key == u"follow_redirects") {
            if (!isTrue(v)) {
                e.maxRedirects = 0;
            }
        } else if (key == u"fail_if_ssl" || key == u"fail_if_not_ssl") {
            if (isTrue(v)) {
                scheme = key == u"fail_if_ssl" ? u"http"_s : u"https"_s;
            }
        } else if ((key == u"fail_if_body_matches_regexp" || key == u"fail_if_body_not_matches_regexp")
            && v.IsSequence()) {
            for (const YAML::Node &re : v) {
                if (!bodyCondition(re, key.contains(u"not"), e)) {
                    dropKey(path, re,
                        QCoreApplication::translate(
                            "Importer", "the regular expression %1 is not plain text; conditions match glob patterns")
                            .arg(text(re)));
                }
            }
        } else if (key == u"tls_config") {
            readTls(v, e, path);
        } else if (key == u"basic_auth") {
            secretHeader(e, u"Authorization"_s,
                QCoreApplication::translate("Importer", "\"Basic \" and the base64 of username:password"), k);
        } else if (key == u"bearer_token" || key == u"authorization") {
            secretHeader(
                e, u"Authorization"_s, QCoreApplication::translate("Importer", "\"Bearer \" and the token"), k);
        } else if (key == u"oauth2") {
            m_why = QCoreApplication::translate("Importer", "http.oauth2 is not supported");
        } else {
            dropKey(path, k, keyReason(key));
        }
    }
    if (codes.isEmpty()) {
        e.conditions.prepend(u"[STATUS] <= 299"_s);
        e.conditions.prepend(u"[STATUS] >= 200"_s);
    } else {
        e.conditions.prepend(codes.size() == 1 ? u"[STATUS] == %1"_s.arg(codes.first())
                                               : u"[STATUS] == any(%1)"_s.arg(codes.join(u", "_s)));
    }
    e.url = placeholder(scheme, false) + u'/';
}

void BlackboxModule::readQueryResponse(
    const YAML::Node &key, const YAML::Node &steps, ImportedEndpoint &e, QString *scheme)
{
    if (!steps.IsSequence()) {
        dropKey(u"tcp.query_response"_s, key, QCoreApplication::translate("Importer", "not a list"));
        return;
    }
    QStringList order; // "send", "expect", "starttls" per step
    bool plain = true;
    QString send;
    YAML::Node expect;
    for (const YAML::Node &step : steps) {
        for (const auto &[k, v] : entries(step)) {
            const QString what = text(k);
            order << what;
            if (what == u"send" && v.Tag() != "tag:yaml.org,2002:binary" && writable(text(v))) {
                send += text(v) + u'\n'; // blackbox sends each line with a newline
            } else if (what == u"expect") {
                expect = v;
            } else if (what != u"starttls" || !isTrue(v)) {
                plain = false;
            }
        }
    }
    const bool smtp = order.contains(u"starttls"_s) && send.contains(u"EHLO"_s, Qt::CaseInsensitive);
    if (smtp) {
        // OpsDeck's starttls:// speaks SMTP itself: greeting, EHLO, STARTTLS, handshake, EHLO.
        *scheme = u"starttls"_s;
        m_lost << QCoreApplication::translate(
            "Importer", "tcp.query_response: the SMTP exchange is OpsDeck's own (EHLO, STARTTLS)");
        return;
    }
    const QStringList simple[] = { { u"expect"_s }, { u"send"_s, u"expect"_s }, { u"send"_s } };
    if (plain && std::find(std::begin(simple), std::end(simple), order) != std::end(simple)) {
        e.body = send;
        if (!expect.IsDefined() || bodyCondition(expect, true, e)) {
            return;
        }
    }
    dropKey(u"tcp.query_response"_s, key,
        QCoreApplication::translate("Importer",
            "a dialogue of %n step(s): only one send followed by one plain-text expect is carried over; the "
            "endpoint checks the connection",
            nullptr, int(steps.size())));
    e.body.clear();
}

void BlackboxModule::readTcp(const YAML::Node &tcp, ImportedEndpoint &e)
{
    QString scheme = isTrue(field(tcp, "tls")) ? u"tls"_s : u"tcp"_s;
    for (const auto &[k, v] : entries(tcp)) {
        const QString key = text(k);
        if (key == u"tls") {
            continue;
        }
        if (key == u"tls_config") {
            readTls(v, e, u"tcp.tls_config"_s);
        } else if (key == u"query_response") {
            readQueryResponse(k, v, e, &scheme);
        } else {
            dropKey(u"tcp."_s + key, k, keyReason(key));
        }
    }
    e.url = placeholder(scheme, true);
}

void BlackboxModule::readDns(const YAML::Node &dns, ImportedEndpoint &e)
{
    static const QStringList types { u"A"_s, u"AAAA"_s, u"CNAME"_s, u"MX"_s, u"NS"_s, u"TXT"_s };
    e.dnsQueryName = scalar(dns, "query_name");
    e.dnsQueryType = scalar(dns, "query_type").toUpper();
    if (e.dnsQueryType.isEmpty()) {
        e.dnsQueryType = u"ANY"_s; // blackbox's default
    }
    if (e.dnsQueryName.isEmpty() || !writable(e.dnsQueryName)) {
        m_why = QCoreApplication::translate("Importer", "dns: no query_name");
        return;
    }
    if (!types.contains(e.dnsQueryType)) {
        m_why = QCoreApplication::translate("Importer", "dns.query_type %1 is not supported (%2)")
                    .arg(e.dnsQueryType, types.join(u", "_s));
        return;
    }
    QStringList rcodes;
    for (const auto &[k, v] : entries(dns)) {
        const QString key = text(k);
        if (key == u"query_name" || key == u"query_type") {
            continue;
        }
        if (key == u"valid_rcodes" && v.IsSequence()) {
            for (const YAML::Node &r : v) {
                rcodes << text(r).toUpper();
            }
        } else if (key == u"transport_protocol" && text(v) == u"udp") {
            continue;
        } else {
            dropKey(u"dns."_s + key, k, keyReason(key));
        }
    }
    if (rcodes.size() > 1) {
        e.conditions << u"[DNS_RCODE] == any(%1)"_s.arg(rcodes.join(u", "_s));
    } else {
        e.conditions << u"[DNS_RCODE] == %1"_s.arg(rcodes.value(0, u"NOERROR"_s));
    }
    e.url = placeholder(u"dns"_s, false);
}

void BlackboxModule::readIcmp(const YAML::Node &icmp, ImportedEndpoint &e)
{
    for (const auto &[k, v] : entries(icmp)) {
        dropKey(u"icmp."_s + text(k), k, keyReason(text(k)));
    }
    e.url = placeholder(u"icmp"_s, false);
}
