// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importdialog.h"
#include "import/importpreview.h"
#include "import/importreportmodel.h"
#include "ui/languagemanager.h"
#include "workspace/workspaceloader.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ImportRequest blackbox()
{
    ImportRequest r;
    r.kind = ImportRequest::Kind::Blackbox;
    r.files = { QFINDTESTDATA("../import/data/blackbox.yml") };
    return r;
}

// A file large enough that reading it takes a while: the preview must not wait for it on the GUI thread.
QString bigBlackbox(const QTemporaryDir &dir)
{
    QByteArray yaml = "modules:\n";
    for (int i = 0; i < 1500; ++i) {
        yaml += "  m" + QByteArray::number(i)
            + ":\n    prober: http\n    timeout: 5s\n    http:\n      method: GET\n      valid_status_codes: [200, "
              "204]\n"
              "      headers: { Host: a.example, Accept: text/plain }\n      fail_if_body_not_matches_regexp: [ok]\n";
    }
    QFile file(dir.filePath(u"big.yml"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size()) {
        return {};
    }
    return file.fileName();
}

// Saves a picture of `widget` for a person to look at (clipped or overlapping text).
void shoot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OPSDECK_SCREENSHOT_DIR", u"/tmp"_s);
    QVERIFY(widget->grab().save(dir + u"/opsdeck-import-"_s + name + u".png"_s));
}

} // namespace

class TestImportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_languages = new LanguageManager(this);
        QVERIFY(m_languages->setLanguage(u"en"_s));
    }

    void previewRunsOffTheGuiThread()
    {
        QTemporaryDir dir;
        ImportDialog dialog { QString() };
        ImportRequest big = blackbox();
        big.files = { bigBlackbox(dir) };
        dialog.setRequest(big);
        QSignalSpy finished(&dialog, &ImportDialog::previewFinished);
        dialog.preview();
        // Nothing has been read yet: the import runs on a worker and hands its result back.
        QVERIFY(dialog.isRunning());
        QCOMPARE(dialog.previewWidget()->model()->rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(dialog.outcome().result.endpoints.size(), 1500);

        dialog.setRequest(blackbox());
        dialog.preview();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.outcome().ok());
        const ImportReportModel *model = dialog.previewWidget()->model();
        QCOMPARE(model->summary().endpoints, dialog.outcome().result.endpoints.size());
        QVERIFY(model->rowCount() > 14);
        QVERIFY(dialog.previewWidget()->summaryText().contains(u"Will create 8 endpoints"_s));
        // Positions in the source are shown.
        bool positioned = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            positioned
                |= model->index(row, ImportReportModel::OriginColumn).data().toString().contains(u"blackbox.yml:"_s);
        }
        QVERIFY(positioned);
    }

    void supersededPreviewIsDropped()
    {
        QTemporaryDir dir;
        ImportDialog dialog { QString() };
        ImportRequest big = blackbox();
        big.files = { bigBlackbox(dir) };
        dialog.setRequest(big);
        QSignalSpy finished(&dialog, &ImportDialog::previewFinished);
        dialog.preview();
        dialog.preview();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QTest::qWait(500);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(dialog.outcome().result.endpoints.size(), 1500);
    }

    void failureWritesNothing()
    {
        QTemporaryDir dir;
        ImportDialog dialog { QString() };
        ImportRequest r = blackbox();
        r.files = { QFINDTESTDATA("../import/data/malformed.yaml") };
        dialog.setRequest(r);
        QSignalSpy finished(&dialog, &ImportDialog::previewFinished);
        dialog.preview();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(dialog.outcome().status, ImportOutcome::Status::Failed);
        QVERIFY(dialog.previewWidget()->summaryText().contains(u"malformed.yaml:"_s));
        QString error;
        QVERIFY(!dialog.save(dir.filePath(u"x.yaml"_s), &error));
        QVERIFY(!QFile::exists(dir.filePath(u"x.yaml"_s)));
        QVERIFY(!error.isEmpty());
    }

    void saveWritesAndAsksToOpen()
    {
        QTemporaryDir dir;
        const QString existing = dir.filePath(u"team.yaml"_s);
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("endpoints:\n  - name: mine\n    url: https://team.example/health\n");
        f.close();
        ImportDialog dialog(existing);
        ImportRequest r = blackbox();
        r.merge = existing;
        dialog.setRequest(r);
        QCOMPARE(dialog.request().merge, existing);
        QSignalSpy finished(&dialog, &ImportDialog::previewFinished);
        dialog.preview();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QSignalSpy written(&dialog, &ImportDialog::workspaceWritten);
        const QString target = dir.filePath(u"merged.yaml"_s);
        QString error;
        QVERIFY2(dialog.save(target, &error), qPrintable(error));
        QCOMPARE(written.count(), 1);
        QCOMPARE(written.at(0).at(0).toString(), target);
        const LoadResult loaded = WorkspaceLoader::loadFile(target);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.workspace->endpoints.size() > 1);
    }

    void screenshots()
    {
        LanguageManager &languages = *m_languages;
        ImportDialog dialog(u"/srv/ops/team.yaml"_s);
        dialog.setRequest(blackbox());
        dialog.resize(1000, 640);
        dialog.show();
        QSignalSpy finished(&dialog, &ImportDialog::previewFinished);
        dialog.preview();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QTest::qWait(100);
        shoot(&dialog, u"en"_s);
        QVERIFY(languages.setLanguage(u"ko"_s));
        // The report's own texts come from the importer: preview again to have them in Korean too.
        dialog.preview();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QTest::qWait(100); // let the layout follow the longer Korean labels
        QCOMPARE(dialog.windowTitle(), QCoreApplication::translate("ImportDialog", "Import"));
        QVERIFY(dialog.windowTitle() != u"Import"_s);
        shoot(&dialog, u"ko"_s);
        QVERIFY(languages.setLanguage(u"en"_s));
    }

private:
    LanguageManager *m_languages = nullptr;
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
