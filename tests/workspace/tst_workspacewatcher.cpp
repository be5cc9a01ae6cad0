// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/workspacewatcher.h"

#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray workspace(const char *endpointName)
{
    return QByteArray("endpoints:\n  - name: ") + endpointName + "\n    url: https://x.test/health\n";
}

const QByteArray Invalid = "endpoints:\n  - name: broken\n    url: https://x.test\n    interval: soon\n";

bool writeInPlace(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// What editors do: write a new file next to it, then rename it over the old one.
bool writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

class TestWorkspaceWatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"meetpin.yaml"_s);
        QVERIFY(writeInPlace(m_path, workspace("first")));
    }

    void openLoads()
    {
        WorkspaceWatcher watcher;
        QSignalSpy loaded(&watcher, &WorkspaceWatcher::workspaceLoaded);
        QVERIFY(watcher.open(m_path));
        QCOMPARE(loaded.count(), 1);
        QVERIFY(watcher.current());
        QCOMPARE(watcher.current()->endpoints.first().name, u"first"_s);
        QCOMPARE(watcher.current()->filePath, m_path);
    }

    void invalidEditKeepsLastGood()
    {
        WorkspaceWatcher watcher;
        QVERIFY(watcher.open(m_path));
        QSignalSpy loaded(&watcher, &WorkspaceWatcher::workspaceLoaded);
        QSignalSpy failed(&watcher, &WorkspaceWatcher::loadFailed);

        QVERIFY(writeInPlace(m_path, Invalid));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toString(), m_path);
        const auto diagnostics = failed.first().at(1).value<QList<Diagnostic>>();
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().toString(),
            m_path + u":4:15: endpoints[0].interval: expected a duration like 30s, got \"soon\""_s);
        QCOMPARE(watcher.lastDiagnostics(), diagnostics);
        QVERIFY(watcher.current());
        QCOMPARE(watcher.current()->endpoints.first().name, u"first"_s);
        QCOMPARE(loaded.count(), 0);

        // Fixing the file loads it again.
        QVERIFY(writeInPlace(m_path, workspace("fixed")));
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(watcher.current()->endpoints.first().name, u"fixed"_s);
        QVERIFY(watcher.lastDiagnostics().isEmpty());
        QCOMPARE(failed.count(), 1);
    }

    void atomicSavesAreNoticed()
    {
        WorkspaceWatcher watcher;
        QVERIFY(watcher.open(m_path));
        QSignalSpy loaded(&watcher, &WorkspaceWatcher::workspaceLoaded);
        QSignalSpy failed(&watcher, &WorkspaceWatcher::loadFailed);

        QVERIFY(writeAtomically(m_path, workspace("second")));
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(watcher.current()->endpoints.first().name, u"second"_s);

        // The watch must survive the replacement: the next atomic save is noticed too.
        QVERIFY(writeAtomically(m_path, Invalid));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(watcher.current()->endpoints.first().name, u"second"_s);
        QVERIFY(writeAtomically(m_path, workspace("third")));
        QTRY_COMPARE(loaded.count(), 2);
        QCOMPARE(watcher.current()->endpoints.first().name, u"third"_s);
    }

    void burstOfWritesLoadsOnce()
    {
        WorkspaceWatcher watcher;
        QVERIFY(watcher.open(m_path));
        QSignalSpy loaded(&watcher, &WorkspaceWatcher::workspaceLoaded);
        QSignalSpy failed(&watcher, &WorkspaceWatcher::loadFailed);
        // Half-written states in between must not be reported: only the settled file counts.
        QVERIFY(writeInPlace(m_path, "endpoints:\n  - name: "));
        QVERIFY(writeInPlace(m_path, Invalid));
        QVERIFY(writeInPlace(m_path, workspace("settled")));
        QTRY_COMPARE(loaded.count(), 1);
        QTest::qWait(400);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(watcher.current()->endpoints.first().name, u"settled"_s);
    }

    void unrelatedFilesDoNotReload()
    {
        WorkspaceWatcher watcher;
        QVERIFY(watcher.open(m_path));
        QSignalSpy loaded(&watcher, &WorkspaceWatcher::workspaceLoaded);
        QVERIFY(writeInPlace(m_dir.filePath(u"notes.txt"_s), "hello"));
        QTest::qWait(500);
        QCOMPARE(loaded.count(), 0);
    }

    void deletedFileKeepsLastGood()
    {
        WorkspaceWatcher watcher;
        QVERIFY(watcher.open(m_path));
        QSignalSpy failed(&watcher, &WorkspaceWatcher::loadFailed);
        QVERIFY(QFile::remove(m_path));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().at(1).value<QList<Diagnostic>>().first().message.startsWith(u"cannot read the file"_s));
        QCOMPARE(watcher.current()->endpoints.first().name, u"first"_s);
        // It comes back.
        QSignalSpy loaded(&watcher, &WorkspaceWatcher::workspaceLoaded);
        QVERIFY(writeInPlace(m_path, workspace("back")));
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(watcher.current()->endpoints.first().name, u"back"_s);
    }

    // A huge file saved over the workspace is refused by its size, not read into memory; the last good one stays.
    void hugeFileIsNotRead()
    {
        WorkspaceWatcher watcher;
        QVERIFY(watcher.open(m_path));
        QSignalSpy failed(&watcher, &WorkspaceWatcher::loadFailed);
        QFile file(m_path);
        QVERIFY(file.resize(qint64(1024) * 1024 * 1024)); // sparse: nothing written
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(1).value<QList<Diagnostic>>().first().message,
            u"the file is 1024.0 MB; a workspace file may be at most 8 MB"_s);
        rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        QVERIFY2(usage.ru_maxrss / 1024 < 512, qPrintable(u"peak %1 MB"_s.arg(usage.ru_maxrss / 1024)));
        QCOMPARE(watcher.current()->endpoints.first().name, u"first"_s);
        QVERIFY(!watcher.reload());
        QCOMPARE(
            watcher.lastDiagnostics().first().message, failed.first().at(1).value<QList<Diagnostic>>().first().message);
    }

    void invalidOnOpen()
    {
        QVERIFY(writeInPlace(m_path, Invalid));
        WorkspaceWatcher watcher;
        QSignalSpy failed(&watcher, &WorkspaceWatcher::loadFailed);
        QVERIFY(!watcher.open(m_path));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(watcher.current(), nullptr);
        QCOMPARE(watcher.lastDiagnostics().size(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestWorkspaceWatcher)
#include "tst_workspacewatcher.moc"
