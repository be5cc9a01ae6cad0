// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "incident/incident.h"

#include <QWidget>

class EscalationEngine;
class IncidentStore;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// The fields of one incident: title, severity, status (only the transitions the lifecycle allows), roles, category,
// impact and milestones, with the two SLA clocks. Save hands the edit to the store, which records the changes in
// the timeline. While the form has unsaved edits, changes arriving from the store do not overwrite it.
class IncidentEditor final : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentEditor(QWidget *parent = nullptr);

    void setStore(IncidentStore *store);
    void setIncidentId(qint64 incidentId);
    // Shows the escalation level and next step (null: the row stays empty).
    void setEscalation(const EscalationEngine *engine) { m_engine = engine; }
    qint64 incidentId() const { return m_incidentId; }
    bool isDirty() const { return m_dirty; }
    // Moves the SLA clocks on.
    void updateClocks(const QDateTime &now);
    void retranslateUi();

    QComboBox *statusBox() const { return m_status; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *acknowledgeButton() const { return m_ack; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Milestone
    {
        QCheckBox *set = nullptr;
        QDateTimeEdit *at = nullptr;
    };

    void load();
    void save();
    void acknowledge();
    void setDirty(bool dirty);
    Incident edited() const;
    Milestone addMilestone(QFormLayout *form);
    static void showMilestone(const Milestone &m, const QDateTime &at);
    static QDateTime milestone(const Milestone &m, const QDateTime &stored);

    IncidentStore *m_store = nullptr;
    const EscalationEngine *m_engine = nullptr;
    qint64 m_incidentId = 0;
    bool m_dirty = false;
    bool m_loading = false;
    QDateTime m_clockNow; // of the clocks shown
    QLineEdit *m_title;
    QComboBox *m_severity;
    QComboBox *m_status;
    QLineEdit *m_commander;
    QLineEdit *m_responders;
    QComboBox *m_category;
    QLineEdit *m_scope;
    QLineEdit *m_services;
    QLineEdit *m_users;
    QLineEdit *m_revenue;
    Milestone m_started;
    Milestone m_detected;
    Milestone m_acknowledged;
    Milestone m_mitigated;
    Milestone m_resolved;
    QLabel *m_ackClock;
    QLabel *m_resolveClock;
    QLabel *m_escalation;
    QPushButton *m_ack;
    QPushButton *m_save;
    QPushButton *m_revert;
    QLabel *m_message;
    QFormLayout *m_form;
};
