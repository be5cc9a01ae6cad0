// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklist/checkliststore.h"

#include "checklist/checklistsql.h"
#include "storage/storage.h"

#include <QSettings>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace {

// Templates carry English and Korean; the operator reads descriptions in the UI language.
QString uiText(const LocalizedText &text)
{
    return text.text(QLocale().language() == QLocale::Korean ? u"ko"_s : u"en"_s);
}

} // namespace

ChecklistStore::ChecklistStore(Storage *storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
{
    connect(m_storage, &Storage::changed, this, [this](const QString &subject, qint64 rowId) {
        if (subject == u"checklist_instances"_s) {
            reloadInstance(rowId);
        }
    });
    connect(m_storage, &Storage::resyncNeeded, this, [this] { refresh(); });
}

void ChecklistStore::setWorkspace(const Workspace &workspace)
{
    const bool changed = workspace.info.id != m_workspaceId;
    m_workspaceId = workspace.info.id;
    m_templates = workspace.checklists;
    if (changed) {
        m_instances.clear();
        m_saves.clear();
        Q_EMIT instancesReset();
    }
}

QString ChecklistStore::operatorName()
{
    const QString name = QSettings().value(u"operator/name"_s).toString().trimmed();
    if (!name.isEmpty()) {
        return name;
    }
    for (const char *variable : { "USER", "LOGNAME", "USERNAME" }) {
        const QString user = qEnvironmentVariable(variable).trimmed();
        if (!user.isEmpty()) {
            return user;
        }
    }
#ifdef Q_OS_UNIX
    // Services, containers and su sessions often have no USER: the account itself still has a name.
    if (const passwd *account = ::getpwuid(::getuid())) {
        return QString::fromLocal8Bit(account->pw_name);
    }
#endif
    return {};
}

void ChecklistStore::refresh(const QDateTime &now)
{
    QList<NewChecklistInstance> due;
    const QDateTime since = now.addDays(-m_lookbackDays);
    for (const Checklist &checklist : std::as_const(m_templates)) {
        for (const ChecklistPeriod &period : m_calc.periods(checklist.id, checklist.schedule, since, now)) {
            QList<QDateTime> itemDue;
            for (const ChecklistItem &item : checklist.items) {
                itemDue.append(item.due ? m_calc.toUtc(period.date, *item.due) : QDateTime());
            }
            due.append({ m_workspaceId, checklist.id, period, ChecklistInstance::templateJson(checklist, itemDue) });
        }
    }
    const QString workspaceId = m_workspaceId;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 sinceMs = since.toMSecsSinceEpoch();
    m_loadedSinceMs = sinceMs;
    if (!due.isEmpty()) {
        ensureInstances(tr("Creating the checklists due"), due, nowMs);
    }
    m_storage
        ->read(tr("Loading the checklists"),
            [workspaceId, sinceMs](QSqlDatabase &db) { return ChecklistSql::loadInstances(db, workspaceId, sinceMs); })
        .then(this, [this](const StorageResult<QList<ChecklistInstance>> &r) {
            if (!r) {
                Q_EMIT loadFailed(r.error());
                return;
            }
            m_instances = r.value();
            Q_EMIT instancesReset();
        });
}

void ChecklistStore::ensureInstances(const QString &what, const QList<NewChecklistInstance> &instances, qint64 nowMs)
{
    // Nothing to do here when it succeeds (the load that follows shows the instances), and a failure reaches the
    // operator through Storage::writeFailed(); the load still shows what exists.
    m_storage->write(
        what, [instances, nowMs](QSqlDatabase &db) { return ChecklistSql::ensureInstances(db, instances, nowMs); });
}

void ChecklistStore::startOnDemand(const QString &checklistId, const QDateTime &now)
{
    for (const Checklist &checklist : std::as_const(m_templates)) {
        if (checklist.id != checklistId) {
            continue;
        }
        const ChecklistPeriod period { checklistId + u'@' + now.toString(Qt::ISODateWithMs),
            now.toTimeZone(m_calc.zone()).date(), now, now, now };
        const QList<NewChecklistInstance> one { { m_workspaceId, checklistId, period,
            ChecklistInstance::templateJson(checklist, {}) } };
        ensureInstances(tr("Starting the checklist \"%1\"").arg(uiText(checklist.title)), one, now.toMSecsSinceEpoch());
        refresh(now);
        return;
    }
}

void ChecklistStore::reloadInstance(qint64 instanceId)
{
    m_storage
        ->read(tr("Reloading the checklist \"%1\"").arg(titleOf(instanceId)),
            [instanceId](QSqlDatabase &db) { return ChecklistSql::loadInstance(db, instanceId); })
        .then(this, [this](const StorageResult<ChecklistInstance> &r) {
            // Failed: offline, and the change feed catches up once it is back.
            if (r) {
                mergeInstance(r.value());
            }
        });
}

QString ChecklistStore::titleOf(qint64 instanceId) const
{
    const ChecklistInstance *inst = instance(instanceId);
    return inst ? uiText(inst->title) : QString::number(instanceId);
}

QList<qint64> ChecklistStore::checkLate(const QDateTime &now)
{
    QList<qint64> late;
    for (const ChecklistInstance &instance : std::as_const(m_instances)) {
        if (instance.status(now) == PeriodStatus::Overdue && !m_reportedLate.contains(instance.id)) {
            m_reportedLate.insert(instance.id);
            late << instance.id;
        }
    }
    for (qint64 id : std::as_const(late)) {
        Q_EMIT becameLate(id);
    }
    return late;
}

const ChecklistInstance *ChecklistStore::instance(qint64 id) const
{
    for (const ChecklistInstance &i : m_instances) {
        if (i.id == id) {
            return &i;
        }
    }
    return nullptr;
}

ChecklistEvidence ChecklistStore::evidenceFor(const ChecklistItem &item) const
{
    if (!item.verify.isSet()) {
        return {};
    }
    const QString target
        = item.verify.endpoint.isEmpty() ? u"kpi:"_s + item.verify.kpi : u"endpoint:"_s + item.verify.endpoint;
    if (m_verifier) {
        if (auto evidence = m_verifier(item.verify)) {
            evidence->target = target;
            return *evidence;
        }
    }
    ChecklistEvidence none;
    none.target = target;
    return none;
}

bool ChecklistStore::tick(qint64 instanceId, const QString &itemId, const QString &note)
{
    return record(instanceId, itemId, TickAction::Tick, note, {});
}

bool ChecklistStore::untick(qint64 instanceId, const QString &itemId, const QString &note)
{
    return record(instanceId, itemId, TickAction::Untick, note, {});
}

bool ChecklistStore::skip(qint64 instanceId, const QString &itemId, const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        return false;
    }
    return record(instanceId, itemId, TickAction::Skip, {}, reason.trimmed());
}

