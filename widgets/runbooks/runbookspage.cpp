// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbooks/runbookspage.h"

#include "health/statestyle.h"
#include "runbook/runbookaudit.h"
#include "runbook/runbookrunner.h"
#include "runbook/runbookstepmodel.h"
#include "runbook/secretdestinations.h"
#include "runbooks/confirmstepdialog.h"
#include "runbooks/runbooklogtabs.h"
#include "ui/languagemanager.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum RunMode { RunAll, RunFrom, RunOne };

// Step states drawn with the Health screen's shapes, so a state is never told by colour alone.
class StepIconProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole && index.column() == RunbookStepModel::StepColumn) {
            switch (StepState(index.data(RunbookStepModel::StateRole).toInt())) {
            case StepState::Pending:
                return StateStyle::icon(-1);
            case StepState::Running:
                return StateStyle::icon(int(EndpointState::Pending));
            case StepState::Waiting:
                return StateStyle::icon(int(EndpointState::Warning));
            case StepState::Succeeded:
                return StateStyle::icon(int(EndpointState::Ok));
            case StepState::Failed:
                return StateStyle::icon(int(EndpointState::Critical));
            case StepState::Aborted:
                return StateStyle::icon(int(EndpointState::Unknown));
            }
        }
        if (role == Qt::ForegroundRole && index.column() == RunbookStepModel::TimeColumn
            && index.data(RunbookStepModel::OverBudgetRole).toBool()) {
            return StateStyle::color(EndpointState::Critical);
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

RunbooksPage::RunbooksPage(Session *session, QWidget *parent)
    : Page(parent)
    , m_session(session)
    , m_runner(session->runner())
    , m_model(new RunbookStepModel(m_runner, this))
    , m_audit(session->runbookAudit())
    , m_list(new QListWidget(this))
    , m_heading(new QLabel(this))
    , m_description(new QLabel(this))
    , m_runAll(new QPushButton(this))
    , m_runFrom(new QPushButton(this))
    , m_runStep(new QPushButton(this))
    , m_abort(new QPushButton(this))
    , m_steps(new QTreeView(this))
    , m_operatorBar(new QWidget(this))
    , m_instruction(new QLabel(m_operatorBar))
    , m_note(new QLineEdit(m_operatorBar))
    , m_done(new QPushButton(m_operatorBar))
    , m_decline(new QPushButton(m_operatorBar))
    , m_message(new QLabel(this))
    , m_tabs(new RunbookLogTabs(this))
    , m_clock(new QTimer(this))
{
    m_list->setObjectName(u"runbookList"_s);
    m_steps->setObjectName(u"runbookSteps"_s);
    m_message->setObjectName(u"runbookMessage"_s);
    m_runAll->setObjectName(u"runAll"_s);
    m_runFrom->setObjectName(u"runFrom"_s);
    m_runStep->setObjectName(u"runStep"_s);
    m_abort->setObjectName(u"abortRun"_s);
    m_done->setObjectName(u"manualDone"_s);
    m_heading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    auto *proxy = new StepIconProxy(this);
    proxy->setSourceModel(m_model);
    m_steps->setModel(proxy);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->header()->setStretchLastSection(true);
    m_steps->header()->setSectionResizeMode(RunbookStepModel::StepColumn, QHeaderView::Interactive);
    m_steps->setColumnWidth(RunbookStepModel::StepColumn, 320);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runAll);
    buttons->addWidget(m_runFrom);
    buttons->addWidget(m_runStep);
    buttons->addStretch(1);
    buttons->addWidget(m_abort);

    m_instruction->setWordWrap(true);
    m_instruction->setTextFormat(Qt::PlainText);
    auto *operatorLayout = new QHBoxLayout(m_operatorBar);
    operatorLayout->setContentsMargins(0, 0, 0, 0);
    operatorLayout->addWidget(m_instruction, 1);
    operatorLayout->addWidget(m_note);
    operatorLayout->addWidget(m_done);
    operatorLayout->addWidget(m_decline);
    m_operatorBar->hide();

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->addWidget(m_heading);
    detailLayout->addWidget(m_description);
    detailLayout->addLayout(buttons);
    auto *vertical = new QSplitter(Qt::Vertical, detail);
    vertical->addWidget(m_steps);
    vertical->addWidget(m_tabs);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3);
    detailLayout->addWidget(m_operatorBar);
    detailLayout->addWidget(m_message);
    detailLayout->addWidget(vertical, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 240, 760 });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_workspace.runbooks.size()) {
            selectRunbook(m_workspace.runbooks.at(row).id);
        }
    });
    connect(m_steps->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showStep();
        updateButtons();
    });
    connect(m_runAll, &QPushButton::clicked, this, [this] { startRun(RunAll); });
    connect(m_runFrom, &QPushButton::clicked, this, [this] { startRun(RunFrom); });
    connect(m_runStep, &QPushButton::clicked, this, [this] { startRun(RunOne); });
    connect(m_abort, &QPushButton::clicked, m_runner, &RunbookRunner::abort);
    connect(m_done, &QPushButton::clicked, this, [this] {
        if (m_runner->confirm({}, m_note->text())) {
            m_note->clear();
        }
    });
    connect(m_decline, &QPushButton::clicked, this, [this] { m_runner->decline(); });
    connect(m_runner, &RunbookRunner::operatorNeeded, this, &RunbooksPage::onOperatorNeeded);
    connect(m_runner, &RunbookRunner::runStarted, this, [this] {
        m_message->clear();
        m_clock->start();
        updateButtons();
    });
    connect(m_runner, &RunbookRunner::runFinished, this, [this](bool ok, const QString &summary) {
        m_clock->stop();
        m_operatorBar->hide();
        if (m_dialog) {
            m_dialog->reject();
        }
        m_message->setText(ok ? tr("Run finished: %1").arg(summary) : tr("Run ended: %1").arg(summary));
        updateButtons();
    });
    connect(m_runner, &RunbookRunner::stepChanged, this, [this](int index) {
        if (index == m_runner->currentStep() && m_runner->waitingStep() < 0) {
            m_operatorBar->hide();
        }
        if (index == selectedStep()) {
            showStep();
        }
        updateButtons();
    });
    connect(m_runner, &RunbookRunner::logChanged, this, [this](int index) {
        if (index == selectedStep()) {
            showStep();
        }
    });
    connect(
        m_audit, &RunbookAudit::loaded, this, [this](const QString &runbookId, const QList<RunbookAuditRecord> &rows) {
            if (runbookId != m_runner->runbook().id) {
                return;
            }
            for (const RunbookAuditRecord &row : rows) {
                m_tabs->addAuditRow(row);
            }
        });
    connect(m_audit, &RunbookAudit::recorded, this, [this](const RunbookAuditRecord &record) {
        if (record.runbookId == m_runner->runbook().id && record.workspaceId == m_workspace.info.id) {
            m_tabs->addAuditRow(record);
        }
    });
    connect(m_audit, &RunbookAudit::writeFailed, this,
        [this](const QString &error) { m_message->setText(tr("The audit row could not be saved: %1").arg(error)); });
    m_tabs->setHighlighter(session->highlighter());
    m_clock->setInterval(1000);
    connect(m_clock, &QTimer::timeout, m_model, &RunbookStepModel::refreshRunning);
    retranslateUi();
    updateButtons();
}

