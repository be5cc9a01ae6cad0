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
    for (const QString &v : other.unresolvedVariables) {
        if (!unresolvedVariables.contains(v)) {
            unresolvedVariables.append(v);
        }
    }
    groups += other.groups;
}

namespace {

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
        for (const QString &id : item.kpiId.split(u", "_s)) {
            tiles.insert(id);
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
        if (isCreated) {
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
    if (!unresolvedVariables.isEmpty()) {
        out += QCoreApplication::translate("Importer", "unresolved template variables (left as written): %1")
                   .arg(unresolvedVariables.join(u", "_s))
            + u'\n';
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
                o.insert(u"kpi"_s, item.kpiId);
            }
            if (!item.reason.isEmpty()) {
                o.insert(withKpi ? u"notCarriedOver"_s : u"reason"_s, item.reason);
            }
            array.append(o);
        }
        return array;
    };
    return { { u"created"_s, items(created, true) }, { u"skipped"_s, items(skipped, false) },
        { u"notes"_s, QJsonArray::fromStringList(notes) },
        { u"unresolvedVariables"_s, QJsonArray::fromStringList(unresolvedVariables) } };
}
