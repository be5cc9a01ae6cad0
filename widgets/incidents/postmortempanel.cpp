// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidents/postmortempanel.h"

#include "export/fileexporter.h"
#include "incident/actionitemmodel.h"
#include "incident/incidentexport.h"
#include "incident/incidentstore.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int sectionCount = 7;

QString PostMortem::*const fields[sectionCount]
    = { &PostMortem::summary, &PostMortem::rootCause, &PostMortem::contributingFactors, &PostMortem::resolution,
          &PostMortem::preventionImmediate, &PostMortem::preventionLongTerm, &PostMortem::lessons };

// Status as a choice of three, not a number.
class StatusDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *box = new QComboBox(parent);
        for (ActionStatus s : { ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done }) {
            box->addItem(ActionItemModel::statusText(s), int(s));
        }
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *box = static_cast<QComboBox *>(editor);
        box->setCurrentIndex(box->findData(index.data(Qt::EditRole)));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData());
    }
};

} // namespace

PostMortemPanel::PostMortemPanel(QWidget *parent)
    : QWidget(parent)
    , m_actionsLabel(new QLabel(this))
    , m_actionView(new QTableView(this))
    , m_removeAction(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_exportMarkdown(new QPushButton(this))
    , m_exportPdf(new QPushButton(this))
    , m_message(new QLabel(this))
{
    m_exporter = new FileExporter(this);
    connect(m_exporter, &FileExporter::finished, this, [this](const QString &path, const QString &error) {
        m_message->setText(
            error.isEmpty() ? tr("Exported to %1").arg(path) : tr("cannot write %1: %2").arg(path, error));
    });
    auto *sections = new QWidget(this);
    auto *grid = new QGridLayout(sections);
    for (int i = 0; i < sectionCount; ++i) {
        auto *label = new QLabel(sections);
        auto *edit = new QPlainTextEdit(sections);
        edit->setTabChangesFocus(true);
        edit->setMinimumHeight(56);
        m_labels.append(label);
        m_edits.append(edit);
        grid->addWidget(label, i / 2 * 2, i % 2);
        grid->addWidget(edit, i / 2 * 2 + 1, i % 2);
        connect(edit, &QPlainTextEdit::textChanged, this, [this] {
            m_dirty = true;
            m_save->setEnabled(true);
        });
    }
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(sections);
    m_actionView->setItemDelegateForColumn(ActionItemModel::StatusColumn, new StatusDelegate(m_actionView));
    m_actionView->verticalHeader()->hide();
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_removeAction);
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_exportMarkdown);
    buttons->addWidget(m_exportPdf);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 3);
    layout->addWidget(m_actionsLabel);
    layout->addWidget(m_actionView, 2);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &PostMortemPanel::save);
    m_removeAction->setObjectName(u"removeActionItem"_s);
    m_removeAction->setEnabled(false);
    connect(m_removeAction, &QPushButton::clicked, this, &PostMortemPanel::removeSelectedAction);
    auto *remove = new QShortcut(QKeySequence::Delete, m_actionView, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &PostMortemPanel::removeSelectedAction);
    connect(m_exportMarkdown, &QPushButton::clicked, this, [this] { exportTo(false); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportTo(true); });
    retranslateUi();
}

void PostMortemPanel::setStore(IncidentStore *store)
{
    m_store = store;
    m_actions = new ActionItemModel(store, this);
    m_actionView->setModel(m_actions);
    m_actionView->horizontalHeader()->setSectionResizeMode(ActionItemModel::ActionColumn, QHeaderView::Stretch);
    connect(store, &IncidentStore::incidentChanged, this, [this](qint64 id) {
        if (id == m_incidentId && !m_dirty) {
            load();
        }
    });
    connect(store, &IncidentStore::writeFailed, this, [this](qint64 id, const QString &error) {
        if (id == m_incidentId) {
            m_message->setText(tr("Not saved: %1").arg(error));
        }
    });
    connect(m_actions, &QAbstractItemModel::dataChanged, this, [this] { m_message->setText(m_actions->lastError()); });
    const auto updateRemove = [this] {
        const QModelIndex current = m_actionView->currentIndex();
        m_removeAction->setEnabled(current.isValid() && current.row() < m_actions->rowCount() - 1);
    };
    connect(m_actionView->selectionModel(), &QItemSelectionModel::currentChanged, this, updateRemove);
    connect(m_actions, &QAbstractItemModel::modelReset, this, updateRemove);
}

