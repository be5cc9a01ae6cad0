// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbook/workspacetrust.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestWorkspaceTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trustFollowsTheFileContent();
    void unreadableFileIsNeverTrusted();
    void listsWhatWouldRun();

private:
    static bool write(const QString &path, const QByteArray &content);
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

void TestWorkspaceTrust::trustFollowsTheFileContent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.yaml"_s);
    QVERIFY(write(path, "runbooks: []\n"));
    QCOMPARE(WorkspaceTrust::fileHash(path).size(), 64);
    QVERIFY(!WorkspaceTrust::isTrusted(path));
    QVERIFY(WorkspaceTrust::trust(path));
    QVERIFY(WorkspaceTrust::isTrusted(path));

    QVERIFY(write(path, "runbooks: [] # changed\n"));
    QVERIFY(!WorkspaceTrust::isTrusted(path)); // a changed file asks again

    // The same content elsewhere is the same workspace as far as commands go.
    const QString copy = dir.filePath(u"copy.yaml"_s);
    QVERIFY(write(copy, "runbooks: []\n"));
    QVERIFY(WorkspaceTrust::isTrusted(copy));
}

void TestWorkspaceTrust::unreadableFileIsNeverTrusted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing.yaml"_s);
    QVERIFY(WorkspaceTrust::fileHash(path).isEmpty());
    QVERIFY(!WorkspaceTrust::trust(path));
    QVERIFY(!WorkspaceTrust::isTrusted(path));
    QVERIFY(!WorkspaceTrust::isTrusted(QString()));
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
