// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/workspacetrust.h"
#include "workspace/workspaceloader.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWorkspaceTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trustFollowsTheParsedBytes();
    void fileChangedBeforeTheAnswerIsNotTrusted();
    void workspaceNotReadFromBytesIsNeverTrusted();
    void listsWhatWouldRun();

private:
    static bool write(const QString &path, const QByteArray &content);
    static Workspace load(const QString &path);
};

void TestWorkspaceTrust::initTestCase()
{
    QCoreApplication::setOrganizationName(u"OpsDeckTest"_s);
    QCoreApplication::setApplicationName(u"tst_workspacetrust"_s);
    QSettings().remove(u"trust"_s);
}

bool TestWorkspaceTrust::write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

Workspace TestWorkspaceTrust::load(const QString &path)
{
    const LoadResult result = WorkspaceLoader::loadFile(path);
    return result.workspace.value_or(Workspace());
}

void TestWorkspaceTrust::trustFollowsTheParsedBytes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.yaml"_s);
    QVERIFY(write(path, "runbooks: []\n"));
    const Workspace first = load(path);
    QCOMPARE(first.contentHash.size(), 64);
    QVERIFY(!WorkspaceTrust::isTrusted(first));
    QVERIFY(WorkspaceTrust::trust(first));
    QVERIFY(WorkspaceTrust::isTrusted(first));

    QVERIFY(write(path, "runbooks: [] # changed\n"));
    QVERIFY(WorkspaceTrust::isTrusted(first)); // the version that was read stays trusted
    QVERIFY(!WorkspaceTrust::isTrusted(load(path))); // a changed file asks again once it is read

    // The same content elsewhere is the same workspace as far as commands go.
    const QString copy = dir.filePath(u"copy.yaml"_s);
    QVERIFY(write(copy, "runbooks: []\n"));
    QVERIFY(WorkspaceTrust::isTrusted(load(copy)));
}

// Trust given to the version that was read does not carry over to a file replaced before the prompt was answered.
void TestWorkspaceTrust::fileChangedBeforeTheAnswerIsNotTrusted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.yaml"_s);
    QVERIFY(write(path, "runbooks: [] # read\n"));
    const Workspace read = load(path);
    QVERIFY(write(path, "runbooks: [] # swapped while the prompt was open\n"));
    QVERIFY(WorkspaceTrust::trust(read));
    QVERIFY(!WorkspaceTrust::isTrusted(load(path)));
}

void TestWorkspaceTrust::workspaceNotReadFromBytesIsNeverTrusted()
{
    Workspace w;
    w.filePath = u"/nowhere/ws.yaml"_s;
    QVERIFY(!WorkspaceTrust::trust(w));
    QVERIFY(!WorkspaceTrust::isTrusted(w));
    QVERIFY(!WorkspaceTrust::isTrusted(Workspace()));
}

void TestWorkspaceTrust::listsWhatWouldRun()
{
    Workspace w;
    Runbook r;
    r.id = u"restore"_s;
    RunbookStep manual;
    RunbookStep down;
    down.kind = RunbookStep::Kind::Command;
    down.id = u"down"_s;
    down.argv = { u"docker-compose"_s, u"down"_s };
    r.steps = { manual, down };
    w.runbooks = { r };
    QCOMPARE(WorkspaceTrust::commands(w), QStringList { u"restore / down: docker-compose down"_s });
    QVERIFY(WorkspaceTrust::hasCommands(w));
    QVERIFY(!WorkspaceTrust::hasCommands(Workspace()));
}

QTEST_GUILESS_MAIN(TestWorkspaceTrust)
#include "tst_workspacetrust.moc"
