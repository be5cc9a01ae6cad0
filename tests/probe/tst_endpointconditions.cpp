// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probe/endpointconditions.h"

#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(EndpointConditions::Outcome)

class TestEndpointConditions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rawState_data();
    void rawState();
    void invalidConditionIsNamed();
};

void TestEndpointConditions::rawState_data()
{
    QTest::addColumn<QStringList>("conditions");
    QTest::addColumn<QStringList>("warnConditions");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<EndpointConditions::Outcome>("outcome");
    QTest::addColumn<EndpointState>("expected");
    using O = EndpointConditions::Outcome;
    const QStringList status { u"[STATUS] == 200"_s };
    const QStringList healthy { u"[BODY].status == healthy"_s };
    const QByteArray ok = R"({"status":"healthy"})";
    const QByteArray degraded = R"({"status":"degraded"})";
    QTest::addRow("all pass") << status << healthy << 200 << ok << O::Response << EndpointState::Ok;
    QTest::addRow("condition fails") << status << healthy << 503 << ok << O::Response << EndpointState::Critical;
    QTest::addRow("warn-condition fails")
        << status << healthy << 200 << degraded << O::Response << EndpointState::Warning;
    QTest::addRow("unevaluable body") << status << healthy << 200 << QByteArray("<html>") << O::Response
                                      << EndpointState::Unknown;
    QTest::addRow("failure outranks unevaluable")
        << (status + healthy) << QStringList() << 502 << QByteArray("<html>") << O::Response << EndpointState::Critical;
    QTest::addRow("transport error") << status << QStringList() << 0 << QByteArray() << O::TransportError
                                     << EndpointState::Critical;
    QTest::addRow("not sent") << status << QStringList() << 0 << QByteArray() << O::NotSent << EndpointState::Unknown;
    QTest::addRow("no conditions") << QStringList() << QStringList() << 500 << QByteArray() << O::Response
                                   << EndpointState::Ok;
}

void TestEndpointConditions::rawState()
{
    QFETCH(QStringList, conditions);
    QFETCH(QStringList, warnConditions);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(EndpointConditions::Outcome, outcome);
    QFETCH(EndpointState, expected);
    Endpoint e;
    e.conditions = conditions;
    e.warnConditions = warnConditions;
    ProbeResult r;
    r.httpStatus = status;
    r.body = body;
    EndpointConditions(e).evaluate(r, outcome, QDateTime::currentDateTimeUtc());
    QCOMPARE(r.rawState, expected);
    if (outcome != EndpointConditions::Outcome::NotSent) {
        QCOMPARE(r.conditions.size(), conditions.size() + warnConditions.size());
        for (qsizetype i = 0; i < r.conditions.size(); ++i) {
            QCOMPARE(r.conditions[i].warning, i >= conditions.size());
        }
    }
}

void TestEndpointConditions::invalidConditionIsNamed()
{
    Endpoint e;
    e.conditions = { u"[STAUTS] == 200"_s };
    ProbeResult r;
    r.httpStatus = 200;
    EndpointConditions(e).evaluate(r, EndpointConditions::Outcome::Response, QDateTime::currentDateTimeUtc());
    QCOMPARE(r.rawState, EndpointState::Unknown);
    QCOMPARE(r.conditions[0].condition, u"[STAUTS] == 200"_s);
    QVERIFY2(r.conditions[0].error.startsWith(QLatin1String("invalid condition: ")), qPrintable(r.conditions[0].error));
}

QTEST_GUILESS_MAIN(TestEndpointConditions)
#include "tst_endpointconditions.moc"
