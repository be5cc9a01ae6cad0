// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/importpipeline.h"

#include <QDialog>

class ImportPreview;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

// File > Import…: choose what to import and the files (optionally adding to the open workspace), preview what
// will be created and skipped (the import runs on a worker thread), then Save As writes the workspace and asks the
// window to open it. Nothing is written before Save As.
class ImportDialog final : public QDialog
{
    Q_OBJECT
public:
    // `openWorkspace`: the window's workspace file, offered for merging; empty = none.
    explicit ImportDialog(const QString &openWorkspace, QWidget *parent = nullptr);

    void setRequest(const ImportRequest &request);
    ImportRequest request() const;
    void preview();
    bool isRunning() const { return m_running; }
    ImportPreview *previewWidget() const { return m_preview; }
    const ImportOutcome &outcome() const { return m_outcome; }
    // Writes the previewed workspace to `path` (replacing it) and emits workspaceWritten; false with a message.
    bool save(const QString &path, QString *error);

Q_SIGNALS:
    void previewFinished();
    void workspaceWritten(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void addFiles();
    void addFolder();
    void chooseSaveFile();
    void invalidate();
    void updateButtons();

    QString m_openWorkspace;
    QComboBox *m_kind;
    QListWidget *m_files;
    QPushButton *m_addFiles;
    QPushButton *m_addFolder;
    QPushButton *m_remove;
    QCheckBox *m_merge;
    QPushButton *m_previewButton;
    QLabel *m_kindLabel;
    QLabel *m_filesLabel;
    ImportPreview *m_preview;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    ImportOutcome m_outcome;
    int m_generation = 0; // a newer preview supersedes the running one
    bool m_running = false;
};
