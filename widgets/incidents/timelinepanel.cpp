// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidents/timelinepanel.h"

#include "incident/incidentstore.h"
#include "incident/timelinefiltermodel.h"
#include "incident/timelinemodel.h"
#include "statuslookdelegate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The kind filter's choices, in combo order.
const QList<QSet<TimelineKind>> kindGroups = {
    {},
    { TimelineKind::Note },
    { TimelineKind::StatusChange, TimelineKind::SeverityChange },
    { TimelineKind::RoleChange },
    { TimelineKind::FieldChange },
    { TimelineKind::EndpointState, TimelineKind::KpiThreshold, TimelineKind::RunbookStep,
        TimelineKind::ChecklistSignOff, TimelineKind::AutoIncident },
    { TimelineKind::Notification, TimelineKind::Escalation, TimelineKind::Acknowledged },
};

} // namespace

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_filter(new TimelineFilterModel(this))
    , m_kinds(new QComboBox(this))
    , m_showCorrected(new QCheckBox(this))
    , m_view(new QTreeView(this))
    , m_entry(new QLineEdit(this))
    , m_backdate(new QCheckBox(this))
    , m_occurred(new QDateTimeEdit(this))
    , m_correct(new QPushButton(this))
    , m_jumpTo(new QDateTimeEdit(this))
    , m_jump(new QPushButton(this))
    , m_message(new QLabel(this))
{
    m_entry->setObjectName(u"quickEntry"_s);
    m_view->setObjectName(u"timelineView"_s);
    m_kinds->setObjectName(u"kindFilter"_s);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new StatusLookDelegate(&StatusLookDelegate::timelineEntry, m_view));
    m_message->setWordWrap(true);
    for (int i = 0; i < kindGroups.size(); ++i) {
        m_kinds->addItem(QString());
    }
    for (QDateTimeEdit *edit : { m_occurred, m_jumpTo }) {
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setCalendarPopup(true);
        edit->setDateTime(QDateTime::currentDateTime());
    }
    m_occurred->setEnabled(false);
    m_occurred->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_jumpTo->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    auto *top = new QHBoxLayout;
    top->addWidget(m_kinds);
    top->addWidget(m_showCorrected);
    top->addStretch(1);
    top->addWidget(m_jumpTo);
    top->addWidget(m_jump);
    auto *entryRow = new QHBoxLayout;
    entryRow->addWidget(m_entry, 1);
    entryRow->addWidget(m_backdate);
    entryRow->addWidget(m_occurred);
    entryRow->addWidget(m_correct);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(entryRow);
    layout->addWidget(m_message);

    connect(m_entry, &QLineEdit::returnPressed, this, &TimelinePanel::append);
    connect(m_backdate, &QCheckBox::toggled, m_occurred, &QWidget::setEnabled);
    connect(m_kinds, &QComboBox::currentIndexChanged, this, &TimelinePanel::applyKindFilter);
    connect(m_showCorrected, &QCheckBox::toggled, m_filter, &TimelineFilterModel::setShowSuperseded);
    connect(m_correct, &QPushButton::clicked, this, &TimelinePanel::correctSelected);
    connect(m_jump, &QPushButton::clicked, this, &TimelinePanel::jump);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] { m_view->scrollToBottom(); });
    retranslateUi();
}

void TimelinePanel::setStore(IncidentStore *store)
{
    m_store = store;
    m_model = new TimelineModel(store, this);
    m_filter->setSourceModel(m_model);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(TimelineModel::EntryColumn, QHeaderView::Stretch);
    connect(store, &IncidentStore::writeFailed, this, [this](qint64 id, const QString &error) {
        if (m_model && id == m_model->incidentId()) {
            m_message->setText(tr("Not recorded: %1").arg(error));
        }
    });
}

void TimelinePanel::setIncidentId(qint64 incidentId)
{
    if (m_model) {
        m_model->setIncidentId(incidentId);
    }
    m_message->clear();
    setEnabled(m_store && m_store->incident(incidentId));
}

void TimelinePanel::applyKindFilter()
{
    m_filter->setKinds(kindGroups.value(m_kinds->currentIndex()));
}

void TimelinePanel::append()
{
    if (!m_model || m_entry->text().trimmed().isEmpty()) {
        return;
    }
    const QDateTime occurred = m_backdate->isChecked() ? m_occurred->dateTime().toUTC() : QDateTime();
    const QString why = m_store->appendNote(m_model->incidentId(), m_entry->text(), occurred);
    if (!why.isEmpty()) {
        m_message->setText(tr("Not recorded: %1").arg(why));
        return;
    }
    m_message->clear();
    m_entry->clear();
    m_backdate->setChecked(false);
}

void TimelinePanel::correctSelected()
{
    const QModelIndex index = m_view->currentIndex();
    if (!m_model || !index.isValid()) {
        m_message->setText(tr("Select the entry to correct first."));
        return;
    }
    const qint64 entryId = index.data(TimelineModel::EntryIdRole).toLongLong();
    const TimelineEntry *entry = m_model->entryAt(m_model->rowOf(entryId));
    if (!entry) {
        return;
    }
    const qint64 incidentId = m_model->incidentId();
    const QDateTime occurred = m_backdate->isChecked() ? m_occurred->dateTime().toUTC() : QDateTime();
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Correct entry #%1").arg(entryId));
    dialog->setLabelText(occurred.isValid()
            ? tr("Corrected text (the entry stays in the history; occurred-at becomes the back-date):")
            : tr("Corrected text (the entry stays in the history):"));
    dialog->setTextValue(entry->text);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, incidentId, entryId, occurred](const QString &text) {
        const QString why = m_store->correct(incidentId, entryId, text, occurred);
        m_message->setText(why.isEmpty() ? QString() : tr("Not corrected: %1").arg(why));
    });
    dialog->open();
}

void TimelinePanel::jump()
{
    const int row = m_filter->rowAtOrAfter(m_jumpTo->dateTime().toUTC());
    if (row >= 0) {
        const QModelIndex index = m_filter->index(row, 0);
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index, QAbstractItemView::PositionAtTop);
    }
}

void TimelinePanel::retranslateUi()
{
    const QStringList kinds { tr("All entries"), tr("Notes"), tr("Status and severity"), tr("Roles"),
        tr("Field updates"), tr("Automatic events"), tr("Notifications and escalation") };
    for (int i = 0; i < kinds.size(); ++i) {
        m_kinds->setItemText(i, kinds.at(i));
    }
    m_showCorrected->setText(tr("Show corrected entries"));
    m_entry->setPlaceholderText(tr("Type a note and press Enter"));
    m_backdate->setText(tr("Occurred at"));
    m_correct->setText(tr("Correct…"));
    m_jump->setText(tr("Jump to time"));
}
