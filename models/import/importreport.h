// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importedworkspace.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A KPI tile an importer derived from a rule or a panel; the WorkspaceWriter turns it into a `kpis[]` entry.
struct ImportedKpi
{
    QString id;
    QString title; // English; written as { en, ko } with ko = en
    QString description;
    QString group; // rule group or dashboard row; written as a comment (KPIs have no group key)
    QString query; // PromQL
    QString unit;
    std::optional<int> decimals;
    std::optional<double> warn;
    std::optional<double> crit;
    bool below = false; // thresholds.direction: below (lower values are worse)
    QString origin; // file:line:col or file#/json/pointer
};

// One rule or panel of the source and what became of it.
struct ImportItem
{
    QString name; // alert name, record name or panel title
    QString origin; // file:line:col (YAML) or file#/json/pointer (JSON)
    QString kpiId; // created: the tile (or the endpoint, provider, ...) it went into
    QString reason; // skipped: why; created: what was not carried over (may be empty)
    QString kind; // what kpiId names: empty = a KPI; "endpoint", "provider", "route", "maintenance", "key", ...
};

// What an import made of its sources: every rule or panel is either created (became a tile, or part of one) or
// skipped with a reason; nothing is dropped silently.
struct ImportReport
{
    QList<ImportItem> created;
    QList<ImportItem> skipped;
    QStringList notes; // things not carried over for the whole import
    QStringList todo; // what the user has to do before the workspace works (e.g. set a secret)
    QStringList unresolvedVariables; // template variables left as written in queries
    int groups = 0; // rule groups or dashboard rows turned into groups

    void skip(const QString &name, const QString &origin, const QString &reason, const QString &kind = QString())
    {
        skipped.append({ name, origin, QString(), reason, kind });
    }
    // How many created or skipped items are of `kind`.
    qsizetype count(const QString &kind, bool wasCreated) const;
    void note(const QString &text)
    {
        if (!notes.contains(text)) {
            notes.append(text);
        }
    }
    void addTodo(const QString &text)
    {
        if (!todo.contains(text)) {
            todo.append(text);
        }
    }
    void append(const ImportReport &other);

    // Lines for a terminal: "created ...", "skipped ...: reason", notes, then a summary.
    QString toText() const;
    QJsonObject toJson() const;
};

// The outcome of reading one or more source files.
struct ImportResult
{
    QString title; // workspace title (dashboard title, or the rule file's name)
    QList<ImportedKpi> kpis;
    ImportReport report;
    QList<ImportedEndpoint> endpoints;
    QList<ImportedProvider> providers;
    QList<ImportedRoute> routes;
    QList<ImportedWindow> maintenance;
    QList<ImportedSecret> secrets;
    QString error; // a parse error that stops the import: "file:line:col: message"; empty = none

    bool failed() const { return !error.isEmpty(); }
    bool isEmpty() const
    {
        return kpis.isEmpty() && endpoints.isEmpty() && providers.isEmpty() && maintenance.isEmpty();
    }
    // Declares `name` (once) for the `secrets:` list; false if it already was.
    bool declareSecret(const QString &name, const QString &description);
};
