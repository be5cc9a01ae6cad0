// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/yamlreader.h"

#include "workspace/duration.h"
#include "workspace/templatetext.h"
#include "workspace/timeofday.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool contains(YamlReader::Keys keys, const QString &key)
{
    return std::any_of(keys.begin(), keys.end(), [&](const char *k) { return key == QLatin1String(k); });
}

} // namespace

YamlReader::YamlReader(const QString &fileName)
    : m_fileName(fileName)
{ }

void YamlReader::report(
    Diagnostic::Severity severity, const YAML::Mark &mark, const QString &path, const QString &message)
{
    const bool known = mark.line >= 0;
    diagnostics.append({ severity, m_fileName, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0, path, message });
}

void YamlReader::error(const YamlValue &at, const QString &message)
{
    report(Diagnostic::Severity::Error, at.mark, at.path, message);
}

void YamlReader::warning(const YamlValue &at, const QString &message)
{
    report(Diagnostic::Severity::Warning, at.mark, at.path, message);
}

YamlValue YamlReader::root(const YAML::Node &document)
{
    return { document, document.Mark(), QString() };
}

SourcePos YamlReader::pos(const YamlValue &value)
{
    if (value.mark.line < 0) {
        return {};
    }
    return { value.mark.line + 1, value.mark.column + 1 };
}

QString YamlReader::describe(const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull()) {
        return tr("nothing");
    }
    if (node.IsMap()) {
        return tr("a mapping");
    }
    if (node.IsSequence()) {
        return tr("a list");
    }
    QString text = qs(node.Scalar());
    if (text.size() > 60) {
        text = text.left(57) + QLatin1String("...");
    }
    return u'"' + text + u'"';
}

QString YamlReader::childPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

bool YamlReader::expectMap(const YamlValue &value, Keys known, Keys gatusIgnored)
{
    return checkMap(value, known, gatusIgnored, false);
}

bool YamlReader::checkMap(const YamlValue &value, Keys known, Keys gatusIgnored, bool anyKey)
{
    if (value.isNull()) {
        return true;
    }
    if (!value.node.IsMap()) {
        error(value, tr("expected a mapping, got %1").arg(describe(value.node)));
        return false;
    }
    QHash<QString, int> seen;
    for (auto it = value.node.begin(); it != value.node.end(); ++it) {
        const YamlValue key { it->first, it->first.Mark(), value.path };
        if (!it->first.IsScalar()) {
            error(key, tr("expected a key name, got %1").arg(describe(it->first)));
            continue;
        }
        const QString name = qs(it->first.Scalar());
        const YamlValue at { it->first, it->first.Mark(), childPath(value.path, name) };
        if (seen.contains(name)) {
            error(at, tr("key \"%1\" is repeated (first on line %2)").arg(name).arg(seen.value(name)));
            continue;
        }
        seen.insert(name, at.mark.line + 1);
        if (contains(gatusIgnored, name)) {
            warning(at, tr("Gatus key \"%1\" is not supported by OpsDeck and is ignored").arg(name));
        } else if (!anyKey && !contains(known, name)) {
            warning(at, tr("unknown key \"%1\"").arg(name));
        }
    }
    return true;
}

QList<YamlValue> YamlReader::listItems(const YamlValue &value)
{
    QList<YamlValue> items;
    if (!value || value.isNull()) {
        return items;
    }
    if (!value.node.IsSequence()) {
        error(value, tr("expected a list, got %1").arg(describe(value.node)));
        return items;
    }
    for (std::size_t i = 0; i < value.node.size(); ++i) {
        const YAML::Node item = value.node[i];
        const YAML::Mark mark = item.IsNull() ? value.mark : item.Mark();
        items.append({ item, mark, value.path + u'[' + QString::number(i) + u']' });
    }
    return items;
}

YamlValue YamlReader::get(const YamlValue &map, const char *key, Need need)
{
    const QString name = QLatin1String(key);
    if (map.node.IsMap()) {
        for (auto it = map.node.begin(); it != map.node.end(); ++it) {
            if (it->first.IsScalar() && qs(it->first.Scalar()) == name) {
                const YAML::Mark mark = it->second.IsNull() ? it->first.Mark() : it->second.Mark();
                return { it->second, mark, childPath(map.path, name) };
            }
        }
    }
    if (need == Required) {
        error(map, tr("missing required key \"%1\"").arg(name));
    }
    return { YAML::Node(YAML::NodeType::Undefined), YAML::Mark::null_mark(), childPath(map.path, name) };
}

bool YamlReader::has(const YamlValue &map, const char *key) const
{
    return map.node.IsMap() && map.node[key].IsDefined();
}

std::optional<QString> YamlReader::string(const YamlValue &value, Need need)
{
    if (!value) {
        return std::nullopt;
    }
    if (value.node.IsMap() || value.node.IsSequence()) {
        error(value, tr("expected a string, got %1").arg(describe(value.node)));
        return std::nullopt;
    }
    const QString s = value.isNull() ? QString() : qs(value.node.Scalar());
    if (need == Required && s.trimmed().isEmpty()) {
        error(value, tr("expected a non-empty string, got %1").arg(value.isNull() ? describe(value.node) : u"\"\""_s));
        return std::nullopt;
    }
    return s;
}

std::optional<QString> YamlReader::templateString(const YamlValue &value, Need need)
{
    auto s = string(value, need);
    if (s) {
        const QString problem = TemplateText::check(*s);
        if (!problem.isEmpty()) {
            error(value, problem);
            return std::nullopt;
        }
        for (const QString &name : TemplateText::names(*s)) {
            if (!secretNames.contains(name)) {
                secretNames.append(name);
            }
            secretUses.append({ PendingReference::Target::Secret, name, value.mark, value.path });
        }
    }
    return s;
}

