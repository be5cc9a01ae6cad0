// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/endpointmodel.h"

#include <QWidget>

#include <optional>

using namespace Qt::StringLiterals;

class HistoryStrip;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QTableWidget;
class ResponseView;
class SyntaxHighlighterService;

// The detail pane of the Health screen: what the last probe of one endpoint found (conditions with their actual
// values, timings, certificate, HTTP status, error, /health components), its recent history and the raw response.
class EndpointDetailView final : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointDetailView(QWidget *parent = nullptr);

    void setHighlighter(SyntaxHighlighterService *service);
    // nullptr shows "select an endpoint". The status is copied.
    void setStatus(const EndpointStatus *status, int historyCapacity, const QString &language);
    QString endpointName() const { return m_status ? m_status->name : QString(); }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void refreshTimes(); // "checked 1 min ago"
    void retranslateUi();

Q_SIGNALS:
    void checkNowRequested(const QString &endpoint);
    void openIncidentRequested(const QString &endpoint, const ProbeResult &result);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createLayout();
    void updateView();
    void fillResult();
    void fillConditions(const ProbeResult &result);
    void fillComponents(const ProbeResult &result);
    QString timingsText(const ProbeResult &result) const;
    QString resultText(const ProbeResult &result) const;
    QString certificateText(const ProbeResult &result) const;

    std::optional<EndpointStatus> m_status;
    int m_historyCapacity = 60;
    QString m_language = u"en"_s;
    std::function<QDateTime()> m_clock;

    QWidget *m_content = nullptr;
    QLabel *m_placeholder = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateText = nullptr;
    QLabel *m_url = nullptr;
    QPushButton *m_checkNow = nullptr;
    QPushButton *m_openIncident = nullptr;
    QGridLayout *m_form = nullptr;
    QLabel *m_checkedLabel = nullptr;
    QLabel *m_checked = nullptr;
    QLabel *m_httpLabel = nullptr;
    QLabel *m_http = nullptr;
    QLabel *m_timingsLabel = nullptr;
    QLabel *m_timings = nullptr;
    QLabel *m_certificateLabel = nullptr;
    QLabel *m_certificate = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_conditionsTitle = nullptr;
    QTableWidget *m_conditions = nullptr;
    QLabel *m_componentsTitle = nullptr;
    QTableWidget *m_components = nullptr;
    QLabel *m_historyTitle = nullptr;
    HistoryStrip *m_history = nullptr;
    QLabel *m_responseTitle = nullptr;
    ResponseView *m_response = nullptr;
};
