// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/gatusyaml.h"

#include "workspace/duration.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace GatusYaml {

QString Source::at(const YAML::Mark &mark) const
{
    if (mark.is_null()) {
        return file;
    }
    const int column = mark.column + 1 + columnOffset;
    return u"%1:%2:%3"_s.arg(file).arg(mark.line + 1 + lineOffset).arg(column);
}

namespace {

void collect(const YAML::Node &map, std::vector<std::pair<YAML::Node, YAML::Node>> &out, QSet<QString> &seen, int depth)
{
    if (!map.IsMap() || depth > 16) {
        return;
    }
    std::vector<YAML::Node> merges;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar()) {
            continue;
        }
        const QString key = QString::fromStdString(it->first.Scalar());
        if (key == u"<<") {
            merges.push_back(it->second);
        } else if (!seen.contains(key)) {
            seen.insert(key);
            out.emplace_back(it->first, it->second);
        }
    }
    for (const YAML::Node &merge : merges) {
        if (merge.IsSequence()) {
            for (const YAML::Node &m : merge) {
                collect(m, out, seen, depth + 1);
            }
        } else {
            collect(merge, out, seen, depth + 1);
        }
    }
}

const QRegularExpression &reference()
{
    static const QRegularExpression re(u"\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))"_s);
    return re;
}

} // namespace

std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node &map)
{
    std::vector<std::pair<YAML::Node, YAML::Node>> out;
    QSet<QString> seen;
    collect(map, out, seen, 0);
    return out;
}

YAML::Node field(const YAML::Node &map, const std::string &key)
{
    for (const auto &[k, v] : entries(map)) {
        if (k.Scalar() == key) {
            return v;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

QString scalar(const YAML::Node &map, const std::string &key)
{
    const YAML::Node v = field(map, key);
    return v.IsDefined() && v.IsScalar() ? QString::fromStdString(v.Scalar()) : QString();
}

bool flag(const YAML::Node &map, const std::string &key, bool fallback)
{
    const QString v = scalar(map, key).toLower();
    if (v == u"true") {
        return true;
    }
    if (v == u"false") {
        return false;
    }
    return fallback;
}

std::optional<QString> duration(const QString &go)
{
    static const QRegularExpression part(u"(\\d+(?:\\.\\d+)?|\\.\\d+)(ns|us|µs|ms|s|m|h)"_s);
    const QString text = go.trimmed();
    if (text == u"0") {
        return u"0"_s;
    }
    double ms = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const QRegularExpressionMatch m
            = part.match(text, pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch()) {
            return std::nullopt;
        }
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double scale = unit == u"h" ? 3600000.0
            : unit == u"m"                ? 60000.0
            : unit == u"s"                ? 1000.0
            : unit == u"ms"               ? 1.0
            : unit == u"ns"               ? 1e-6
                                          : 1e-3;
        ms += n * scale;
        pos = m.capturedEnd();
    }
    if (text.isEmpty() || ms < 1 || ms > 315576000000.0 || std::fmod(ms, 1.0) != 0) {
        return std::nullopt;
    }
    return Duration::format(Milliseconds { qint64(ms) });
}

QString secretName(const QString &owner, const QString &what)
{
    QString name;
    for (const QChar c : (owner + u'_' + what).toUpper()) {
        name += (c.isLetterOrNumber() && c.unicode() < 128) ? c : u'_';
    }
    static const QRegularExpression runs(u"_+"_s);
    name.replace(runs, u"_"_s);
    if (name.startsWith(u'_') && name.size() > 1) {
        name.remove(0, 1);
    }
    if (name.isEmpty() || name.at(0).isDigit()) {
        name.prepend(u'_');
    }
    return name;
}

bool sensitiveHeader(const QString &name)
{
    static const QRegularExpression re(
        u"auth|token|key|secret|passw|cookie|session"_s, QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

QStringList envNames(const QString &text)
{
    QStringList names;
    for (auto it = reference().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.hasCaptured(1) ? m.captured(1) : m.captured(2);
        if (!names.contains(name)) {
            names.append(name);
        }
    }
    return names;
}

QString envTemplate(const QString &text, const QString &where, ImportResult &result)
{
    QString out;
    qsizetype last = 0;
    for (auto it = reference().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.hasCaptured(1) ? m.captured(1) : m.captured(2);
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += u"${"_s + name + u'}';
        last = m.capturedEnd();
        if (result.declareSecret(name,
                QCoreApplication::translate("Importer", "Environment variable the Gatus configuration used in %1")
                    .arg(where))) {
            result.report.addTodo(
                QCoreApplication::translate("Importer", "set %1 as it was set for Gatus (first used in %2)")
                    .arg(name, where));
        }
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace GatusYaml
