// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importpreview.h"

#include "import/importpipeline.h"
#include "import/importreportmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

ImportPreview::ImportPreview(QWidget *parent)
    : QWidget(parent)
    , m_model(new ImportReportModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_notesTitle(new QLabel(this))
    , m_notes(new QPlainTextEdit(this))
{
    m_summary->setObjectName(u"importSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(u"importTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_notes->setObjectName(u"importNotes"_s);
    m_notes->setReadOnly(true);
    m_notes->setMaximumHeight(m_notes->fontMetrics().lineSpacing() * 7);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_notesTitle);
    layout->addWidget(m_notes);
    retranslateUi();
}

void ImportPreview::showMessage(const QString &text)
{
    m_message = text;
    m_hasOutcome = false;
    m_model->clear();
    m_notes->clear();
    retranslateUi();
}

void ImportPreview::showOutcome(const ImportOutcome &outcome)
{
    m_message.clear();
    m_hasOutcome = true;
    m_nothing = outcome.status == ImportOutcome::Status::Nothing;
    m_errors = outcome.status == ImportOutcome::Status::Failed ? outcome.errors : QStringList();
    m_model->setResult(outcome.result);
    const ImportReport &report = outcome.result.report;
    m_todo = report.todo;
    m_noteLines = report.notes;
    m_unresolved = report.unresolvedVariables;
    retranslateUi();
    fitColumns();
}

void ImportPreview::fitColumns()
{
    m_table->resizeColumnsToContents();
    for (int c = 0; c < ImportReportModel::ColumnCount - 1; ++c) {
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 320));
    }
}

QString ImportPreview::summaryText() const
{
    return m_summary->text();
}

void ImportPreview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
        fitColumns();
    }
    QWidget::changeEvent(event);
}

void ImportPreview::retranslateUi()
{
    m_notesTitle->setText(tr("Notes and to-dos:"));
    if (!m_hasOutcome) {
        m_summary->setText(m_message.isEmpty() ? tr("Choose what to import, then Preview.") : m_message);
        return;
    }
    const ImportReportModel::Summary s = m_model->summary();
    QString text;
    if (!m_errors.isEmpty()) {
        text = tr("The import failed; nothing will be written:") + u'\n' + m_errors.join(u'\n');
    } else if (m_nothing) {
        text = tr("Nothing can be imported from these files (%n item(s) skipped); nothing will be written.", nullptr,
            int(s.skipped));
    } else {
        text = tr("Will create %n endpoint(s)", nullptr, int(s.endpoints)) + u", "_s
            + tr("%n KPI tile(s)", nullptr, int(s.kpis)) + u", "_s
            + tr("%n notification route(s)", nullptr, int(s.routes)) + u", "_s
            + tr("%n provider(s)", nullptr, int(s.providers)) + u", "_s
            + tr("%n maintenance window(s)", nullptr, int(s.maintenance)) + u", "_s
            + tr("in %n group(s)", nullptr, int(s.groups)) + u"; "_s + tr("%n item(s) skipped", nullptr, int(s.skipped))
            + u'.';
    }
    m_summary->setText(text);
    QStringList lines;
    for (const QString &t : m_todo) {
        lines << tr("To do: %1").arg(t);
    }
    lines += m_noteLines;
    if (!m_unresolved.isEmpty()) {
        lines << tr("Unresolved template variables: %1").arg(m_unresolved.join(u", "_s));
    }
    m_notes->setPlainText(lines.join(u'\n'));
}
