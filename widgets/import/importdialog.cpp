// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importdialog.h"

#include "import/importpreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace {

using Kind = ImportRequest::Kind;
constexpr Kind Kinds[] = { Kind::Gatus, Kind::PrometheusRules, Kind::Grafana, Kind::UptimeKuma, Kind::Blackbox };

} // namespace

ImportDialog::ImportDialog(const QString &openWorkspace, QWidget *parent)
    : QDialog(parent)
    , m_openWorkspace(openWorkspace)
    , m_kind(new QComboBox(this))
    , m_files(new QListWidget(this))
    , m_addFiles(new QPushButton(this))
    , m_addFolder(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_merge(new QCheckBox(this))
    , m_previewButton(new QPushButton(this))
    , m_kindLabel(new QLabel(this))
    , m_filesLabel(new QLabel(this))
    , m_preview(new ImportPreview(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_save(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(u"importDialog"_s);
    for (const Kind kind : Kinds) {
        m_kind->addItem(QString(), ImportRequest::kindToString(kind));
    }
    m_files->setObjectName(u"importFiles"_s);
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_files->setMaximumHeight(m_files->fontMetrics().lineSpacing() * 5);
    m_merge->setEnabled(!m_openWorkspace.isEmpty());

    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(m_addFiles);
    fileButtons->addWidget(m_addFolder);
    fileButtons->addWidget(m_remove);
    fileButtons->addStretch();
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addLayout(fileButtons);
    auto *form = new QFormLayout;
    form->addRow(m_kindLabel, m_kind);
    form->addRow(m_filesLabel, fileRow);
    form->addRow(QString(), m_merge);
    auto *previewRow = new QHBoxLayout;
    previewRow->addStretch();
    previewRow->addWidget(m_previewButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(previewRow);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportDialog::invalidate);
    connect(m_merge, &QCheckBox::toggled, this, &ImportDialog::invalidate);
    connect(m_files, &QListWidget::itemSelectionChanged, this, &ImportDialog::updateButtons);
    connect(m_addFiles, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(m_addFolder, &QPushButton::clicked, this, &ImportDialog::addFolder);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_files->selectedItems());
        invalidate();
    });
    connect(m_previewButton, &QPushButton::clicked, this, &ImportDialog::preview);
    connect(m_save, &QPushButton::clicked, this, &ImportDialog::chooseSaveFile);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    updateButtons();
    resize(900, 620);
}

void ImportDialog::setRequest(const ImportRequest &request)
{
    m_kind->setCurrentIndex(m_kind->findData(ImportRequest::kindToString(request.kind)));
    m_files->clear();
    m_files->addItems(request.files);
    m_merge->setChecked(!request.merge.isEmpty() && request.merge == m_openWorkspace);
    invalidate();
}

ImportRequest ImportDialog::request() const
{
    ImportRequest r;
    ImportRequest::kindFromString(m_kind->currentData().toString(), &r.kind);
    for (int i = 0; i < m_files->count(); ++i) {
        r.files << m_files->item(i)->text();
    }
    if (m_merge->isChecked()) {
        r.merge = m_openWorkspace;
    }
    return r;
}

void ImportDialog::preview()
{
    const ImportRequest r = request();
    if (r.files.isEmpty()) {
        return;
    }
    const int generation = ++m_generation;
    m_running = true;
    m_outcome = {};
    m_preview->showMessage(tr("Reading %n file(s)…", nullptr, int(r.files.size())));
    updateButtons();
    // A large dashboard or configuration takes a while to read; the window stays responsive meanwhile. The watcher
    // belongs to the dialog, so closing the dialog drops a result still being computed.
    auto *watcher = new QFutureWatcher<ImportOutcome>(this);
    connect(watcher, &QFutureWatcher<ImportOutcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) {
            return; // superseded by a newer preview or a changed request
        }
        m_running = false;
        m_outcome = watcher->result();
        m_preview->showOutcome(m_outcome);
        updateButtons();
        Q_EMIT previewFinished();
    });
    watcher->setFuture(QtConcurrent::run([r] { return ImportPipeline::run(r); }));
}

bool ImportDialog::save(const QString &path, QString *error)
{
    const QByteArray bytes = m_outcome.text.toUtf8();
    QSaveFile file(path);
    if (!m_outcome.ok() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = m_outcome.ok() ? tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())
                                : tr("There is nothing to write.");
        return false;
    }
    Q_EMIT workspaceWritten(path);
    return true;
}

void ImportDialog::chooseSaveFile()
{
    const QString start = m_merge->isChecked()
        ? m_openWorkspace
        : QDir(QFileInfo(m_openWorkspace).absolutePath())
              .filePath(m_outcome.result.title.isEmpty() ? u"imported.yaml"_s : m_outcome.result.title + u".yaml"_s);
    auto *dialog = new QFileDialog(this, tr("Save Imported Workspace"), start, tr("Workspaces (*.yaml *.yml)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"yaml"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (save(path, &error)) {
            accept();
        } else {
            QMessageBox::warning(this, tr("Import"), error);
        }
    });
    dialog->open();
}

void ImportDialog::addFiles()
{
    auto *dialog = new QFileDialog(this, tr("Files to Import"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(request().kind == Kind::UptimeKuma ? QFileDialog::ExistingFile : QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        if (request().kind == Kind::UptimeKuma) {
            m_files->clear();
        }
        m_files->addItems(files);
        invalidate();
    });
    dialog->open();
}

void ImportDialog::addFolder()
{
    auto *dialog = new QFileDialog(this, tr("Folder of Gatus Files"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &dir) {
        m_files->addItem(dir);
        invalidate();
    });
    dialog->open();
}

void ImportDialog::invalidate()
{
    ++m_generation; // a preview of the old request no longer applies
    m_running = false;
    m_outcome = {};
    m_preview->showMessage(QString());
    updateButtons();
}

void ImportDialog::updateButtons()
{
    m_addFolder->setEnabled(request().kind == Kind::Gatus);
    m_remove->setEnabled(!m_files->selectedItems().isEmpty());
    m_previewButton->setEnabled(m_files->count() > 0 && !m_running);
    m_save->setEnabled(m_outcome.ok() && !m_running);
}

void ImportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void ImportDialog::retranslateUi()
{
    setWindowTitle(tr("Import"));
    const QString names[] = { tr("Gatus configuration (file or folder)"), tr("Prometheus rule files"),
        tr("Grafana dashboards (JSON)"), tr("Uptime Kuma database (kuma.db)"), tr("blackbox_exporter modules") };
    for (int i = 0; i < m_kind->count(); ++i) {
        m_kind->setItemText(i, names[i]);
    }
    m_kindLabel->setText(tr("&Import from:"));
    m_kindLabel->setBuddy(m_kind);
    m_filesLabel->setText(tr("Files:"));
    m_addFiles->setText(tr("Add &Files…"));
    m_addFolder->setText(tr("Add F&older…"));
    m_remove->setText(tr("&Remove"));
    m_merge->setText(m_openWorkspace.isEmpty()
            ? tr("Add to the open workspace (none is open)")
            : tr("Add to the open workspace (%1)").arg(QFileInfo(m_openWorkspace).fileName()));
    m_previewButton->setText(tr("&Preview"));
    m_save->setText(tr("&Save As and Open…"));
}