void PostMortemPanel::removeSelectedAction()
{
    const QModelIndex current = m_actionView->currentIndex();
    if (!m_actions || !current.isValid() || current.row() >= m_actions->rowCount() - 1) {
        return;
    }
    const QString error = m_actions->removeItem(current.row());
    m_message->setText(error.isEmpty() ? QString() : tr("Not removed: %1").arg(error));
}

void PostMortemPanel::setIncidentId(qint64 incidentId)
{
    m_incidentId = incidentId;
    if (m_actions) {
        m_actions->setIncidentId(incidentId);
    }
    m_message->clear();
    load();
}

void PostMortemPanel::load()
{
    const Incident *incident = m_store ? m_store->incident(m_incidentId) : nullptr;
    setEnabled(incident != nullptr);
    for (int i = 0; i < sectionCount; ++i) {
        const QString text = incident ? incident->postMortem.*fields[i] : QString();
        if (m_edits.at(i)->toPlainText() != text) {
            m_edits.at(i)->setPlainText(text);
        }
    }
    m_dirty = false;
    m_save->setEnabled(false);
}

void PostMortemPanel::save()
{
    const Incident *incident = m_store ? m_store->incident(m_incidentId) : nullptr;
    if (!incident) {
        return;
    }
    Incident edited = *incident;
    for (int i = 0; i < sectionCount; ++i) {
        edited.postMortem.*fields[i] = m_edits.at(i)->toPlainText();
    }
    const QString why = m_store->save(edited);
    m_message->setText(why.isEmpty() ? QString() : tr("Not saved: %1").arg(why));
    if (why.isEmpty()) {
        m_dirty = false;
        m_save->setEnabled(false);
    }
}

void PostMortemPanel::exportTo(bool pdf)
{
    const Incident *incident = m_store ? m_store->incident(m_incidentId) : nullptr;
    if (!incident) {
        return;
    }
    if (m_dirty) {
        m_message->setText(tr("Save the post-mortem first; the export shows what is stored."));
        return;
    }
    const QString name = u"incident-%1%2"_s.arg(incident->id).arg(pdf ? u".pdf"_s : u".md"_s);
    auto *dialog
        = new QFileDialog(this, tr("Export post-mortem"), name, pdf ? tr("PDF (*.pdf)") : tr("Markdown (*.md)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    const Incident copy = *incident;
    connect(dialog, &QFileDialog::fileSelected, this, [this, copy, pdf](const QString &path) {
        // Rendered and written off the GUI thread; the file is replaced only when complete.
        m_message->setText(tr("Exporting to %1…").arg(path));
        m_exporter->write(
            path, IncidentExport::markdown(copy, QLocale(), QTimeZone::systemTimeZone()), copy.title, pdf);
    });
    dialog->open();
}

void PostMortemPanel::retranslateUi()
{
    const QStringList labels { tr("Summary"), tr("Root cause"), tr("Contributing factors (one per line)"),
        tr("Resolution (one step per line)"), tr("Prevention: immediate (one per line)"),
        tr("Prevention: long term (one per line)"), tr("Lessons learned (one per line)") };
    for (int i = 0; i < sectionCount; ++i) {
        m_labels.at(i)->setText(labels.at(i));
    }
    m_actionsLabel->setText(tr("Action items"));
    m_save->setText(tr("Save post-mortem"));
    m_removeAction->setText(tr("Remove action item"));
    m_removeAction->setToolTip(tr("Removes the selected action item (Delete)"));
    m_exportMarkdown->setText(tr("Export Markdown…"));
    m_exportPdf->setText(tr("Export PDF…"));
}
