// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class IncidentStore;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;
class TimelineFilterModel;
class TimelineModel;

// One incident's timeline: entries in occurred-at order, a kind filter, corrected entries on request, quick entry
// (type, Enter: a note is appended; optionally back-dated), corrections of the selected entry, and jump to a time.
class TimelinePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    void setStore(IncidentStore *store);
    void setIncidentId(qint64 incidentId);
    void retranslateUi();

    QLineEdit *quickEntry() const { return m_entry; }
    QTreeView *view() const { return m_view; }
    TimelineFilterModel *filter() const { return m_filter; }

private:
    void append();
    void correctSelected();
    void jump();
    void applyKindFilter();

    IncidentStore *m_store = nullptr;
    TimelineModel *m_model = nullptr;
    TimelineFilterModel *m_filter;
    QComboBox *m_kinds;
    QCheckBox *m_showCorrected;
    QTreeView *m_view;
    QLineEdit *m_entry;
    QCheckBox *m_backdate;
    QDateTimeEdit *m_occurred;
    QPushButton *m_correct;
    QDateTimeEdit *m_jumpTo;
    QPushButton *m_jump;
    QLabel *m_message;
};
