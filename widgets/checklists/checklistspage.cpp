// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklists/checklistspage.h"

#include "checklist/checklistexport.h"
#include "checklist/checklistinstancefilter.h"
#include "checklist/checklistinstancemodel.h"
#include "checklist/checklistitemmodel.h"
#include "checklist/checkliststore.h"
#include "checklists/exportrangedialog.h"
#include "checklists/signoffdialog.h"
#include "export/fileexporter.h"
#include "session/checklistclock.h"
#include "statuslookdelegate.h"
#include "ui/languagemanager.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ChecklistsPage::ChecklistsPage(QWidget *parent)
    : Page(parent)
    , m_views(new QTabBar(this))
    , m_instances(new QTreeView(this))
    , m_heading(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_items(new QTreeView(this))
    , m_note(new QLineEdit(this))
    , m_skip(new QPushButton(this))
    , m_retry(new QPushButton(this))
    , m_sign(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_exportMarkdown(new QAction(this))
    , m_exportPdf(new QAction(this))
    , m_exportRange(new QAction(this))
    , m_exporter(new FileExporter(this))
    , m_onDemand(new QComboBox(this))
    , m_start(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_empty(new QLabel(this))
{
    m_instances->setObjectName(u"instanceView"_s);
    m_items->setObjectName(u"itemView"_s);
    m_sign->setObjectName(u"signButton"_s);
    m_note->setObjectName(u"noteEdit"_s);
    m_message->setObjectName(u"message"_s);
    for (int i = 0; i < 3; ++i) {
        m_views->addTab(QString());
    }
    for (QTreeView *view : { m_instances, m_items }) {
        view->setRootIsDecorated(false);
        view->setAlternatingRowColors(true);
        view->setUniformRowHeights(true);
    }
    m_items->setWordWrap(true);
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_message->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_views);
    leftLayout->addWidget(m_instances, 1);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_onDemand, 1);
    startRow->addWidget(m_start);
    leftLayout->addLayout(startRow);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_progress);
    rightLayout->addLayout(headingRow);
    rightLayout->addWidget(m_items, 1);
    rightLayout->addWidget(m_note);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_skip);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_sign);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_message);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(splitter, 1);

    connect(m_skip, &QPushButton::clicked, this, &ChecklistsPage::skipCurrentItem);
    connect(m_retry, &QPushButton::clicked, this, &ChecklistsPage::retryCurrentItem);
    connect(m_sign, &QPushButton::clicked, this, &ChecklistsPage::signOff);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addActions({ m_exportMarkdown, m_exportPdf });
    exportMenu->addSeparator();
    exportMenu->addAction(m_exportRange);
    m_export->setMenu(exportMenu);
    m_export->setObjectName(u"exportButton"_s);
    connect(m_exportMarkdown, &QAction::triggered, this, [this] { exportCurrent(false); });
    connect(m_exportPdf, &QAction::triggered, this, [this] { exportCurrent(true); });
    connect(m_exportRange, &QAction::triggered, this, &ChecklistsPage::exportRange);
    connect(m_exporter, &FileExporter::finished, this, [this](const QString &path, const QString &error) {
        m_message->setText(error.isEmpty() ? tr("Exported to %1").arg(QDir::toNativeSeparators(path))
                                           : tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), error));
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (m_store && m_onDemand->currentIndex() >= 0) {
            m_store->startOnDemand(m_onDemand->currentData().toString());
        }
    });
    retranslateUi();
    updateDetails();
}

QString ChecklistsPage::title() const
{
    return tr("Checklists");
}

void ChecklistsPage::setStore(ChecklistStore *store)
{
    m_store = store;
    m_instanceModel = new ChecklistInstanceModel(store, this);
    m_filter = new ChecklistInstanceFilter(this);
    m_filter->setSourceModel(m_instanceModel);
    m_instances->setModel(m_filter);
    m_instances->setItemDelegate(new StatusLookDelegate(&StatusLookDelegate::checklistInstance, m_instances));
    m_itemModel = new ChecklistItemModel(store, this);
    m_items->setModel(m_itemModel);
    m_items->setItemDelegate(new StatusLookDelegate(&StatusLookDelegate::checklistItem, m_items));
    m_items->header()->setSectionResizeMode(ChecklistItemModel::ItemColumn, QHeaderView::Stretch);
    m_items->header()->setStretchLastSection(false);
    connect(m_views, &QTabBar::currentChanged, this,
        [this](int index) { m_filter->setView(ChecklistInstanceFilter::View(index)); });
    connect(m_instances->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            showInstance(current.data(ChecklistInstanceModel::InstanceIdRole).toLongLong());
        });
    connect(m_itemModel, &ChecklistItemModel::toggleRequested, this, &ChecklistsPage::onToggleRequested);
    connect(m_items->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ChecklistsPage::updateDetails);
    connect(store, &ChecklistStore::instancesReset, this, [this] {
        fillOnDemand();
        if (m_itemModel->instanceId() == 0 && m_filter->rowCount() > 0) {
            m_instances->setCurrentIndex(m_filter->index(0, 0));
        }
        updateDetails();
        m_store->checkLate();
    });
    connect(store, &ChecklistStore::instanceChanged, this, &ChecklistsPage::updateDetails);
    connect(store, &ChecklistStore::itemSaveStateChanged, this, &ChecklistsPage::updateDetails);
    connect(store, &ChecklistStore::conflictDetected, this,
        [this](qint64, const QString &, const QString &message) { m_message->setText(message); });
    connect(store, &ChecklistStore::signFailed, this,
        [this](qint64, const QString &error) { m_message->setText(tr("Not signed: %1").arg(error)); });
    connect(store, &ChecklistStore::loadFailed, this,
        [this](const QString &error) { m_message->setText(tr("Checklists could not be loaded: %1").arg(error)); });
    retranslateUi();
}

