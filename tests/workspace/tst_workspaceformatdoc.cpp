// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The key tables of docs/workspace-format.md, read by the test: every documented key, given a value of a wrong type,
// gets an error diagnostic at its own line naming its key path (WorkspaceLoader). A table added to the doc without
// a context here, or a type without a wrong value, fails the test, so the doc and this sweep cannot drift apart.
#include "workspace/workspaceloader.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Row
{
    QString heading; // the doc section the table is under
    int table = 0; // the how-manieth key table of that section
    QString key;
    QString type;
    int docLine = 0;
};

// Where a table's keys live: the text before the mapping, how its lines are indented, whether it is a list item,
// the keys it needs to be valid otherwise (one line each) and the key path of the mapping.
struct Context
{
    QString before;
    QString indent;
    bool listItem = false;
    QStringList base;
    QString path;
};

const QString endpoint = u"endpoints:\n  - name: e\n    url: http://127.0.0.1:9/\n"_s;
const QString provider
    = u"notifications:\n  providers:\n    - { id: p, kind: webhook, url: \"http://127.0.0.1:9/\" }\n"_s;

QHash<QString, Context> contexts()
{
    return {
        { u"Top level/0"_s, { {}, {}, false, { u"workspace: { id: w }"_s }, {} } },
        { u"workspace/0"_s, { u"workspace:\n"_s, u"  "_s, false, {}, u"workspace."_s } },
        { u"secrets/0"_s,
            { u"secrets:\n"_s, u"  "_s, true, { u"name: TOKEN"_s, u"description: d"_s }, u"secrets[0]."_s } },
        { u"endpoints/0"_s,
            { u"endpoints:\n"_s, u"  "_s, true, { u"name: e"_s, u"url: http://127.0.0.1:9/"_s }, u"endpoints[0]."_s } },
        { u"maintenance/0"_s,
            { endpoint + u"maintenance:\n"_s, u"  "_s, true, { u"start: \"09:00\""_s, u"duration: 1h"_s },
                u"maintenance[0]."_s } },
        { u"kpis/0"_s,
            { endpoint + u"kpis:\n"_s, u"  "_s, true,
                { u"id: k"_s, u"title: K"_s, u"source: { probe: { endpoint: e, figure: uptime } }"_s },
                u"kpis[0]."_s } },
        { u"checklists/0"_s,
            { u"checklists:\n"_s, u"  "_s, true, { u"id: c"_s, u"schedule: daily"_s, u"items: [{ text: t }]"_s },
                u"checklists[0]."_s } },
        { u"items/0"_s,
            { u"checklists:\n  - id: c\n    schedule: daily\n    items:\n"_s, u"      "_s, true, { u"text: t"_s },
                u"checklists[0].items[0]."_s } },
        { u"runbooks/0"_s,
            { u"runbooks:\n"_s, u"  "_s, true, { u"id: r"_s, u"steps: [{ manual: m }]"_s }, u"runbooks[0]."_s } },
        { u"steps/0"_s,
            { u"runbooks:\n  - id: r\n    steps:\n"_s, u"      "_s, true, { u"manual: m"_s },
                u"runbooks[0].steps[0]."_s } },
        { u"incidents/0"_s, { u"incidents:\n"_s, u"  "_s, false, {}, u"incidents."_s } },
        { u"incidents/1"_s,
            { u"incidents:\n  severities:\n"_s, u"    "_s, true, { u"id: P1"_s }, u"incidents.severities[0]."_s } },
        { u"Automatic incidents/0"_s,
            { endpoint + u"incidents:\n  auto:\n"_s, u"    "_s, true, { u"id: a"_s, u"when: { endpoint: e }"_s },
                u"incidents.auto[0]."_s } },
        { u"notifications/0"_s,
            { u"notifications:\n  providers:\n"_s, u"    "_s, true,
                { u"id: p"_s, u"kind: webhook"_s, u"url: http://127.0.0.1:9/"_s }, u"notifications.providers[0]."_s } },
        { u"notifications/1"_s,
            { provider + u"  routes:\n"_s, u"    "_s, true, { u"id: r"_s, u"to: p"_s },
                u"notifications.routes[0]."_s } },
        { u"Escalation policies/0"_s,
            { provider + u"  escalation-policies:\n"_s, u"    "_s, true,
                { u"id: s"_s, u"levels: [{ after: 0m, to: p }]"_s }, u"notifications.escalation-policies[0]."_s } },
        { u"Dependencies: depends-on and groups/0"_s,
            { u"endpoints:\n  - name: e\n    url: http://127.0.0.1:9/\n    group: data\ngroups:\n"_s, u"  "_s, true,
                { u"name: data"_s }, u"groups[0]."_s } },
        { u"locations/0"_s, { endpoint + u"locations:\n"_s, u"  "_s, false, {}, u"locations."_s } },
        { u"Escalation policies/1"_s,
            { provider + u"  escalation-policies:\n    - id: s\n      levels:\n"_s, u"        "_s, true,
                { u"after: 0m"_s, u"to: p"_s }, u"notifications.escalation-policies[0].levels[0]."_s } },
    };
}