bool ChecklistStore::record(
    qint64 instanceId, const QString &itemId, TickAction action, const QString &note, const QString &skipReason)
{
    const ChecklistInstance *inst = instance(instanceId);
    const ChecklistItem *item = inst ? inst->item(itemId) : nullptr;
    if (!item || inst->isSigned() || saveState(instanceId, itemId) == SaveState::Saving) {
        return false;
    }
    Write write;
    write.instanceId = instanceId;
    const auto latest = inst->latest(itemId);
    write.seenItemVersion = latest ? latest->version : 0;
    write.tick.itemId = itemId;
    write.tick.action = action;
    write.tick.actor = operatorName();
    write.tick.at = QDateTime::currentDateTimeUtc();
    write.tick.note = note;
    write.tick.skipReason = skipReason;
    if (action == TickAction::Tick) {
        write.tick.evidence = evidenceFor(*item);
    }
    submitWrite(write);
    return true;
}

bool ChecklistStore::retry(qint64 instanceId, const QString &itemId)
{
    const auto it = m_saves.constFind(itemKey(instanceId, itemId));
    if (it == m_saves.constEnd() || (it->state != SaveState::Unsaved && it->state != SaveState::Conflict)) {
        return false;
    }
    Write write = it->last;
    // A retry after a conflict applies the write over what the operator has now seen.
    if (const ChecklistInstance *inst = instance(instanceId)) {
        const auto latest = inst->latest(itemId);
        write.seenItemVersion = latest ? latest->version : 0;
    }
    write.tick.at = QDateTime::currentDateTimeUtc();
    submitWrite(write);
    return true;
}

