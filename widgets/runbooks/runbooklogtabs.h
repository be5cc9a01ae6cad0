// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runbook/runbookrun.h"

#include <QMap>
#include <QTabWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class ResponseView;
class SyntaxHighlighterService;

// Under the Runbooks screen's steps: the selected step's live log, its request and response (highlighted) or command
// output, and the runbook's audit trail, one tab each.
class RunbookLogTabs final : public QTabWidget
{
    Q_OBJECT
public:
    explicit RunbookLogTabs(QWidget *parent = nullptr);

    void setHighlighter(SyntaxHighlighterService *service);
    // The step as it ran (or not yet); texts of manual steps in `language`.
    void showStep(const RunbookStep &step, const StepRun &run, const QString &language);
    void clearStep();
    // Adds a row in id order (rows not stored yet go last); a row seen before is ignored.
    void addAuditRow(const RunbookAuditRecord &record);
    void clearAudit();

    QString logText() const;
    QString requestText() const;
    QString responseText() const;
    int auditRowCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPlainTextEdit *m_log;
    ResponseView *m_request;
    ResponseView *m_response;
    QLabel *m_responseHead;
    QTreeWidget *m_auditView;
    QMap<qint64, RunbookAuditRecord> m_auditRows; // by audit id
};
