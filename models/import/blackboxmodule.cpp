// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/blackboxmodule.h"

#include "import/blackboximporter.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace GatusYaml;

QString BlackboxModule::keyReason(const QString &key)
{
    if (key.startsWith(u"proxy") || key == u"no_proxy" || key == u"skip_resolve_phase_with_proxy") {
        return QCoreApplication::translate("Importer", "proxies are not supported");
    }
    if (key == u"preferred_ip_protocol" || key == u"ip_protocol_fallback" || key == u"source_ip_address") {
        return QCoreApplication::translate("Importer", "the address family and source address are the system's choice");
    }
    if (key == u"valid_http_versions" || key == u"enable_http2" || key == u"enable_http3") {
        return QCoreApplication::translate("Importer", "the HTTP version is not checked");
    }
    if (key.startsWith(u"fail_if_header")) {
        return QCoreApplication::translate("Importer", "conditions cannot test response headers");
    }
    if (key.contains(u"cel")) {
        return QCoreApplication::translate("Importer", "CEL expressions are not supported");
    }
    if (key.startsWith(u"validate_") && key.endsWith(u"_rrs")) {
        return QCoreApplication::translate(
            "Importer", "DNS records are not matched; conditions read [DNS_RCODE] and [BODY] (the answers' values)");
    }
    if (key == u"transport_protocol") {
        return QCoreApplication::translate("Importer", "DNS queries go over UDP");
    }
    if (key == u"body_size_limit") {
        return QCoreApplication::translate("Importer", "set max-body on the endpoint instead");
    }
    return QCoreApplication::translate("Importer", "no equivalent");
}

namespace {

QString text(const YAML::Node &node)
{
    return node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

} // namespace

BlackboxModule::BlackboxModule(ImportResult &result, const Source &source, QSet<QString> &usedNames)
    : m_result(result)
    , m_source(source)
    , m_used(usedNames)
{ }

std::optional<QString> BlackboxModule::pattern(const QString &regexp)
{
    QString literal = regexp;
    const bool start = literal.startsWith(u'^');
    const bool end = literal.endsWith(u'$') && !literal.endsWith(u"\\$");
    literal = literal.mid(start ? 1 : 0, literal.size() - (start ? 1 : 0) - (end ? 1 : 0));
    static const QRegularExpression escaped(u"\\\\([.\\-/ :])"_s);
    literal.replace(escaped, u"\\1"_s);
    static const QRegularExpression special(u"[\\\\\\[\\](){}?*+|^$,\"']"_s);
    if (literal.isEmpty() || literal.contains(special)) {
        return std::nullopt;
    }
    return (start ? QString() : u"*"_s) + literal + (end ? QString() : u"*"_s);
}

void BlackboxModule::dropKey(const QString &path, const YAML::Node &key, const QString &reason)
{
    m_keys.append({ m_module + u'.' + path, where(key), QString(), reason, u"key"_s });
}

void BlackboxModule::secretHeader(ImportedEndpoint &e, const QString &header, const QString &hint, const YAML::Node &at)
{
    const QString name = u"BLACKBOX_"_s + secretName(e.name, header);
    e.headers.append({ header, u"${%1}"_s.arg(name) });
    m_result.declareSecret(
        name, QCoreApplication::translate("Importer", "%1 header of the blackbox module %2").arg(header, m_module));
    m_result.report.addTodo(QCoreApplication::translate(
        "Importer", "set %1 (%2 of module %3 at %4): in the environment or with opsdeck secret set %1")
                                .arg(name, hint, m_module, where(at)));
}

void BlackboxModule::read(const QString &name, const YAML::Node &nameNode, const YAML::Node &module)
{
    m_module = name;
    m_why.clear();
    m_lost.clear();
    m_keys.clear();
    const QString at = where(nameNode);
    ImportedEndpoint e;
    e.name = name;
    for (int n = 2; m_used.contains(e.name); ++n) {
        e.name = u"%1-%2"_s.arg(name).arg(n);
    }
    e.group = u"blackbox"_s;
    e.enabled = false;
    e.origin = at;
    const QString prober = scalar(module, "prober");
    if (!module.IsMap()) {
        m_why = QCoreApplication::translate("Importer", "not a mapping");
    }
    for (const auto &[k, v] : entries(module)) {
        const QString key = text(k);
        if (key == u"prober" || key == prober) {
            continue;
        }
        if (key == u"timeout") {
            if (const std::optional<QString> d = duration(text(v))) {
                e.timeout = *d;
            } else {
                dropKey(key, k, QCoreApplication::translate("Importer", "not a duration"));
            }
        } else if (key == u"http" || key == u"tcp" || key == u"dns" || key == u"icmp" || key == u"grpc"
            || key == u"unix" || key == u"websocket") {
            dropKey(key, k, QCoreApplication::translate("Importer", "the module's prober is %1").arg(prober));
        } else {
            dropKey(key, k, keyReason(key));
        }
    }
    const YAML::Node settings = field(module, prober.toStdString());
    if (!m_why.isEmpty()) {
    } else if (prober == u"http") {
        readHttp(settings, e);
    } else if (prober == u"tcp") {
        readTcp(settings, e);
    } else if (prober == u"dns") {
        readDns(settings, e);
    } else if (prober == u"icmp") {
        readIcmp(settings, e);
    } else if (prober == u"grpc" || prober == u"websocket" || prober == u"unix") {
        m_why = QCoreApplication::translate("Importer", "the %1 prober is not supported").arg(prober);
    } else if (prober.isEmpty()) {
        m_why = QCoreApplication::translate("Importer", "no prober");
    } else {
        m_why = QCoreApplication::translate("Importer", "unknown prober \"%1\"").arg(prober);
    }
    if (!m_why.isEmpty()) {
        m_result.report.skip(name, at, m_why, u"endpoint"_s);
        return;
    }
    m_used.insert(e.name);
    m_result.endpoints.append(e);
    m_result.report.created.append({ name, at, e.name, m_lost.join(u"; "_s), u"endpoint"_s });
    m_result.report.skipped += m_keys;
}