// Values of a wrong type for each documented type (links and backticks removed): a list where one value or a
// mapping goes, a mapping where a list or an id goes, a word where a number, a duration or a boolean goes.
QStringList wrongValues(const QString &type)
{
    const QString list = u"[1, 2]"_s;
    const QString mapping = u"{ wrong: 1 }"_s;
    if (type.startsWith(u"list"_s) || type.contains(u"or a list"_s) || type.contains(u"or list of"_s)
        || type == u"weekdays"_s) {
        return { mapping, u"7"_s };
    }
    if (type.contains(u"mapping"_s) || type.startsWith(u"{"_s)) {
        return { list, u"7"_s };
    }
    static const QHash<QString, QString> words {
        { u"boolean"_s, u"maybe"_s },
        { u"duration"_s, u"soon"_s },
        { u"duration > 0"_s, u"soon"_s },
        { u"number"_s, u"many"_s },
        { u"size"_s, u"lots"_s },
        { u"integer per minute"_s, u"often"_s },
        { u"whole number 0-3"_s, u"1.5"_s },
        { u"whole number 0-5"_s, u"1.5"_s },
        { u"whole number 0-6"_s, u"1.5"_s },
        { u"whole number 1-1000"_s, u"1.5"_s },
        { u"time"_s, u"noon"_s },
        { u"HH:MM-HH:MM"_s, u"nights"_s },
        { u"schedule"_s, u"sometimes"_s },
        { u"rule"_s, u"most"_s },
    };
    static const QStringList scalars { u"string"_s, u"text"_s, u"template"_s, u"provider id"_s, u"runbook id"_s,
        u"severity id"_s, u"escalation policy id"_s, u"stop or continue"_s, u"info, warning or critical"_s };
    if (words.contains(type)) {
        return { list, words.value(type) };
    }
    if (scalars.contains(type) || type.startsWith(u"one of "_s)) {
        return { list };
    }
    return {};
}

QList<Row> documentedKeys(QString *error)
{
    const QString path = qEnvironmentVariable("OPSDECK_SOURCE_DIR") + u"/docs/workspace-format.md"_s;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = path + u": "_s + file.errorString();
        return {};
    }
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    static const QRegularExpression link(u"\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    QList<Row> rows;
    QString heading;
    QHash<QString, int> tables;
    bool inTable = false;
    int table = 0;
    bool inCode = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(u"```"_s)) {
            inCode = !inCode;
        }
        if (inCode) {
            continue;
        }
        if (line.startsWith(u'#')) {
            heading = line.section(u' ', 1).remove(u'`');
            inTable = false;
        } else if (line.startsWith(u"| key | type |"_s)) {
            inTable = true;
            table = tables[heading]++;
        } else if (inTable && line.startsWith(u"| `"_s)) {
            const QStringList cells = line.split(u'|');
            QString type = cells.value(2).trimmed();
            type.replace(link, u"\\1"_s).remove(u'`');
            rows.append({ heading, table, cells.value(1).trimmed().remove(u'`'), type, int(i + 1) });
        } else if (!line.startsWith(u'|')) {
            inTable = false;
        }
    }
    return rows;
}

