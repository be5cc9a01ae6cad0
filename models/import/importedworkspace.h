// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// What the health-check importers (Gatus, Uptime Kuma) build; the WorkspaceWriter turns each into a section of
// the workspace. Strings are as they go into the file: templates keep their `${NAME}` references.
struct ImportedEndpoint
{
    QString name; // unique id
    QString title; // the source's name when `name` had to be changed; else empty
    QString group;
    QString url;
    QString method; // empty = GET
    QList<QPair<QString, QString>> headers;
    QString body;
    QString interval; // duration text, empty = default
    QString timeout;
    QStringList conditions;
    QStringList warnConditions;
    std::optional<int> failureThreshold;
    std::optional<int> successThreshold;
    std::optional<int> maxRedirects;
    QString dnsQueryName; // dns:// endpoints
    QString dnsQueryType;
    QString caFile; // extra CA certificate (blackbox tls_config.ca_file)
    bool enabled = true;
    QString origin;
};

struct ImportedProvider
{
    QString id;
    QString kind; // one of NotifyProvider::kinds()
    QString url; // template
    QString key;
    QList<QPair<QString, QString>> headers;
    QList<QPair<QString, QString>> options;
    QString origin;
};

struct ImportedRoute
{
    QString id;
    QStringList groups; // empty = every group
    QStringList to;
    bool resolved = true;
    QString comment; // written above the route (e.g. the source's alert descriptions)
    QString origin;
};

struct ImportedWindow
{
    QString name;
    QString start; // "HH:MM"
    QString duration;
    QStringList every; // weekdays; empty = every day
    QStringList endpoints; // empty = the whole workspace
    QString origin;
};

// A `${NAME}` the workspace uses, declared in its `secrets:` list.
struct ImportedSecret
{
    QString name;
    QString description; // English; written with ko = en
};
