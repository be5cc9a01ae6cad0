// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/jsonfield.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestJsonField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extract_data();
    void extract();
};

void TestJsonField::extract_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<double>("value"); // NaN = expect the error
    QTest::addColumn<QString>("error");
    const double none = std::nan("");
    QTest::addRow("seed 003 errorRate") << u"performance.errorRate"_s << 0.042 << QString();
    QTest::addRow("leading dot") << u".services.database.responseTime"_s << 12.0 << QString();
    QTest::addRow("index") << u"items[1].ms"_s << 7.5 << QString();
    QTest::addRow("numeric string") << u"performance.asText"_s << 3.25 << QString();
    QTest::addRow("missing") << u"performance.p99"_s << none << u"performance.p99: no such key \"p99\""_s;
    QTest::addRow("not a number") << u"status"_s << none << u"status is healthy, not a number"_s;
}

void TestJsonField::extract()
{
    QFETCH(QString, path);
    QFETCH(double, value);
    QFETCH(QString, error);
    const QByteArray body = R"({"status":"healthy","performance":{"errorRate":0.042,"asText":"3.25"},
        "services":{"database":{"responseTime":12}},"items":[{"ms":1},{"ms":7.5}]})";
    const JsonField::Figure f = JsonField::extract(body, path);
    if (std::isnan(value)) {
        QVERIFY(!f.value);
        QCOMPARE(f.error, error);
    } else {
        QVERIFY2(f.value, qPrintable(f.error));
        QCOMPARE(*f.value, value);
    }
}

QTEST_GUILESS_MAIN(TestJsonField)
#include "tst_jsonfield.moc"