// The workspace text with `key: value` in the context, and the line it is on.
QString workspaceWith(const Context &context, const QString &key, const QString &value, int *keyLine)
{
    QStringList pairs;
    for (const QString &pair : context.base) {
        if (!pair.startsWith(key + u':')) {
            pairs.append(pair);
        }
    }
    if (!key.isEmpty()) {
        pairs.append(key + u": "_s + value);
    }
    QString text = context.before;
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        const QString lead = !context.listItem ? QString() : i == 0 ? u"- "_s : u"  "_s;
        text += context.indent + lead + pairs.at(i) + u'\n';
    }
    *keyLine = int(text.count(u'\n'));
    return text;
}

QString render(const QList<Diagnostic> &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics) {
        out.append(d.toString());
    }
    return out.join(u"\n"_s);
}

} // namespace

class TestWorkspaceFormatDoc final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTableHasAContext()
    {
        QString error;
        const QList<Row> rows = documentedKeys(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(rows.size() > 100, qPrintable(u"only %1 documented keys found"_s.arg(rows.size())));
        const auto known = contexts();
        for (const Row &row : rows) {
            const QString table = row.heading + u'/' + QString::number(row.table);
            QVERIFY2(known.contains(table),
                qPrintable(
                    u"workspace-format.md:%1: the table under \"%2\" has no context in this test"_s.arg(row.docLine)
                        .arg(row.heading)));
            QVERIFY2(!wrongValues(row.type).isEmpty(),
                qPrintable(u"workspace-format.md:%1: no wrong value for the type \"%2\" of %3"_s.arg(row.docLine)
                               .arg(row.type, row.key)));
        }
        // Each context is valid as it is: the errors below come from the key under test alone.
        for (auto it = known.cbegin(); it != known.cend(); ++it) {
            int line = 0;
            const LoadResult result
                = WorkspaceLoader::loadData(workspaceWith(it.value(), {}, {}, &line).toUtf8(), u"ws.yaml"_s);
            QVERIFY2(result.errors().isEmpty(), qPrintable(it.key() + u":\n"_s + render(result.diagnostics)));
        }
    }

    void wrongTypeIsAPositionedError_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("path");
        QString error;
        const auto known = contexts();
        for (const Row &row : documentedKeys(&error)) {
            const auto context = known.constFind(row.heading + u'/' + QString::number(row.table));
            if (context == known.cend()) {
                continue; // reported by everyTableHasAContext
            }
            for (const QString &value : wrongValues(row.type)) {
                int line = 0;
                const QString yaml = workspaceWith(*context, row.key, value, &line);
                QTest::addRow("%s%s = %s (%s, doc line %d)", qPrintable(context->path), qPrintable(row.key),
                    qPrintable(value), qPrintable(row.type), row.docLine)
                    << yaml << line << context->path + row.key;
            }
        }
    }

    void wrongTypeIsAPositionedError()
    {
        QFETCH(QString, yaml);
        QFETCH(int, line);
        QFETCH(QString, path);
        const LoadResult result = WorkspaceLoader::loadData(yaml.toUtf8(), u"ws.yaml"_s);
        const QList<Diagnostic> errors = result.errors();
        const bool found = std::any_of(errors.cbegin(), errors.cend(), [&](const Diagnostic &d) {
            return d.line == line && d.file == u"ws.yaml"_s
                && (d.path == path || d.path.startsWith(path + u'.') || d.path.startsWith(path + u'['));
        });
        QVERIFY2(found,
            qPrintable(u"no error at ws.yaml:%1 for %2 in:\n%3\ngot:\n%4"_s.arg(line).arg(
                path, yaml, render(result.diagnostics))));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceFormatDoc)
#include "tst_workspaceformatdoc.moc"
