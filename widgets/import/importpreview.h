// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

struct ImportOutcome;
class ImportReportModel;
class QLabel;
class QPlainTextEdit;
class QTableView;

// What an import will create and what it leaves out, before anything is written: a summary line, one row per
// source item (created or skipped, with the reason and the position in the source), then notes and to-dos.
class ImportPreview final : public QWidget
{
    Q_OBJECT
public:
    explicit ImportPreview(QWidget *parent = nullptr);

    void showOutcome(const ImportOutcome &outcome);
    void showMessage(const QString &text);
    ImportReportModel *model() const { return m_model; }
    QString summaryText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fitColumns();

    ImportReportModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
    QLabel *m_notesTitle;
    QPlainTextEdit *m_notes;
    QStringList m_errors;
    QString m_message;
    bool m_hasOutcome = false;
    bool m_nothing = false;
    QStringList m_todo;
    QStringList m_noteLines;
    QStringList m_unresolved;
};