RunbooksPage::~RunbooksPage()
{
    delete m_dialog;
}

QString RunbooksPage::title() const
{
    return tr("Runbooks");
}

void RunbooksPage::setWorkspace(const Workspace &workspace)
{
    const QString current = m_runner->runbook().id;
    m_workspace = workspace;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Runbook &runbook : workspace.runbooks) {
        m_list->addItem(runbook.title.text(language()));
    }
    if (m_runner->isRunning()) {
        return; // the running runbook keeps the steps it started with
    }
    if (!selectRunbook(current) && !workspace.runbooks.isEmpty()) {
        selectRunbook(workspace.runbooks.constFirst().id);
    } else if (workspace.runbooks.isEmpty()) {
        m_runner->setRunbook(workspace, {});
        m_model->reset();
        retranslateUi();
        updateButtons();
    }
}

bool RunbooksPage::selectRunbook(const QString &runbookId)
{
    if (m_runner->isRunning() || runbookId.isEmpty()) {
        return false;
    }
    int row = -1;
    for (int i = 0; i < m_workspace.runbooks.size(); ++i) {
        if (m_workspace.runbooks.at(i).id == runbookId) {
            row = i;
        }
    }
    if (row < 0 || !m_runner->setRunbook(m_workspace, runbookId)) {
        return false;
    }
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(row);
    }
    m_model->reset();
    m_tabs->clearAudit();
    m_message->clear();
    if (m_audit) {
        m_audit->load(m_workspace.info.id, runbookId);
    }
    retranslateUi();
    selectStep(0);
    updateButtons();
    return true;
}

void RunbooksPage::selectStep(int index)
{
    if (index >= 0 && index < m_runner->stepCount()) {
        m_steps->setCurrentIndex(m_steps->model()->index(index, 0));
    }
    showStep();
}

int RunbooksPage::selectedStep() const
{
    const QModelIndex current = m_steps->currentIndex();
    return current.isValid() ? current.row() : -1;
}

QString RunbooksPage::language() const
{
    return LanguageManager::uiLanguage();
}

void RunbooksPage::startRun(int mode)
{
    const int step = qMax(0, selectedStep());
    const int from = mode == RunAll ? 0 : step;
    const int to = mode == RunOne ? step : m_runner->stepCount() - 1;
    m_session->gateCommands(from, to, [self = QPointer<RunbooksPage>(this), mode, step](bool) {
        if (!self) {
            return;
        }
        // Not allowed: the command steps fail unrun and say why; the other steps run.
        RunbookRunner *runner = self->m_runner;
        const QString error = mode == RunAll ? runner->runAll()
            : mode == RunFrom                ? runner->runFrom(step)
                                             : runner->runStep(step);
        if (!error.isEmpty()) {
            self->m_message->setText(tr("Not started: %1").arg(error));
        }
    });
}

