// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checklistinstance.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QJsonObject textJson(const LocalizedText &text)
{
    return { { u"en"_s, text.en }, { u"ko"_s, text.ko } };
}

LocalizedText textFrom(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return { o.value(u"en"_s).toString(), o.value(u"ko"_s).toString() };
}

} // namespace

QJsonObject ChecklistEvidence::toJson() const
{
    if (isEmpty()) {
        return {};
    }
    QJsonObject o { { u"target"_s, target }, { u"verified"_s, verified } };
    if (verified) {
        o.insert(u"passed"_s, passed);
        o.insert(u"state"_s, state);
        o.insert(u"expected"_s, expected);
        o.insert(u"value"_s, value);
        o.insert(u"at_ms"_s, at.toMSecsSinceEpoch());
    }
    return o;
}

ChecklistEvidence ChecklistEvidence::fromJson(const QJsonObject &json)
{
    ChecklistEvidence e;
    e.target = json.value(u"target"_s).toString();
    e.verified = json.value(u"verified"_s).toBool();
    e.passed = json.value(u"passed"_s).toBool();
    e.state = json.value(u"state"_s).toString();
    e.expected = json.value(u"expected"_s).toString();
    e.value = json.value(u"value"_s).toString();
    if (json.contains(u"at_ms"_s)) {
        e.at = QDateTime::fromMSecsSinceEpoch(qint64(json.value(u"at_ms"_s).toDouble()), QTimeZone::utc());
    }
    return e;
}

QString ChecklistEvidence::summary() const
{
    if (isEmpty()) {
        return {};
    }
    if (!verified) {
        return QCoreApplication::translate("ChecklistEvidence", "%1: not verified (no probe result yet)").arg(target);
    }
    const QString time = QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
    return passed
        ? QCoreApplication::translate("ChecklistEvidence", "%1: %2 (%3) at %4").arg(target, state, value, time)
        : QCoreApplication::translate("ChecklistEvidence", "%1: %2, expected %3 (%4) at %5")
              .arg(target, state, expected, value, time);
}

QString ChecklistTick::actionName(TickAction action)
{
    switch (action) {
    case TickAction::Tick:
        return u"tick"_s;
    case TickAction::Untick:
        return u"untick"_s;
    case TickAction::Skip:
        return u"skip"_s;
    }
    return {};
}

std::optional<TickAction> ChecklistTick::actionFromName(const QString &name)
{
    for (TickAction a : { TickAction::Tick, TickAction::Untick, TickAction::Skip }) {
        if (actionName(a) == name) {
            return a;
        }
    }
    return std::nullopt;
}

const ChecklistItem *ChecklistInstance::item(const QString &itemId) const
{
    for (const ChecklistItem &i : items) {
        if (i.id == itemId) {
            return &i;
        }
    }
    return nullptr;
}

QDateTime ChecklistInstance::dueOf(const QString &itemId) const
{
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).id == itemId) {
            return i < itemDue.size() && itemDue.at(i).isValid() ? itemDue.at(i) : period.due;
        }
    }
    return period.due;
}

std::optional<ChecklistTick> ChecklistInstance::latest(const QString &itemId) const
{
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        if (it->itemId == itemId && !it->conflict) {
            return *it;
        }
    }
    return std::nullopt;
}

ItemState ChecklistInstance::state(const QString &itemId) const
{
    const auto tick = latest(itemId);
    if (!tick || tick->action == TickAction::Untick) {
        return ItemState::Open;
    }
    return tick->action == TickAction::Tick ? ItemState::Done : ItemState::Skipped;
}

int ChecklistInstance::doneCount() const
{
    int done = 0;
    for (const ChecklistItem &i : items) {
        done += state(i.id) != ItemState::Open ? 1 : 0;
    }
    return done;
}

PeriodStatus ChecklistInstance::status(const QDateTime &now) const
{
    if (isOnDemand() && !isSigned()) {
        return PeriodStatus::Open;
    }
    return ScheduleCalculator::status(period, now, isSigned());
}

bool ChecklistInstance::isItemOverdue(const QString &itemId, const QDateTime &now) const
{
    return !isSigned() && !isOnDemand() && state(itemId) == ItemState::Open && now >= dueOf(itemId);
}

QByteArray ChecklistInstance::templateJson(const Checklist &checklist, const QList<QDateTime> &itemDue)
{
    QJsonArray items;
    for (qsizetype i = 0; i < checklist.items.size(); ++i) {
        const ChecklistItem &item = checklist.items.at(i);
        QJsonObject o { { u"id"_s, item.id }, { u"text"_s, textJson(item.text) } };
        if (item.verify.isSet()) {
            o.insert(u"verify"_s,
                QJsonObject { { u"endpoint"_s, item.verify.endpoint }, { u"kpi"_s, item.verify.kpi },
                    { u"state"_s, item.verify.state } });
        }
        if (!item.runbook.isEmpty()) {
            o.insert(u"runbook"_s, item.runbook);
        }
        if (i < itemDue.size() && itemDue.at(i).isValid()) {
            o.insert(u"due_at_ms"_s, itemDue.at(i).toMSecsSinceEpoch());
        }
        items.append(o);
    }
    const QJsonObject root { { u"title"_s, textJson(checklist.title) }, { u"role"_s, checklist.role },
        { u"schedule"_s, checklist.schedule.text },
        { u"on_demand"_s, checklist.schedule.kind == Schedule::Kind::OnDemand }, { u"items"_s, items } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

bool ChecklistInstance::readTemplateJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error
            = QCoreApplication::translate("ChecklistInstance", "instance %1: the stored template is not valid JSON: %2")
                  .arg(id)
                  .arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    title = textFrom(root.value(u"title"_s));
    onDemand = root.value(u"on_demand"_s).toBool();
    items.clear();
    itemDue.clear();
    for (const QJsonValue &value : root.value(u"items"_s).toArray()) {
        const QJsonObject o = value.toObject();
        ChecklistItem item;
        item.id = o.value(u"id"_s).toString();
        item.text = textFrom(o.value(u"text"_s));
        const QJsonObject verify = o.value(u"verify"_s).toObject();
        item.verify = { verify.value(u"endpoint"_s).toString(), verify.value(u"kpi"_s).toString(),
            verify.value(u"state"_s).toString() };
        item.runbook = o.value(u"runbook"_s).toString();
        items.append(item);
        itemDue.append(o.contains(u"due_at_ms"_s)
                ? QDateTime::fromMSecsSinceEpoch(qint64(o.value(u"due_at_ms"_s).toDouble()), QTimeZone::utc())
                : QDateTime());
    }
    return true;
}
