// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

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

QString ImportReport::toText() const
{
    QString out;
    QSet<QString> tiles;
    for (const ImportItem &item : created) {
        for (const QString &id : item.kpiId.split(u", "_s)) {
            tiles.insert(id);
        }
        out += QCoreApplication::translate("Importer", "%1: %3 -> KPI %2").arg(item.origin, item.kpiId, item.name);
        if (!item.reason.isEmpty()) {
            out += QCoreApplication::translate("Importer", " (not carried over: %1)").arg(item.reason);
        }
        out += u'\n';
    }
    for (const ImportItem &item : skipped) {
        out += QCoreApplication::translate("Importer", "%1: skipped %2: %3").arg(item.origin, item.name, item.reason)
            + u'\n';
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
