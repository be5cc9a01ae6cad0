// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPointer>

class AlertModel;
class QLabel;
class QListView;

// Alertmanager's firing alerts in one row under the heading: severity colour, name and summary, silenced ones
// muted. A context menu silences an alert or expires its silence; the page only emits the intent.
class AlertStrip final : public QFrame
{
    Q_OBJECT

public:
    explicit AlertStrip(QWidget *parent = nullptr);

    void setModel(AlertModel *model);
    // Whether the workspace names an Alertmanager (otherwise the strip says so instead of "no alerts").
    void setConfigured(bool configured);
    QListView *view() const { return m_view; }
    QString headline() const;

Q_SIGNALS:
    void silenceRequested(int row);
    void expireRequested(int row);

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();

    QPointer<AlertModel> m_model;
    QLabel *m_headline;
    QListView *m_view;
    bool m_configured = false;
};
