// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the workspace loader: reads yaml-cpp nodes into values, reporting every problem with its position
// and key path instead of stopping at the first.

#include "workspace/diagnostic.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QHash>

#include <initializer_list>
#include <yaml-cpp/yaml.h>

// A node with the key path that leads to it and the position to report it at (for an empty value such as
// `url:` that is the key's position: yaml-cpp puts empty values where the next token starts).
struct YamlValue
{
    YAML::Node node;
    YAML::Mark mark;
    QString path;

    explicit operator bool() const { return node.IsDefined(); }
    bool isNull() const { return node.IsDefined() && node.IsNull(); }
};

// Something one section names in another (e.g. a KPI's source endpoint), checked once all sections are read.
struct PendingReference
{
    enum class Target { Endpoint, Kpi, Runbook, Secret };
    Target target;
    QString name;
    YAML::Mark mark;
    QString path;
    bool overHttp = false; // an endpoint a runbook step probes itself, over HTTP
};

class YamlReader final
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    enum Need { Optional, Required };
    using Keys = std::initializer_list<const char *>;

    explicit YamlReader(const QString &fileName);

    QList<Diagnostic> diagnostics;
    QStringList secretNames; // every ${NAME} read through templateString(), in order of first use
    QList<PendingReference> references;
    QList<PendingReference> secretUses; // every ${NAME} read through templateString(), where it is written
    QList<PendingReference> secretDeclarations; // the names of the secrets list, where they are written

    void report(Diagnostic::Severity severity, const YAML::Mark &mark, const QString &path, const QString &message);
    void error(const YamlValue &at, const QString &message);
    void warning(const YamlValue &at, const QString &message);

    static YamlValue root(const YAML::Node &document);
    static SourcePos pos(const YamlValue &value);
    static QString describe(const YAML::Node &node);
    static QString childPath(const QString &path, const QString &key);

    // A mapping (an empty value counts as an empty one): warns about unknown keys and Gatus keys OpsDeck ignores,
    // reports repeated keys. False (after reporting) if it is something else.
    bool expectMap(const YamlValue &value, Keys known, Keys gatusIgnored = {});
    // The items of a list (an empty value counts as an empty list); reports anything else.
    QList<YamlValue> listItems(const YamlValue &value);
    // map[key]; a missing Required key is reported at the map.
    YamlValue get(const YamlValue &map, const char *key, Need need = Optional);
    bool has(const YamlValue &map, const char *key) const;

    std::optional<QString> string(const YamlValue &value, Need need = Optional);
    std::optional<QString> templateString(const YamlValue &value, Need need = Optional);
    std::optional<LocalizedText> text(const YamlValue &value, Need need = Optional);
    std::optional<Milliseconds> duration(const YamlValue &value, bool positive = false);
    std::optional<double> number(const YamlValue &value);
    std::optional<int> integer(const YamlValue &value, int min, int max);
    std::optional<bool> boolean(const YamlValue &value);
    std::optional<QString> choice(const YamlValue &value, const QStringList &choices);
    std::optional<QTime> time(const YamlValue &value);
    std::optional<QStringList> stringList(const YamlValue &value, bool templates = false);
    std::optional<QMap<QString, QString>> stringMap(const YamlValue &value, bool templates = false);

    // map[key] into `out` when present and valid; true if something was stored.
    bool readString(const YamlValue &map, const char *key, QString &out, Need need = Optional);
    bool readTemplate(const YamlValue &map, const char *key, QString &out, Need need = Optional);
    bool readText(const YamlValue &map, const char *key, LocalizedText &out, Need need = Optional);
    bool readDuration(const YamlValue &map, const char *key, Milliseconds &out, bool positive = false);
    bool readNumber(const YamlValue &map, const char *key, std::optional<double> &out);
    bool readInt(const YamlValue &map, const char *key, int &out, int min, int max);
    bool readBool(const YamlValue &map, const char *key, bool &out);
    bool readChoice(const YamlValue &map, const char *key, QString &out, const QStringList &choices);
    bool readStringList(const YamlValue &map, const char *key, QStringList &out, bool templates = false);
    bool readHeaders(const YamlValue &map, const char *key, QMap<QString, QString> &out);

    std::optional<QString> httpMethod(const YamlValue &value);
    void checkHttpUrl(const YamlValue &at, const QString &url);

    // Reports `id` if `seen` has it (message: %1 = id, %2 = line of the first), else remembers it.
    void checkUnique(QHash<QString, int> &seen, const QString &id, const YamlValue &at, const QString &message);
    // Reads a required id and checks it is unique.
    bool readId(const YamlValue &map, const char *key, QString &out, QHash<QString, int> &seen,
        const QString &duplicateMessage);
    void reference(PendingReference::Target target, const YamlValue &at, const QString &name);

private:
    bool checkMap(const YamlValue &value, Keys known, Keys gatusIgnored, bool anyKey);

    QString m_fileName;
};
