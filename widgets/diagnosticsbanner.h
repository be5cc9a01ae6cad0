// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QPlainTextEdit;

// Shown when loading or reloading a workspace failed: which file, whether the last good workspace is kept, and
// every diagnostic as "file:line:col: path: message".
class DiagnosticsBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit DiagnosticsBanner(QWidget *parent = nullptr);

    void showFailure(const QString &path, const QStringList &diagnostics, bool keepingLastGood);
    void clear();
    QStringList diagnostics() const { return m_diagnostics; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_headline;
    QLabel *m_hint;
    QPlainTextEdit *m_list;
    QString m_path;
    QStringList m_diagnostics;
    bool m_keepingLastGood = false;
};
