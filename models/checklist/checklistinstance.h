// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checklist/schedulecalculator.h"
#include "workspace/workspace.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// What a verify: item's check said when it was ticked. Empty for items without verify:.
struct ChecklistEvidence
{
    QString target; // "endpoint:health" or "kpi:error-rate"; empty = no verify:
    bool verified = false; // false: there was no probe result to capture
    bool passed = false; // the state matched the expected one
    QString state; // e.g. "ok", "critical"
    QString expected;
    QString value; // e.g. "200 in 35 ms", "0.42 %"
    QDateTime at; // when the probe result was taken

    bool isEmpty() const { return target.isEmpty(); }
    QJsonObject toJson() const;
    static ChecklistEvidence fromJson(const QJsonObject &json);
    // One line for people, in the UI language.
    QString summary() const;
    friend bool operator==(const ChecklistEvidence &, const ChecklistEvidence &) = default;
};

enum class TickAction { Tick, Untick, Skip };

// One row of the append-only history.
struct ChecklistTick
{
    qint64 id = 0;
    QString itemId;
    TickAction action = TickAction::Tick;
    QString actor;
    QDateTime at;
    QString note;
    ChecklistEvidence evidence;
    QString skipReason;
    qint64 version = 0; // the instance's version this write made
    bool conflict = false; // written over a change it had not seen: kept, but not applied

    static QString actionName(TickAction action);
    static std::optional<TickAction> actionFromName(const QString &name);
};

enum class ItemState { Open, Done, Skipped };

// A checklist instance for one period, with the template as it was when it was created.
struct ChecklistInstance
{
    qint64 id = 0;
    QString workspaceId;
    QString checklistId;
    QString periodKey;
    LocalizedText title;
    QList<ChecklistItem> items;
    QList<QDateTime> itemDue; // per item: its own due time (or the instance's), UTC
    ChecklistPeriod period;
    QDateTime created;
    QString signedBy;
    QDateTime signedAt;
    QString signComment;
    qint64 version = 0;
    bool onDemand = false; // started by hand; never overdue or missed
    QList<ChecklistTick> history; // oldest first

    bool isSigned() const { return signedAt.isValid(); }
    bool isOnDemand() const { return onDemand; }
    const ChecklistItem *item(const QString &itemId) const;
    QDateTime dueOf(const QString &itemId) const;
    // The latest applied (non-conflict) action on the item.
    std::optional<ChecklistTick> latest(const QString &itemId) const;
    ItemState state(const QString &itemId) const;
    int doneCount() const; // ticked or skipped
    int total() const { return int(items.size()); }
    bool isComplete() const { return doneCount() == total(); }
    PeriodStatus status(const QDateTime &now) const;
    bool isItemOverdue(const QString &itemId, const QDateTime &now) const;

    // The template snapshot stored in checklist_instances.template_json.
    static QByteArray templateJson(const Checklist &checklist, const QList<QDateTime> &itemDue);
    bool readTemplateJson(const QByteArray &json, QString *error);
};

Q_DECLARE_METATYPE(ChecklistInstance)