qint64 ChecklistsPage::currentInstanceId() const
{
    return m_itemModel ? m_itemModel->instanceId() : 0;
}

bool ChecklistsPage::selectInstance(qint64 instanceId)
{
    if (!m_store || m_instanceModel->rowOf(instanceId) < 0) {
        return false;
    }
    for (int view = 0; view < m_views->count(); ++view) {
        m_views->setCurrentIndex(view);
        const QModelIndex source = m_instanceModel->index(m_instanceModel->rowOf(instanceId), 0);
        const QModelIndex index = m_filter->mapFromSource(source);
        if (index.isValid()) {
            m_instances->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

void ChecklistsPage::showInstance(qint64 instanceId)
{
    m_itemModel->setInstanceId(instanceId);
    m_message->clear();
    updateDetails();
}

QString ChecklistsPage::currentItemId() const
{
    const QModelIndex index = m_items->currentIndex();
    return index.isValid() ? index.data(ChecklistItemModel::ItemIdRole).toString() : QString();
}

void ChecklistsPage::onToggleRequested(const QString &itemId, bool done)
{
    const qint64 id = currentInstanceId();
    if (!done) {
        m_store->untick(id, itemId, m_note->text().trimmed());
        m_note->clear();
        return;
    }
    const ChecklistInstance *instance = m_store->instance(id);
    const ChecklistItem *item = instance ? instance->item(itemId) : nullptr;
    if (!item) {
        return;
    }
    const ChecklistEvidence evidence = m_store->evidenceFor(*item);
    if (evidence.verified && !evidence.passed) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Verification failed"),
            tr("The check for this item currently fails: %1\n\nTick it anyway?").arg(evidence.summary()),
            QMessageBox::Yes | QMessageBox::No, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, id, itemId](int) {
            if (box->clickedButton() == box->button(QMessageBox::Yes)) {
                tickAfterVerify(id, itemId);
            }
        });
        box->open();
        return;
    }
    tickAfterVerify(id, itemId);
}

void ChecklistsPage::tickAfterVerify(qint64 instanceId, const QString &itemId)
{
    if (m_store->tick(instanceId, itemId, m_note->text().trimmed())) {
        m_note->clear();
    }
}

void ChecklistsPage::skipCurrentItem()
{
    const qint64 id = currentInstanceId();
    const QString itemId = currentItemId();
    if (itemId.isEmpty()) {
        return;
    }
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Skip item"));
    dialog->setLabelText(tr("Why is this item skipped?"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id, itemId](const QString &reason) {
        if (!m_store->skip(id, itemId, reason)) {
            m_message->setText(tr("An item is skipped only with a reason."));
        }
    });
    dialog->open();
}

void ChecklistsPage::retryCurrentItem()
{
    m_store->retry(currentInstanceId(), currentItemId());
}

void ChecklistsPage::signOff()
{
    const ChecklistInstance *instance = m_store ? m_store->instance(currentInstanceId()) : nullptr;
    if (!instance) {
        return;
    }
    auto *dialog
        = new SignOffDialog(instance->title.text(LanguageManager::uiLanguage()), ChecklistStore::operatorName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = instance->id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] { m_store->sign(id, dialog->comment()); });
    dialog->open();
}

void ChecklistsPage::exportCurrent(bool pdf)
{
    const ChecklistInstance *instance = m_store ? m_store->instance(currentInstanceId()) : nullptr;
    if (!instance || !instance->isSigned()) {
        return;
    }
    const QString language = LanguageManager::uiLanguage();
    askForFile(instance->periodKey, pdf, ChecklistExport::markdown(*instance, language, QLocale(), m_store->timeZone()),
        instance->title.text(language));
}

void ChecklistsPage::exportRange()
{
    if (!m_store) {
        return;
    }
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(m_store->timeZone()).date();
    auto *dialog = new ExportRangeDialog(today, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString markdown = ChecklistExport::markdownRange(m_store->instances(), dialog->from(), dialog->to(),
            LanguageManager::uiLanguage(), QLocale(), m_store->timeZone());
        const QString name
            = u"checklists_%1_%2"_s.arg(dialog->from().toString(Qt::ISODate), dialog->to().toString(Qt::ISODate));
        askForFile(name, dialog->pdf(), markdown, name);
    });
    dialog->open();
}