void ChecklistStore::submitWrite(const Write &write)
{
    m_saves[itemKey(write.instanceId, write.tick.itemId)].last = write;
    setItemSave(write.instanceId, write.tick.itemId, SaveState::Saving);
    const ChecklistInstance *inst = instance(write.instanceId);
    const ChecklistItem *item = inst ? inst->item(write.tick.itemId) : nullptr;
    const QString itemText = item ? uiText(item->text) : write.tick.itemId;
    const QString checklist = titleOf(write.instanceId);
    QString what;
    switch (write.tick.action) {
    case TickAction::Tick:
        what = tr("Saving the tick on \"%1\" (%2)").arg(itemText, checklist);
        break;
    case TickAction::Untick:
        what = tr("Saving the untick of \"%1\" (%2)").arg(itemText, checklist);
        break;
    case TickAction::Skip:
        what = tr("Saving the skip of \"%1\" (%2)").arg(itemText, checklist);
        break;
    }
    m_storage
        ->write(what,
            [write](QSqlDatabase &db) {
                return ChecklistSql::recordAction(db, write.instanceId, write.seenItemVersion, write.tick);
            })
        .then(this,
            [this, instanceId = write.instanceId, itemId = write.tick.itemId](
                const StorageResult<ChecklistWriteResult> &r) {
                if (r) {
                    onWritten(instanceId, itemId, r.value());
                } else {
                    setItemSave(instanceId, itemId, SaveState::Unsaved, r.error());
                }
            });
}

void ChecklistStore::onWritten(qint64 instanceId, const QString &itemId, const ChecklistWriteResult &write)
{
    replaceInstance(write.instance);
    if (!write.conflict) {
        setItemSave(instanceId, itemId, SaveState::Saved);
        return;
    }
    const auto latest = write.instance.latest(itemId);
    const QString message = latest
        ? tr("%1 changed this item at %2 in another window; your change was recorded in the history but "
             "not applied")
              .arg(latest->actor, QLocale().toString(latest->at.toLocalTime(), QLocale::ShortFormat))
        : tr("this item changed in another window; your change was recorded in the history but not applied");
    setItemSave(instanceId, itemId, SaveState::Conflict, message);
    Q_EMIT conflictDetected(instanceId, itemId, message);
}

void ChecklistStore::sign(qint64 instanceId, const QString &comment)
{
    const ChecklistInstance *inst = instance(instanceId);
    if (!inst) {
        Q_EMIT signFailed(instanceId, tr("checklist instance %1 is not loaded").arg(instanceId));
        return;
    }
    const qint64 version = inst->version;
    const QString signer = operatorName();
    const qint64 atMs = QDateTime::currentMSecsSinceEpoch();
    m_storage
        ->write(tr("Signing off \"%1\"").arg(titleOf(instanceId)),
            [=](QSqlDatabase &db) { return ChecklistSql::sign(db, instanceId, version, signer, atMs, comment); })
        .then(this, [this, instanceId](const StorageResult<ChecklistInstance> &r) {
            if (!r) {
                Q_EMIT signFailed(instanceId, r.error());
                return;
            }
            replaceInstance(r.value());
            Q_EMIT signedOff(instanceId);
        });
}

ChecklistStore::SaveState ChecklistStore::saveState(qint64 instanceId, const QString &itemId) const
{
    return m_saves.value(itemKey(instanceId, itemId)).state;
}

QString ChecklistStore::saveError(qint64 instanceId, const QString &itemId) const
{
    return m_saves.value(itemKey(instanceId, itemId)).error;
}

bool ChecklistStore::isSaving(qint64 instanceId) const
{
    for (auto it = m_saves.cbegin(); it != m_saves.cend(); ++it) {
        if (it->state == SaveState::Saving && it->last.instanceId == instanceId) {
            return true;
        }
    }
    return false;
}

void ChecklistStore::replaceInstance(const ChecklistInstance &instance)
{
    for (ChecklistInstance &i : m_instances) {
        if (i.id == instance.id) {
            i = instance;
            Q_EMIT instanceChanged(instance.id);
            return;
        }
    }
}

void ChecklistStore::mergeInstance(const ChecklistInstance &instance)
{
    if (instance.workspaceId != m_workspaceId) {
        return;
    }
    if (this->instance(instance.id)) {
        replaceInstance(instance);
        return;
    }
    if (instance.period.start.toMSecsSinceEpoch() < m_loadedSinceMs) {
        return;
    }
    // Newest period first, as loadInstances() orders them.
    const auto before = [&instance](const ChecklistInstance &other) {
        return std::pair(other.period.start, other.id) < std::pair(instance.period.start, instance.id);
    };
    m_instances.insert(std::find_if(m_instances.begin(), m_instances.end(), before), instance);
    Q_EMIT instancesReset();
}

void ChecklistStore::setItemSave(qint64 instanceId, const QString &itemId, SaveState state, const QString &error)
{
    ItemSave &save = m_saves[itemKey(instanceId, itemId)];
    save.state = state;
    save.error = error;
    Q_EMIT itemSaveStateChanged(instanceId, itemId);
}

QString ChecklistStore::itemKey(qint64 instanceId, const QString &itemId)
{
    return QString::number(instanceId) + u'/' + itemId;
}
