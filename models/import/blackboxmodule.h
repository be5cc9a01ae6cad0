// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/gatusyaml.h"

#include <QSet>

// One blackbox_exporter module -> an endpoint (see BlackboxImporter), or a skipped item with the reason. Every key
// it does not carry over is reported as a skipped "key" item at its position.
class BlackboxModule final
{
public:
    BlackboxModule(ImportResult &result, const GatusYaml::Source &source, QSet<QString> &usedNames);

    void read(const QString &name, const YAML::Node &nameNode, const YAML::Node &module);

    // A Go regular expression as an OpsDeck `pat(...)` pattern when it is plain text (optionally anchored with ^ or
    // $); nullopt when it uses other regular expression syntax.
    static std::optional<QString> pattern(const QString &regexp);
    // Why a key of a module or of its prober section is not carried over.
    static QString keyReason(const QString &key);

private:
    void readHttp(const YAML::Node &http, ImportedEndpoint &e);
    void readTcp(const YAML::Node &tcp, ImportedEndpoint &e);
    void readQueryResponse(const YAML::Node &key, const YAML::Node &steps, ImportedEndpoint &e, QString *scheme);
    void readDns(const YAML::Node &dns, ImportedEndpoint &e);
    void readIcmp(const YAML::Node &icmp, ImportedEndpoint &e);
    // tls_config; sets m_why when it turns verification off or needs a client certificate.
    void readTls(const YAML::Node &tls, ImportedEndpoint &e, const QString &path);
    // Body patterns of fail_if_body_(not_)matches_regexp and tcp `expect`: false when not plain text.
    bool bodyCondition(const YAML::Node &regexp, bool mustMatch, ImportedEndpoint &e);
    void secretHeader(ImportedEndpoint &e, const QString &header, const QString &hint, const YAML::Node &at);
    void dropKey(const QString &path, const YAML::Node &key, const QString &reason);
    QString where(const YAML::Node &node) const { return m_source.at(node.Mark()); }

    ImportResult &m_result;
    GatusYaml::Source m_source;
    QSet<QString> &m_used;
    QString m_module;
    QString m_why; // set when the module cannot become an endpoint
    QStringList m_lost; // said on the module's line
    QList<ImportItem> m_keys; // keys not carried over, reported when the module becomes an endpoint
};
