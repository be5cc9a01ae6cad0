// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importreport.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

// Reading Gatus YAML: merge keys (`<<: *defaults`, which yaml-cpp leaves as an ordinary key), positions (also
// inside a Kubernetes ConfigMap's embedded config) and Gatus's `$NAME` / `${NAME}` environment references.
namespace GatusYaml {

// Where a parsed document came from: positions inside it are shifted by the line and column where it starts.
struct Source
{
    QString file;
    int lineOffset = 0; // added to the 0-based line of a mark
    int columnOffset = 0;

    QString at(const YAML::Mark &mark) const;
};

// The key/value pairs of a mapping, its own first, then those merged in with `<<` (a mapping or a list of them),
// earlier merges winning, as YAML's merge key says.
std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node &map);
// The value of `key` in a mapping (merges included); a null handle when absent or when `map` is not a mapping.
YAML::Node field(const YAML::Node &map, const std::string &key);
QString scalar(const YAML::Node &map, const std::string &key);
// true/false of a scalar; `fallback` when absent or not a boolean.
bool flag(const YAML::Node &map, const std::string &key, bool fallback);

// A Go duration ("1m30s", "1.5h", "300ms") as an OpsDeck duration ("90s", "1h30m"); nullopt if not one.
std::optional<QString> duration(const QString &go);

// Gatus expands `$NAME` and `${NAME}` in the whole file before reading it; OpsDeck keeps `${NAME}` in templates
// and resolves it when a request is sent. Returns `text` with every reference written `${NAME}`, declaring each
// name in `result` (described as used by `where`).
QString envTemplate(const QString &text, const QString &where, ImportResult &result);
// The names of the environment references in `text` (none: empty).
QStringList envNames(const QString &text);

// "api gateway" + "Authorization" -> "API_GATEWAY_AUTHORIZATION": an environment variable name.
QString secretName(const QString &owner, const QString &what);
// Whether a header of that name carries a credential (Authorization, X-Api-Key, Cookie, ...).
bool sensitiveHeader(const QString &name);

} // namespace GatusYaml
