// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"
#include "runbook/runbookrun.h"
#include "runbooks/confirmstepdialog.h"
#include "session/session.h"
#include "workspace/workspace.h"

#include <QPointer>

using namespace Qt::StringLiterals;

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;
class QTreeView;
class RunbookAudit;
class RunbookLogTabs;
class RunbookRunner;
class RunbookStepModel;
class SyntaxHighlighterService;

// The Runbooks screen: the workspace's runbooks on the left; the selected one's steps with state icons and elapsed
// time against budget, Run all / Run from here / Run step / Abort; under them RunbookLogTabs (the selected step's
// log, request and response, and the runbook's audit trail). State-changing steps ask through ConfirmStepDialog;
// manual steps wait for "Done" with an optional note. It shows the Session's runner and audit and asks through
// its trust gate; it owns neither.
class RunbooksPage final : public Page
{
    Q_OBJECT
public:
    explicit RunbooksPage(Session *session, QWidget *parent = nullptr);
    ~RunbooksPage() override;

    // The window's answer to the Session's trust gate: a warning box over `parent` listing the commands.
    static Session::TrustAsk trustPrompt(QWidget *parent);

    QString id() const override { return u"runbooks"_s; }
    QString title() const override;

    void setWorkspace(const Workspace &workspace);
    bool selectRunbook(const QString &runbookId);
    void selectStep(int index);

    RunbookRunner *runner() const { return m_runner; }
    QTreeView *stepView() const { return m_steps; }
    ConfirmStepDialog *confirmDialog() const { return m_dialog; }
    QString logText() const;
    QString requestText() const;
    QString responseText() const;
    int auditRowCount() const;
    QString messageText() const;

protected:
    void retranslateUi() override;

private:
    void startRun(int mode);
    void onOperatorNeeded(int index);
    void showStep();
    void updateButtons();
    int selectedStep() const;
    QString language() const;

    Workspace m_workspace;
    Session *m_session;
    RunbookRunner *m_runner;
    RunbookStepModel *m_model;
    RunbookAudit *m_audit;
    QPointer<ConfirmStepDialog> m_dialog;
    QListWidget *m_list;
    QLabel *m_heading;
    QLabel *m_description;
    QPushButton *m_runAll;
    QPushButton *m_runFrom;
    QPushButton *m_runStep;
    QPushButton *m_abort;
    QTreeView *m_steps;
    QWidget *m_operatorBar;
    QLabel *m_instruction;
    QLineEdit *m_note;
    QPushButton *m_done;
    QPushButton *m_decline;
    QLabel *m_message;
    RunbookLogTabs *m_tabs;
    QTimer *m_clock;
};
