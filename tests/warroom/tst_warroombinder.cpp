// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidenttesthelpers.h"
#include "session/session.h"
#include "warroombinder.h"

#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace IncidentTest;

// incidents.war-room-acknowledge goes from the workspace file, through the Session, to the war room's button.
class TestWarRoomBinder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keyTurnsTheButtonOnAndOff();

private:
    bool write(const QString &path, bool acknowledge);
};

bool TestWarRoomBinder::write(const QString &path, bool acknowledge)
{
    QFile file(path);
    const QByteArray text = "endpoints:\n"
                            "  - name: health\n"
                            "    url: http://127.0.0.1:9/health\n"
                            "    enabled: false\n"
                            "incidents:\n"
                            "  war-room-acknowledge: "
        + QByteArray(acknowledge ? "true" : "false") + "\n";
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

void TestWarRoomBinder::keyTurnsTheButtonOnAndOff()
{
    QSettings().setValue(u"operator/name"_s, u"Wall"_s);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ws.yaml"_s);
    QVERIFY(write(path, false));
    Session session({ Session::Mode::Watch, {}, dir.filePath(u"data"_s) });
    WarRoomBinder binder(&session);
    connect(&session, &Session::workspaceReady, &binder, &WarRoomBinder::setWorkspace);
    QSignalSpy ready(&session, &Session::workspaceReady);
    QSignalSpy reset(session.incidents(), &IncidentStore::incidentsReset);
    session.open(path);
    QVERIFY(ready.count() == 1 || ready.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(reset.count() >= 2, 10000);

    const qint64 first = createAndWait(*session.incidents(), draft(u"Login failing"_s));
    QVERIFY(first);
    binder.show(false);
    WarRoomWindow *window = binder.window();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_COMPARE(window->activeIncidentId(), first);
    auto *button = window->findChild<QPushButton *>(u"warRoomAcknowledge"_s);
    QVERIFY(button);
    QVERIFY(!button->isVisible()); // default: the wall display acknowledges nothing

    QVERIFY(write(path, true));
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 2, 10000);
    QTRY_VERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(session.incidents()->incident(first)->acknowledgedAt.isValid());
    QCOMPARE(session.incidents()->incident(first)->timeline.constLast().kind, TimelineKind::Acknowledged);
    QTRY_VERIFY(!button->isVisible());

    // Turned off again: a new unacknowledged incident shows no button.
    QVERIFY(write(path, false));
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() >= 3, 10000);
    Incident p0 = draft(u"Everything down"_s, u"P0"_s);
    const qint64 second = createAndWait(*session.incidents(), p0);
    QTRY_COMPARE(window->activeIncidentId(), second);
    QVERIFY(!button->isVisible());
    window->close();
}

QTEST_MAIN(TestWarRoomBinder)
#include "tst_warroombinder.moc"
