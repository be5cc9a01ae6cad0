// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <tuple>

using namespace Qt::StringLiterals;

void ImportReport::append(const ImportReport &other)
{
    created += other.created;
    skipped += other.skipped;
    for (const QString &n : other.notes) {
        note(n);
    }
    for (const QString &t : other.todo) {
        addTodo(t);
    }
    for (const QString &v : other.unresolvedVariables) {
        if (!unresolvedVariables.contains(v)) {
            unresolvedVariables.append(v);
        }
    }
    groups += other.groups;
}

qsizetype ImportReport::count(const QString &kind, bool wasCreated) const
{
    const QList<ImportItem> &list = wasCreated ? created : skipped;
    return std::count_if(list.begin(), list.end(), [&kind](const ImportItem &i) { return i.kind == kind; });
}

bool ImportResult::declareSecret(const QString &name, const QString &description)
{
    for (const ImportedSecret &s : std::as_const(secrets)) {
        if (s.name == name) {
            return false;
        }
    }
    secrets.append({ name, description });
    return true;
}

namespace {

QString kindLabel(const QString &kind)
{
    if (kind == u"endpoint") {
        return QCoreApplication::translate("Importer", "endpoint");
    }
    if (kind == u"provider") {
        return QCoreApplication::translate("Importer", "notification provider");
    }
    if (kind == u"route") {
        return QCoreApplication::translate("Importer", "notification route");
    }
    if (kind == u"maintenance") {
        return QCoreApplication::translate("Importer", "maintenance window");
    }
    return kind;
}

// Orders origins as they are in the sources: by file (in order of first appearance), then by the numbers of
// "line:column" or of the JSON pointer.
struct OriginKey
{
    qsizetype file;
    QList<int> numbers;

    static OriginKey of(const QString &origin, QStringList &files)
    {
        static const QRegularExpression position(u"^(.*?)(?::(\\d+):(\\d+)|#(/.*))?$"_s);
        const QRegularExpressionMatch m = position.match(origin);
        const QString file = m.captured(1);
        qsizetype index = files.indexOf(file);
        if (index < 0) {
            files.append(file);
            index = files.size() - 1;
        }
        OriginKey key { index, {} };
        if (m.hasCaptured(2)) {
            key.numbers = { m.captured(2).toInt(), m.captured(3).toInt() };
        } else {
            for (const QString &part : m.captured(4).split(u'/', Qt::SkipEmptyParts)) {
                bool ok = false;
                const int n = part.toInt(&ok);
                key.numbers.append(ok ? n : -1);
            }
        }
        return key;
    }

    bool operator<(const OriginKey &other) const
    {
        return std::tie(file, numbers) < std::tie(other.file, other.numbers);
    }
};

} // namespace

QString ImportReport::toText() const
{
    QSet<QString> tiles;
    QList<std::pair<const ImportItem *, bool>> items; // item, created
    for (const ImportItem &item : created) {
        if (item.kind.isEmpty()) {
            for (const QString &id : item.kpiId.split(u", "_s)) {
                tiles.insert(id);
            }
        }
        items.append({ &item, true });
    }
    for (const ImportItem &item : skipped) {
        items.append({ &item, false });
    }
    QStringList files;
    QList<OriginKey> keys;
    for (const auto &[item, _] : items) {
        keys.append(OriginKey::of(item->origin, files));
    }
    QList<qsizetype> order(items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&keys](qsizetype a, qsizetype b) { return keys[a] < keys[b]; });

    QString out;
    for (const qsizetype i : order) {
        const auto &[item, isCreated] = items.at(i);
        if (isCreated && !item->kind.isEmpty()) {
            out += QCoreApplication::translate("Importer", "%1: %3 -> %4 %2")
                       .arg(item->origin, item->kpiId, item->name, kindLabel(item->kind));
            if (!item->reason.isEmpty()) {
                out += QCoreApplication::translate("Importer", " (not carried over: %1)").arg(item->reason);
            }
        } else if (isCreated) {
            out += QCoreApplication::translate("Importer", "%1: %3 -> KPI %2")
                       .arg(item->origin, item->kpiId, item->name);
            if (!item->reason.isEmpty()) {
                out += QCoreApplication::translate("Importer", " (not carried over: %1)").arg(item->reason);
            }
        } else {
            out += QCoreApplication::translate("Importer", "%1: skipped %2: %3")
                       .arg(item->origin, item->name, item->reason);
        }
        out += u'\n';
    }
    for (const QString &n : notes) {
        out += QCoreApplication::translate("Importer", "not carried over: %1").arg(n) + u'\n';
    }
    for (const QString &t : todo) {
        out += QCoreApplication::translate("Importer", "to do: %1").arg(t) + u'\n';
    }
    if (!unresolvedVariables.isEmpty()) {
        out += QCoreApplication::translate("Importer", "unresolved template variables (left as written): %1")
                   .arg(unresolvedVariables.join(u", "_s))
            + u'\n';
    }
    const qsizetype endpoints = count(u"endpoint"_s, true);
    const auto hasKind = [](const ImportItem &i) { return !i.kind.isEmpty(); };
    if (tiles.isEmpty()
        && (std::any_of(created.begin(), created.end(), hasKind)
            || std::any_of(skipped.begin(), skipped.end(), hasKind))) {
        out += QCoreApplication::translate(
                   "Importer", "%1 endpoints, %2 notification providers, %3 routes, %4 maintenance windows; %5 skipped")
                   .arg(endpoints)
                   .arg(count(u"provider"_s, true))
                   .arg(count(u"route"_s, true))
                   .arg(count(u"maintenance"_s, true))
                   .arg(skipped.size())
            + u'\n';
        return out;
    }
    out += QCoreApplication::translate("Importer", "%1 KPI tiles from %2 items, %3 skipped")
               .arg(tiles.size())
               .arg(created.size())
               .arg(skipped.size())
        + u'\n';
    return out;
}

QJsonObject ImportReport::toJson() const
{
    const auto items = [](const QList<ImportItem> &list, bool withKpi) {
        QJsonArray array;
        for (const ImportItem &item : list) {
            QJsonObject o { { u"name"_s, item.name }, { u"origin"_s, item.origin } };
            if (withKpi) {
                o.insert(item.kind.isEmpty() ? u"kpi"_s : item.kind, item.kpiId);
            } else if (!item.kind.isEmpty()) {
                o.insert(u"kind"_s, item.kind);
            }
            if (!item.reason.isEmpty()) {
                o.insert(withKpi ? u"notCarriedOver"_s : u"reason"_s, item.reason);
            }
            array.append(o);
        }
        return array;
    };
    return { { u"created"_s, items(created, true) }, { u"skipped"_s, items(skipped, false) },
        { u"notes"_s, QJsonArray::fromStringList(notes) }, { u"todo"_s, QJsonArray::fromStringList(todo) },
        { u"unresolvedVariables"_s, QJsonArray::fromStringList(unresolvedVariables) } };
}
