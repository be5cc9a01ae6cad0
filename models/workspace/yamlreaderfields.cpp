// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// YamlReader's read*() helpers: map[key] into a field of a workspace struct.
#include "workspace/yamlreader.h"

using namespace Qt::StringLiterals;

namespace {

template <typename T, typename U> bool store(const std::optional<T> &value, U &out)
{
    if (value) {
        out = *value;
    }
    return value.has_value();
}

} // namespace

bool YamlReader::readString(const YamlValue &map, const char *key, QString &out, Need need)
{
    return store(string(get(map, key, need), need), out);
}

bool YamlReader::readTemplate(const YamlValue &map, const char *key, QString &out, Need need)
{
    return store(templateString(get(map, key, need), need), out);
}

bool YamlReader::readText(const YamlValue &map, const char *key, LocalizedText &out, Need need)
{
    return store(text(get(map, key, need), need), out);
}

bool YamlReader::readDuration(const YamlValue &map, const char *key, Milliseconds &out, bool positive)
{
    return store(duration(get(map, key), positive), out);
}

bool YamlReader::readNumber(const YamlValue &map, const char *key, std::optional<double> &out)
{
    const YamlValue v = get(map, key);
    return v && store(number(v), out);
}

bool YamlReader::readInt(const YamlValue &map, const char *key, int &out, int min, int max)
{
    const YamlValue v = get(map, key);
    return v && store(integer(v, min, max), out);
}

bool YamlReader::readBool(const YamlValue &map, const char *key, bool &out)
{
    const YamlValue v = get(map, key);
    return v && store(boolean(v), out);
}

bool YamlReader::readChoice(const YamlValue &map, const char *key, QString &out, const QStringList &choices)
{
    const YamlValue v = get(map, key);
    return v && store(choice(v, choices), out);
}

bool YamlReader::readStringList(const YamlValue &map, const char *key, QStringList &out, bool templates)
{
    const YamlValue v = get(map, key);
    return v && store(stringList(v, templates), out);
}

bool YamlReader::readHeaders(const YamlValue &map, const char *key, QMap<QString, QString> &out)
{
    const YamlValue v = get(map, key);
    return v && store(stringMap(v, true), out);
}

void YamlReader::checkUnique(QHash<QString, int> &seen, const QString &id, const YamlValue &at, const QString &message)
{
    const auto it = seen.constFind(id);
    if (it != seen.cend()) {
        error(at, message.arg(id).arg(*it));
        return;
    }
    seen.insert(id, at.mark.line + 1);
}

bool YamlReader::readId(
    const YamlValue &map, const char *key, QString &out, QHash<QString, int> &seen, const QString &duplicateMessage)
{
    const YamlValue v = get(map, key, Required);
    if (!store(string(v, Required), out)) {
        return false;
    }
    checkUnique(seen, out, v, duplicateMessage);
    return true;
}

void YamlReader::reference(PendingReference::Target target, const YamlValue &at, const QString &name)
{
    references.append({ target, name, at.mark, at.path });
}

std::optional<QString> YamlReader::httpMethod(const YamlValue &value)
{
    static const QStringList methods { u"GET"_s, u"HEAD"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s,
        u"OPTIONS"_s };
    const auto s = string(value, Required);
    if (!s) {
        return std::nullopt;
    }
    if (!methods.contains(s->toUpper())) {
        error(value, tr("expected one of: %1, got \"%2\"").arg(methods.join(QLatin1String(", ")), *s));
        return std::nullopt;
    }
    return s->toUpper();
}

void YamlReader::checkHttpUrl(const YamlValue &at, const QString &url)
{
    // The scheme is only checked where it is written out: a URL may start with a ${NAME} reference.
    if (url.isEmpty() || url.startsWith(QLatin1String("${"))) {
        return;
    }
    if (!url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        && !url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)) {
        error(at, tr("expected an http:// or https:// URL, got \"%1\"").arg(url));
    }
}
