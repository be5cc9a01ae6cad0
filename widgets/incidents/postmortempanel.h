// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class ActionItemModel;
class IncidentStore;
class FileExporter;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

// Seed 000's post-mortem sections of one incident (one point per line), the action-item table, and export of the
// whole report to Markdown or PDF.
class PostMortemPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PostMortemPanel(QWidget *parent = nullptr);

    void setStore(IncidentStore *store);
    void setIncidentId(qint64 incidentId);
    void retranslateUi();

private:
    void load();
    void save();
    void removeSelectedAction();
    void exportTo(bool pdf);

    IncidentStore *m_store = nullptr;
    ActionItemModel *m_actions = nullptr;
    qint64 m_incidentId = 0;
    bool m_dirty = false;
    QList<QPlainTextEdit *> m_edits; // summary, root cause, factors, resolution, immediate, long term, lessons
    QList<QLabel *> m_labels;
    QLabel *m_actionsLabel;
    QTableView *m_actionView;
    QPushButton *m_removeAction;
    QPushButton *m_save;
    QPushButton *m_exportMarkdown;
    QPushButton *m_exportPdf;
    QLabel *m_message;
    FileExporter *m_exporter = nullptr;
};
