// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/alertmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAlertModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAndShow();
    void errorKeepsLastList();
};

void TestAlertModel::parseAndShow()
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QByteArray body = R"([
      {"labels":{"alertname":"Old","severity":"critical"},"annotations":{"summary":"older"},
       "startsAt":"2026-11-29T08:00:00.000Z","fingerprint":"a","status":{"state":"active","silencedBy":[]}},
      {"labels":{"alertname":"New","severity":"warning","service":"skin"},"annotations":{"summary":"newer",
       "description":"details"},"startsAt":"2026-11-29T09:00:00.000Z","fingerprint":"b",
       "status":{"state":"suppressed","silencedBy":["s1"]}}])";
    const auto parsed = AlertmanagerClient::parseAlerts(body);
    QVERIFY(parsed.ok());
    model.setAlerts(parsed.value);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(AlertModel::NameRole).toString(), u"New"_s); // newest first
    QCOMPARE(first.data().toString(), u"New: newer"_s);
    QCOMPARE(first.data(AlertModel::SilencedRole).toBool(), true);
    QCOMPARE(first.data(AlertModel::LabelsRole).toMap().value(u"service"_s).toString(), u"skin"_s);
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(u"details"_s));
    QCOMPARE(model.index(1).data(AlertModel::SeverityRole).toString(), u"critical"_s);
    QCOMPARE(model.firingCount(), 1);
    QCOMPARE(AlertmanagerClient::matchersFor(parsed.value.at(0)).size(), 3);
    QVERIFY(!AlertmanagerClient::parseAlerts("{}").ok());
}

void TestAlertModel::errorKeepsLastList()
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Alert a;
    a.name = u"X"_s;
    model.setAlerts({ a });
    QSignalSpy error(&model, &AlertModel::errorChanged);
    model.setError(u"Connection refused"_s);
    QCOMPARE(error.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    model.setAlerts({});
    QCOMPARE(model.error(), QString());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestAlertModel)
#include "tst_alertmodel.moc"