void ChecklistsPage::askForFile(const QString &suggested, bool pdf, const QString &markdown, const QString &title)
{
    QString fileName = suggested;
    fileName.replace(QLatin1Char(':'), QLatin1Char('-')); // on-demand keys carry a time
    fileName += pdf ? u".pdf"_s : u".md"_s;
    auto *dialog
        = new QFileDialog(this, tr("Export checklist"), fileName, pdf ? tr("PDF (*.pdf)") : tr("Markdown (*.md)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, [this, pdf, markdown, title](const QString &path) {
        m_message->setText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
        m_exporter->write(path, markdown, title, pdf);
    });
    dialog->open();
}

void ChecklistsPage::updateDetails()
{
    const ChecklistInstance *instance = m_store ? m_store->instance(currentInstanceId()) : nullptr;
    m_empty->setVisible(!m_store || m_store->instances().isEmpty());
    m_start->setEnabled(m_onDemand->count() > 0);
    m_onDemand->setVisible(m_onDemand->count() > 0);
    m_start->setVisible(m_onDemand->count() > 0);
    if (!instance) {
        m_heading->setText(tr("No checklist selected"));
        m_progress->clear();
        for (QWidget *w : std::initializer_list<QWidget *> { m_skip, m_retry, m_sign, m_note }) {
            w->setEnabled(false);
        }
        m_export->setEnabled(m_store != nullptr); // a date range needs no selection
        m_exportMarkdown->setEnabled(false);
        m_exportPdf->setEnabled(false);
        return;
    }
    const QString language = LanguageManager::uiLanguage();
    m_heading->setText(instance->isSigned()
            ? tr("%1 — signed by %2, %3")
                  .arg(instance->title.text(language), instance->signedBy,
                      QLocale().toString(instance->signedAt.toLocalTime(), QLocale::ShortFormat))
            : instance->title.text(language));
    m_progress->setText(tr("%1/%2 done").arg(instance->doneCount()).arg(instance->total()));
    const QString itemId = currentItemId();
    const auto save = m_store->saveState(instance->id, itemId);
    const bool open = !instance->isSigned();
    m_note->setEnabled(open);
    m_skip->setEnabled(open && !itemId.isEmpty() && save != ChecklistStore::SaveState::Saving);
    m_retry->setEnabled(
        open && (save == ChecklistStore::SaveState::Unsaved || save == ChecklistStore::SaveState::Conflict));
    m_sign->setEnabled(open && instance->isComplete() && !m_store->isSaving(instance->id));
    m_export->setEnabled(true);
    m_exportMarkdown->setEnabled(instance->isSigned());
    m_exportPdf->setEnabled(instance->isSigned());
}

void ChecklistsPage::setClock(ChecklistClock *clock)
{
    connect(clock, &ChecklistClock::ticked, this, &ChecklistsPage::showTime);
}

void ChecklistsPage::showTime(const QDateTime &now)
{
    if (m_instanceModel) {
        m_instanceModel->setNow(now);
        m_itemModel->setNow(now);
        m_filter->invalidate();
    }
}

void ChecklistsPage::fillOnDemand()
{
    const QString current = m_onDemand->currentData().toString();
    m_onDemand->clear();
    for (const Checklist &c : m_store->templates()) {
        if (c.schedule.kind == Schedule::Kind::OnDemand) {
            m_onDemand->addItem(c.title.text(LanguageManager::uiLanguage()), c.id);
        }
    }
    m_onDemand->setCurrentIndex(qMax(0, m_onDemand->findData(current)));
}

void ChecklistsPage::retranslateUi()
{
    if (m_store) {
        fillOnDemand(); // workspace titles follow the UI language
    }
    m_views->setTabText(0, tr("Current"));
    m_views->setTabText(1, tr("Missed"));
    m_views->setTabText(2, tr("History"));
    m_note->setPlaceholderText(tr("Note for the next tick (optional)"));
    m_skip->setText(tr("Skip…"));
    m_retry->setText(tr("Retry"));
    m_sign->setText(tr("Sign off…"));
    m_export->setText(tr("Export"));
    m_exportMarkdown->setText(tr("This checklist as Markdown…"));
    m_exportPdf->setText(tr("This checklist as PDF…"));
    m_exportRange->setText(tr("Signed checklists in a date range…"));
    m_export->setToolTip(tr("Only signed checklists are records that can be exported"));
    m_start->setText(tr("Start"));
    m_empty->setText(m_store ? tr("This workspace has no checklists due yet.") : tr("The database is not open."));
    if (m_instanceModel) {
        m_instanceModel->setLanguage(LanguageManager::uiLanguage());
        m_itemModel->setLanguage(LanguageManager::uiLanguage());
    }
    updateDetails();
}
