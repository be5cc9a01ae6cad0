// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbooks/runbooklogtabs.h"

#include "health/responseview.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RunbookLogTabs::RunbookLogTabs(QWidget *parent)
    : QTabWidget(parent)
    , m_log(new QPlainTextEdit(this))
    , m_request(new ResponseView(this))
    , m_response(new ResponseView(this))
    , m_responseHead(new QLabel(this))
    , m_auditView(new QTreeWidget(this))
{
    m_log->setObjectName(u"stepLog"_s);
    m_auditView->setObjectName(u"runbookAudit"_s);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_auditView->setRootIsDecorated(false);
    m_auditView->setColumnCount(6);

    auto *responsePane = new QWidget(this);
    auto *responseLayout = new QVBoxLayout(responsePane);
    responseLayout->setContentsMargins(0, 0, 0, 0);
    m_responseHead->setTextFormat(Qt::PlainText);
    m_responseHead->setTextInteractionFlags(Qt::TextSelectableByMouse);
    responseLayout->addWidget(m_responseHead);
    responseLayout->addWidget(m_response, 1);
    addTab(m_log, QString());
    addTab(m_request, QString());
    addTab(responsePane, QString());
    addTab(m_auditView, QString());
    retranslateUi();
}

void RunbookLogTabs::setHighlighter(SyntaxHighlighterService *service)
{
    m_request->setHighlighter(service);
    m_response->setHighlighter(service);
}

void RunbookLogTabs::clearStep()
{
    m_log->clear();
    m_request->clear();
    m_response->clear();
    m_responseHead->clear();
}

void RunbookLogTabs::showStep(const RunbookStep &step, const StepRun &run, const QString &language)
{
    const QString lines = run.log.lines.join(QLatin1Char('\n'));
    if (m_log->toPlainText() != lines) {
        m_log->setPlainText(lines);
    }
    if (step.kind == RunbookStep::Kind::Command) {
        m_request->setBody(run.log.request.toUtf8(), u"application/x-sh"_s, false);
        m_responseHead->setText(run.message);
        m_response->setBody(run.log.output, u"application/x-sh"_s, run.log.outputTruncated);
        return;
    }
    QByteArray request = run.log.request.toUtf8();
    if (request.isEmpty()) {
        request = RunbookSteps::requestSummary(step, language).toUtf8();
    }
    if (!run.log.requestBody.isEmpty()) {
        // Headers stay plain text; the body is what gets highlighted.
        m_request->setBody(run.log.requestBody, run.log.requestContentType, false);
        m_request->setToolTip(QString::fromUtf8(request));
    } else {
        m_request->setBody(request, QString(), false);
    }
    m_responseHead->setText(
        run.log.request.isEmpty() ? QString() : run.log.request + QLatin1String("\n\n") + run.log.response);
    m_response->setBody(run.log.responseBody, run.log.responseContentType, run.log.responseTruncated);
}

void RunbookLogTabs::addAuditRow(const RunbookAuditRecord &record)
{
    // Stored rows can arrive twice when a load overlaps a run (loaded and recorded); ids keep them once, in order.
    const qint64 key = record.id > 0 ? record.id : -(m_auditRows.size() + 1);
    if (m_auditRows.contains(key)) {
        return;
    }
    m_auditRows.insert(key, record);
    auto *item = new QTreeWidgetItem;
    m_auditView->insertTopLevelItem(int(std::distance(m_auditRows.begin(), m_auditRows.find(key))), item);
    item->setText(0, QLocale().toString(record.at.toLocalTime(), QLocale::ShortFormat));
    item->setText(1, record.actor);
    item->setText(2, record.stepId);
    item->setText(3, record.status);
    item->setText(4, record.target);
    item->setText(5, record.phase == RunbookAuditRecord::Phase::Before ? record.request : record.outcome);
    item->setToolTip(5, item->text(5));
    m_auditView->scrollToItem(item);
}

void RunbookLogTabs::clearAudit()
{
    m_auditView->clear();
    m_auditRows.clear();
}

QString RunbookLogTabs::logText() const
{
    return m_log->toPlainText();
}

QString RunbookLogTabs::requestText() const
{
    return m_request->plainText() + QLatin1Char('\n') + m_request->toolTip();
}

QString RunbookLogTabs::responseText() const
{
    return m_responseHead->text() + QLatin1Char('\n') + m_response->plainText();
}

int RunbookLogTabs::auditRowCount() const
{
    return m_auditView->topLevelItemCount();
}

void RunbookLogTabs::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QTabWidget::changeEvent(event);
}

void RunbookLogTabs::retranslateUi()
{
    // In the Runbooks page's context, where these strings were translated before the tabs became their own class.
    setTabText(0, QCoreApplication::translate("RunbooksPage", "Log"));
    setTabText(1, QCoreApplication::translate("RunbooksPage", "Request"));
    setTabText(2, QCoreApplication::translate("RunbooksPage", "Response"));
    setTabText(3, QCoreApplication::translate("RunbooksPage", "Audit"));
    m_auditView->setHeaderLabels({ QCoreApplication::translate("RunbooksPage", "When"),
        QCoreApplication::translate("RunbooksPage", "Who"), QCoreApplication::translate("RunbooksPage", "Step"),
        QCoreApplication::translate("RunbooksPage", "Status"), QCoreApplication::translate("RunbooksPage", "Target"),
        QCoreApplication::translate("RunbooksPage", "Details") });
}