std::optional<LocalizedText> YamlReader::text(const YamlValue &value, Need need)
{
    if (!value) {
        return std::nullopt;
    }
    LocalizedText out;
    if (value.node.IsMap()) {
        for (auto it = value.node.begin(); it != value.node.end(); ++it) {
            const QString language = it->first.IsScalar() ? qs(it->first.Scalar()) : QString();
            const YamlValue part { it->second, it->second.IsNull() ? it->first.Mark() : it->second.Mark(),
                childPath(value.path, language) };
            if (language == u"en" || language == u"ko") {
                if (auto s = string(part)) {
                    (language == u"en" ? out.en : out.ko) = *s;
                } else {
                    return std::nullopt;
                }
            } else {
                warning({ it->first, it->first.Mark(), part.path },
                    tr("unknown language \"%1\" (expected en or ko)").arg(language));
            }
        }
    } else if (value.node.IsSequence()) {
        error(value, tr("expected text or { en: ..., ko: ... }, got %1").arg(describe(value.node)));
        return std::nullopt;
    } else if (auto s = string(value)) {
        out = { *s, *s };
    }
    if (need == Required && out.en.trimmed().isEmpty() && out.ko.trimmed().isEmpty()) {
        error(value, tr("expected a non-empty text"));
        return std::nullopt;
    }
    return out;
}

std::optional<Milliseconds> YamlReader::duration(const YamlValue &value, bool positive)
{
    if (!value) {
        return std::nullopt;
    }
    if (!value.node.IsScalar()) {
        error(value, tr("expected a duration like 30s, got %1").arg(describe(value.node)));
        return std::nullopt;
    }
    const QString s = qs(value.node.Scalar());
    QString problem;
    const auto d = Duration::parse(s, &problem);
    if (!d) {
        error(value, problem);
    } else if (positive && d->count() == 0) {
        error(value, tr("expected a duration longer than zero like 30s, got \"%1\"").arg(s));
        return std::nullopt;
    }
    return d;
}

std::optional<double> YamlReader::number(const YamlValue &value)
{
    bool ok = false;
    const double n = value.node.IsScalar() ? qs(value.node.Scalar()).trimmed().toDouble(&ok) : 0.0;
    if (!ok || !std::isfinite(n)) {
        error(value, tr("expected a number, got %1").arg(describe(value.node)));
        return std::nullopt;
    }
    return n;
}

std::optional<int> YamlReader::integer(const YamlValue &value, int min, int max)
{
    bool ok = false;
    const int n = value.node.IsScalar() ? qs(value.node.Scalar()).trimmed().toInt(&ok) : 0;
    if (!ok || n < min || n > max) {
        error(value, tr("expected a whole number from %1 to %2, got %3").arg(min).arg(max).arg(describe(value.node)));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> YamlReader::boolean(const YamlValue &value)
{
    const QString s = value.node.IsScalar() ? qs(value.node.Scalar()) : QString();
    if (s == u"true" || s == u"True" || s == u"TRUE") {
        return true;
    }
    if (s == u"false" || s == u"False" || s == u"FALSE") {
        return false;
    }
    error(value, tr("expected true or false, got %1").arg(describe(value.node)));
    return std::nullopt;
}

std::optional<QString> YamlReader::choice(const YamlValue &value, const QStringList &choices)
{
    const QString s = value.node.IsScalar() ? qs(value.node.Scalar()) : QString();
    if (!choices.contains(s)) {
        error(value, tr("expected one of: %1, got %2").arg(choices.join(QLatin1String(", ")), describe(value.node)));
        return std::nullopt;
    }
    return s;
}

std::optional<QTime> YamlReader::time(const YamlValue &value)
{
    QString problem;
    const auto t = TimeOfDay::parse(value.node.IsScalar() ? qs(value.node.Scalar()) : describe(value.node), &problem);
    if (!t) {
        error(value, problem);
    }
    return t;
}

std::optional<QStringList> YamlReader::stringList(const YamlValue &value, bool templates)
{
    if (value.isNull()) {
        return QStringList();
    }
    if (!value.node.IsSequence()) {
        error(value, tr("expected a list of strings, got %1").arg(describe(value.node)));
        return std::nullopt;
    }
    QStringList out;
    bool ok = true;
    for (const YamlValue &item : listItems(value)) {
        const auto s = templates ? templateString(item, Required) : string(item, Required);
        ok = ok && s.has_value();
        out.append(s.value_or(QString()));
    }
    return ok ? std::optional(out) : std::nullopt;
}

std::optional<QMap<QString, QString>> YamlReader::stringMap(const YamlValue &value, bool templates)
{
    if (!checkMap(value, {}, {}, true)) {
        return std::nullopt;
    }
    QMap<QString, QString> out;
    bool ok = true;
    for (auto it = value.node.begin(); value.node.IsMap() && it != value.node.end(); ++it) {
        const QString key = qs(it->first.Scalar());
        const YamlValue v { it->second, it->second.IsNull() ? it->first.Mark() : it->second.Mark(),
            childPath(value.path, key) };
        const auto s = templates ? templateString(v) : string(v);
        ok = ok && s.has_value();
        if (s && !out.contains(key)) {
            out.insert(key, *s);
        }
    }
    return ok ? std::optional(out) : std::nullopt;
}
