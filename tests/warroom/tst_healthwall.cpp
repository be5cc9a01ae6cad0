// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/endpointmodel.h"
#include "warroom/healthwall.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestHealthWall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void worstStatesComeFirst();
    void rootCauseComesFirst();
    void paintsEveryTileWithoutOverlap();
};

namespace {
Workspace workspace()
{
    Workspace w;
    w.info.id = u"wall"_s;
    for (const QString &name : { u"api"_s, u"cdn"_s, u"db"_s, u"queue"_s }) {
        Endpoint e;
        e.name = name;
        e.group = u"core"_s;
        w.endpoints << e;
    }
    return w;
}

ProbeResult result(const QString &endpoint, EndpointState state, double ms)
{
    ProbeResult r;
    r.endpoint = endpoint;
    r.state = state;
    r.rawState = state;
    r.totalMs = ms;
    r.startedAt = QDateTime::currentDateTimeUtc();
    return r;
}
} // namespace

void TestHealthWall::worstStatesComeFirst()
{
    EndpointModel model;
    model.setWorkspace(workspace());
    HealthWall wall;
    wall.setModel(&model);
    QCOMPARE(wall.order(), (QStringList { u"api"_s, u"cdn"_s, u"db"_s, u"queue"_s })); // none checked: file order
    model.addResult(result(u"api"_s, EndpointState::Ok, 30));
    model.addResult(result(u"cdn"_s, EndpointState::Warning, 900));
    model.addResult(result(u"db"_s, EndpointState::Critical, -1));
    QCOMPARE(wall.order(), (QStringList { u"db"_s, u"cdn"_s, u"queue"_s, u"api"_s }));
}

void TestHealthWall::rootCauseComesFirst()
{
    EndpointModel model;
    model.setWorkspace(workspace());
    HealthWall wall;
    wall.setModel(&model);
    // api and cdn depend on db; all three CRITICAL: db, the root cause, before what it impacts.
    for (const QString &name : { u"api"_s, u"cdn"_s, u"db"_s }) {
        model.addResult(result(name, EndpointState::Critical, -1));
    }
    model.setImpactedBy(u"api"_s, u"db"_s);
    model.setImpactedBy(u"cdn"_s, u"db"_s);
    QCOMPARE(wall.order(), (QStringList { u"db"_s, u"api"_s, u"cdn"_s, u"queue"_s }));
    wall.resize(1000, 400);
    QVERIFY(!wall.grab().toImage().isNull()); // paints "CRITICAL · impacted by db"
}

void TestHealthWall::paintsEveryTileWithoutOverlap()
{
    EndpointModel model;
    model.setWorkspace(workspace());
    model.addResult(result(u"db"_s, EndpointState::Critical, -1));
    HealthWall wall;
    wall.setModel(&model);
    wall.resize(1000, 400);
    const QImage image = wall.grab().toImage();
    QVERIFY(!image.isNull());
    // The critical tile (first) is painted in the critical colour family: some red-dominant pixels at its left.
    int red = 0;
    for (int x = 0; x < 200; ++x) {
        const QColor c = image.pixelColor(x, 50);
        red += c.red() > c.green() + 40 && c.red() > c.blue() + 40;
    }
    QVERIFY2(red > 20, qPrintable(QString::number(red)));
}

QTEST_MAIN(TestHealthWall)
#include "tst_healthwall.moc"
