// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidents/incidentspage.h"

#include "incident/incidentlifecycle.h"
#include "incident/incidentlistmodel.h"
#include "incident/incidentstore.h"
#include "incidents/incidenteditor.h"
#include "incidents/newincidentdialog.h"
#include "incidents/postmortempanel.h"
#include "incidents/timelinepanel.h"
#include "statuslookdelegate.h"
#include "ui/languagemanager.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

IncidentsPage::IncidentsPage(QWidget *parent)
    : Page(parent)
    , m_sorted(new QSortFilterProxyModel(this))
    , m_list(new QTreeView(this))
    , m_new(new QPushButton(this))
    , m_heading(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_editor(new IncidentEditor(this))
    , m_timeline(new TimelinePanel(this))
    , m_postMortem(new PostMortemPanel(this))
    , m_message(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_clock(new QTimer(this))
    , m_splitter(new QSplitter(this))
{
    m_list->setObjectName(u"incidentList"_s);
    m_new->setObjectName(u"newIncidentButton"_s);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_sorted->setSortRole(IncidentListModel::SortKeyRole);
    m_sorted->setDynamicSortFilter(true);
    m_list->setModel(m_sorted);
    m_list->setItemDelegate(new StatusLookDelegate(&StatusLookDelegate::incident, m_list));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_message->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_tabs->addTab(m_editor, QString());
    m_tabs->addTab(m_timeline, QString());
    m_tabs->addTab(m_postMortem, QString());

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    auto *newRow = new QHBoxLayout;
    newRow->addStretch(1);
    newRow->addWidget(m_new);
    leftLayout->addLayout(newRow);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_tabs, 1);
    rightLayout->addWidget(m_message);
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_splitter, 1);

    connect(m_new, &QPushButton::clicked, this, &IncidentsPage::newIncident);
    connect(m_clock, &QTimer::timeout, this, &IncidentsPage::tickClock);
    m_clock->start(1000);
    retranslateUi();
    showIncident(0);
}

void IncidentsPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (!m_sized) {
        // The list needs room for its two clocks; its size hint does not ask for it.
        m_sized = true;
        const int total = m_splitter->width();
        m_splitter->setSizes({ total * 11 / 20, total - total * 11 / 20 });
    }
}

QString IncidentsPage::title() const
{
    return tr("Incidents");
}

void IncidentsPage::setStore(IncidentStore *store)
{
    m_store = store;
    m_listModel = new IncidentListModel(store, this);
    m_listModel->setLanguage(LanguageManager::uiLanguage());
    m_sorted->setSourceModel(m_listModel);
    m_sorted->sort(0, Qt::DescendingOrder);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(IncidentListModel::TitleColumn, QHeaderView::Stretch);
    m_list->header()->setMinimumSectionSize(40);
    m_list->setColumnHidden(IncidentListModel::CommanderColumn, true); // in the editor; the clocks need the room
    m_editor->setStore(store);
    m_timeline->setStore(store);
    m_postMortem->setStore(store);
    connect(
        m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            showIncident(current.data(IncidentListModel::IncidentIdRole).toLongLong());
        });
    connect(store, &IncidentStore::incidentsReset, this, [this] {
        if (!selectIncident(m_currentId) && m_sorted->rowCount() > 0) {
            m_list->setCurrentIndex(m_sorted->index(0, 0));
        } else if (m_sorted->rowCount() == 0) {
            showIncident(0);
        }
        updateHeading();
    });
    connect(store, &IncidentStore::incidentAdded, this, [this](qint64 id) {
        if (m_pendingSelect == 0 || m_currentId == 0) {
            m_pendingSelect = -1;
            selectIncident(id);
        }
        updateHeading();
    });
    connect(store, &IncidentStore::incidentChanged, this, [this](qint64 id) {
        if (id == m_currentId) {
            updateHeading();
        }
    });
    connect(store, &IncidentStore::loadFailed, this,
        [this](const QString &error) { m_message->setText(tr("Incidents could not be loaded: %1").arg(error)); });
    retranslateUi();
}

bool IncidentsPage::selectIncident(qint64 incidentId)
{
    if (!m_listModel || incidentId == 0) {
        return false;
    }
    const int row = m_listModel->rowOf(incidentId);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_sorted->mapFromSource(m_listModel->index(row, 0));
    m_list->setCurrentIndex(index);
    showIncident(incidentId);
    return true;
}

void IncidentsPage::showIncident(qint64 incidentId)
{
    if (incidentId == m_currentId && incidentId != 0) {
        return;
    }
    m_currentId = incidentId;
    m_editor->setIncidentId(incidentId);
    m_timeline->setIncidentId(incidentId);
    m_postMortem->setIncidentId(incidentId);
    m_message->clear();
    updateHeading();
}

void IncidentsPage::newIncident()
{
    if (!m_store) {
        return;
    }
    auto *dialog = new NewIncidentDialog(m_store->severities(), LanguageManager::uiLanguage(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Incident draft;
        draft.title = dialog->incidentTitle();
        draft.severity = dialog->severity();
        const QString why = m_store->create(draft);
        m_message->setText(why.isEmpty() ? QString() : tr("Not opened: %1").arg(why));
        if (why.isEmpty()) {
            m_pendingSelect = 0;
        }
    });
    dialog->open();
}

void IncidentsPage::updateHeading()
{
    const Incident *incident = m_store ? m_store->incident(m_currentId) : nullptr;
    m_empty->setVisible(!m_store || m_store->incidents().isEmpty());
    m_tabs->setEnabled(incident != nullptr);
    m_heading->setText(incident
            ? tr("#%1 %2 — %3, %4")
                  .arg(incident->id)
                  .arg(incident->title, incident->severity, IncidentLifecycle::statusText(incident->status))
            : tr("No incident selected"));
}

void IncidentsPage::tickClock()
{
    if (m_listModel && isVisible()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_listModel->setNow(now);
        m_editor->updateClocks(now);
    }
}

void IncidentsPage::retranslateUi()
{
    m_new->setText(tr("New incident…"));
    m_tabs->setTabText(0, tr("Details"));
    m_tabs->setTabText(1, tr("Timeline"));
    m_tabs->setTabText(2, tr("Post-mortem"));
    m_empty->setText(m_store ? tr("No incidents yet. Open one with \"New incident…\"; while it is open, health "
                                  "changes of its services are recorded in its timeline.")
                             : tr("The database is not open."));
    m_editor->retranslateUi();
    m_timeline->retranslateUi();
    m_postMortem->retranslateUi();
    if (m_listModel) {
        m_listModel->setLanguage(LanguageManager::uiLanguage());
    }
    updateHeading();
}
