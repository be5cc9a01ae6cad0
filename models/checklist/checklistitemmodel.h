// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>

using namespace Qt::StringLiterals;

class ChecklistStore;
struct ChecklistInstance;

// The items of one checklist instance: a check box with the stored state (never ahead of storage), who did it
// and when, the note, the evidence and whether the write is saving, saved, unsaved or in conflict. Toggling the
// check box emits toggleRequested; the page decides (verify warnings) and calls the store.
class ChecklistItemModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ItemColumn, DoneByColumn, NoteColumn, EvidenceColumn, SaveColumn, ColumnCount };
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        StateRole, // ItemState as int
        OverdueRole, // bool: past the item's due time and not done; widgets colour it
        SaveStateRole, // ChecklistStore::SaveState as int
        SaveErrorRole,
        DueRole,
    };

    explicit ChecklistItemModel(ChecklistStore *store, QObject *parent = nullptr);

    void setInstanceId(qint64 instanceId);
    qint64 instanceId() const { return m_instanceId; }
    void setNow(const QDateTime &now);
    void setLanguage(const QString &language);
    int rowOf(const QString &itemId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void toggleRequested(const QString &itemId, bool done);

private:
    const ChecklistInstance *instance() const;
    QVariant display(const ChecklistInstance &instance, int row, int column) const;
    void emitAllChanged();

    ChecklistStore *m_store;
    qint64 m_instanceId = 0;
    int m_rows = 0;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    QString m_language = u"en"_s;
};