Session::TrustAsk RunbooksPage::trustPrompt(QWidget *parent)
{
    return [parent = QPointer<QWidget>(parent)](const Workspace &workspace, const QStringList &commands,
               std::function<void(const Session::TrustAnswer &)> answer) {
        const QStringList secrets = SecretDestinations::describe(workspace, LanguageManager::uiLanguage());
        QStringList details;
        if (!secrets.isEmpty()) {
            details.append(tr("Secrets, each sent only to these hosts:"));
            for (const QString &line : secrets) {
                details.append(u"• "_s + line);
            }
        }
        if (!commands.isEmpty()) {
            details.append(tr("Commands run on this computer:"));
            for (const QString &command : commands) {
                details.append(u"• "_s + command);
            }
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Trust this workspace?"),
            tr("This version of %1 sends secrets or runs commands. Trust it? Until you do, nothing that carries a "
               "secret is sent and its checks wait.")
                .arg(workspace.filePath),
            QMessageBox::Yes | QMessageBox::No, parent);
        box->setObjectName(u"trustPrompt"_s);
        box->setInformativeText(details.join(QLatin1Char('\n')));
        box->button(QMessageBox::Yes)->setText(tr("Trust"));
        box->button(QMessageBox::No)->setText(tr("Not now"));
        box->setDefaultButton(QMessageBox::No);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, box, [answer](int result) {
            Session::TrustAnswer given;
            given.allow = result == QMessageBox::Yes;
            answer(given);
        });
        box->open();
    };
}

void RunbooksPage::onOperatorNeeded(int index)
{
    selectStep(index);
    const RunbookStep &step = m_runner->runbook().steps.at(index);
    if (step.kind == RunbookStep::Kind::Manual) {
        m_instruction->setText(step.instruction.text(language()));
        m_operatorBar->show();
        m_note->setFocus();
        return;
    }
    delete m_dialog;
    m_dialog = new ConfirmStepDialog(m_runner->confirmation(index), RunbookSteps::title(step, language()), this);
    connect(m_dialog, &QDialog::finished, this, [this, dialog = m_dialog.data()](int result) {
        if (result == QDialog::Accepted) {
            m_runner->confirm(dialog->typedEnvironment());
        } else if (m_runner->waitingStep() >= 0) {
            m_runner->decline();
        }
        dialog->deleteLater();
    });
    m_dialog->open();
}

void RunbooksPage::showStep()
{
    const int index = selectedStep();
    if (index < 0 || index >= m_runner->stepCount()) {
        m_tabs->clearStep();
        return;
    }
    m_tabs->showStep(m_runner->runbook().steps.at(index), m_runner->stepRun(index), language());
}

void RunbooksPage::updateButtons()
{
    const bool has = m_runner->stepCount() > 0;
    const bool running = m_runner->isRunning();
    m_runAll->setEnabled(has && !running);
    m_runFrom->setEnabled(has && !running && selectedStep() >= 0);
    m_runStep->setEnabled(has && !running && selectedStep() >= 0);
    m_abort->setEnabled(running);
    m_list->setEnabled(!running);
}

QString RunbooksPage::logText() const
{
    return m_tabs->logText();
}

QString RunbooksPage::requestText() const
{
    return m_tabs->requestText();
}

QString RunbooksPage::responseText() const
{
    return m_tabs->responseText();
}

int RunbooksPage::auditRowCount() const
{
    return m_tabs->auditRowCount();
}

QString RunbooksPage::messageText() const
{
    return m_message->text();
}

void RunbooksPage::retranslateUi()
{
    m_runAll->setText(tr("Run all"));
    m_runFrom->setText(tr("Run from here"));
    m_runStep->setText(tr("Run step"));
    m_abort->setText(tr("Abort"));
    m_done->setText(tr("Done"));
    m_decline->setText(tr("Stop here"));
    m_note->setPlaceholderText(tr("Note (optional)"));
    m_model->setLanguage(language());
    m_runner->setLanguage(language());
    showStep(); // a manual step's instruction in the new language
    const Runbook &runbook = m_runner->runbook();
    for (int i = 0; i < m_list->count() && i < m_workspace.runbooks.size(); ++i) {
        m_list->item(i)->setText(m_workspace.runbooks.at(i).title.text(language()));
    }
    if (runbook.id.isEmpty()) {
        m_heading->setText(tr("No runbooks"));
        m_description->setText(tr("This workspace defines no runbooks."));
        return;
    }
    m_heading->setText(runbook.title.text(language()));
    QStringList facts;
    if (!runbook.service.isEmpty()) {
        facts << tr("Service: %1").arg(runbook.service);
    }
    facts << tr("Environment: %1").arg(m_runner->environment());
    const QString description = runbook.description.text(language());
    m_description->setText(
        description.isEmpty() ? facts.join(u" · "_s) : description + QLatin1Char('\n') + facts.join(u" · "_s));
}
