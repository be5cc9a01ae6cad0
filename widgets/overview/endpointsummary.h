// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QLabel;

// Endpoint counts by state (OK, warning, critical, ...) from the Health page's EndpointModel, kept current.
class EndpointSummary final : public QWidget
{
    Q_OBJECT

public:
    explicit EndpointSummary(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    // state (EndpointState as int, -1 = not checked yet) -> endpoints in it
    QMap<int, int> counts() const { return m_counts; }
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void recount();
    void updateText();

    QPointer<QAbstractItemModel> m_model;
    QMap<int, int> m_counts;
    QLabel *m_label;
};
