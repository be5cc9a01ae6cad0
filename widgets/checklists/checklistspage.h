// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"

using namespace Qt::StringLiterals;

class ChecklistInstanceFilter;
class ChecklistInstanceModel;
class ChecklistItemModel;
class ChecklistStore;
class FileExporter;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabBar;
class ChecklistClock;
class QTreeView;

// The Checklists screen: current (today's, this week's, this month's), missed and past instances on the left;
// the selected instance's items with check boxes, note, skip, retry, progress and sign-off on the right.
class ChecklistsPage final : public Page
{
    Q_OBJECT
public:
    explicit ChecklistsPage(QWidget *parent = nullptr);

    QString id() const override { return u"checklists"_s; }
    QString title() const override;

    // The page shows nothing until it has a store (wired by the app).
    void setStore(ChecklistStore *store);
    // Due times and lateness repaint on the session's checklist clock.
    void setClock(ChecklistClock *clock);
    ChecklistStore *store() const { return m_store; }
    // Selects the instance (switching to the view that lists it); false when it is not loaded.
    bool selectInstance(qint64 instanceId);
    qint64 currentInstanceId() const;
    QTreeView *itemView() const { return m_items; }

protected:
    void retranslateUi() override;

private:
    void onToggleRequested(const QString &itemId, bool done);
    void tickAfterVerify(qint64 instanceId, const QString &itemId);
    void skipCurrentItem();
    void retryCurrentItem();
    void signOff();
    void exportCurrent(bool pdf);
    void exportRange();
    void askForFile(const QString &suggested, bool pdf, const QString &markdown, const QString &title);
    void showInstance(qint64 instanceId);
    void updateDetails();
    void fillOnDemand();
    void showTime(const QDateTime &now);
    QString currentItemId() const;

    ChecklistStore *m_store = nullptr;
    ChecklistInstanceModel *m_instanceModel = nullptr;
    ChecklistInstanceFilter *m_filter = nullptr;
    ChecklistItemModel *m_itemModel = nullptr;
    QTabBar *m_views;
    QTreeView *m_instances;
    QLabel *m_heading;
    QLabel *m_progress;
    QTreeView *m_items;
    QLineEdit *m_note;
    QPushButton *m_skip;
    QPushButton *m_retry;
    QPushButton *m_sign;
    QPushButton *m_export;
    QAction *m_exportMarkdown;
    QAction *m_exportPdf;
    QAction *m_exportRange;
    FileExporter *m_exporter;
    QComboBox *m_onDemand;
    QPushButton *m_start;
    QLabel *m_message;
    QLabel *m_empty;
};
