// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/grafanathresholds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object().value(u"v"_s);
}
constexpr double None = -12345; // no line
double line(const std::optional<double> &v)
{
    return v.value_or(None);
}
} // namespace

class TestGrafanaThresholds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steps_data()
    {
        QTest::addColumn<QByteArray>("thresholds");
        QTest::addColumn<double>("warn");
        QTest::addColumn<double>("crit");
        QTest::addColumn<bool>("below");
        QTest::addColumn<bool>("problem");

        QTest::addRow("ascending") << QByteArray(
            "{'v': {'mode': 'absolute', 'steps': [{'color': 'green', 'value': null}, {'color': '#EAB839', 'value': "
            "80}, {'color': 'red', 'value': 90}]}}")
                                   << 80.0 << 90.0 << false << false;
        QTest::addRow("default green red")
            << QByteArray("{'v': {'steps': [{'color': 'green', 'value': null}, {'color': 'red', 'value': 80}]}}")
            << None << 80.0 << false << false;
        QTest::addRow("orange only") << QByteArray(
            "{'v': {'steps': [{'color': 'green', 'value': null}, {'color': 'orange', 'value': 5}]}}")
                                     << 5.0 << None << false << false;
        QTest::addRow("descending") << QByteArray("{'v': {'steps': [{'color': 'red', 'value': null}, {'color': "
                                                  "'yellow', 'value': 10}, {'color': 'green', 'value': 20}]}}")
                                    << 20.0 << 10.0 << true << false;
        QTest::addRow("red to green") << QByteArray(
            "{'v': {'steps': [{'color': 'dark-red', 'value': null}, {'color': 'semi-dark-green', 'value': 1}]}}")
                                      << None << 1.0 << true << false;
        QTest::addRow("unsorted steps") << QByteArray("{'v': {'steps': [{'color': 'green', 'value': 0}, {'color': "
                                                      "'yellow', 'value': 30}, {'color': 'red', 'value': 7}]}}")
                                        << None << 7.0 << false << false;
        QTest::addRow("hex colours") << QByteArray("{'v': {'steps': [{'color': '#73BF69', 'value': null}, {'color': "
                                                   "'#FF9830', 'value': 1}, {'color': '#F2495C', 'value': 2}]}}")
                                     << 1.0 << 2.0 << false << false;
        QTest::addRow("blue and purple") << QByteArray("{'v': {'steps': [{'color': 'green', 'value': null}, {'color': "
                                                       "'blue', 'value': 1}, {'color': 'purple', 'value': 2}]}}")
                                         << None << None << false << true;
        QTest::addRow("percentage") << QByteArray("{'v': {'mode': 'percentage', 'steps': [{'color': 'green', 'value': "
                                                  "null}, {'color': 'red', 'value': 80}]}}")
                                    << None << None << false << true;
        QTest::addRow("none") << QByteArray("{'v': null}") << None << None << false << false;
    }

    void steps()
    {
        QFETCH(QByteArray, thresholds);
        QFETCH(double, warn);
        QFETCH(double, crit);
        QFETCH(bool, below);
        QFETCH(bool, problem);
        const GrafanaThresholds t = GrafanaThresholds::fromSteps(json(thresholds.constData()));
        QCOMPARE(line(t.warn), warn);
        QCOMPARE(line(t.crit), crit);
        if (!t.isEmpty()) {
            QCOMPARE(t.below, below);
        }
        QCOMPARE(!t.problem.isEmpty(), problem);
    }

    void legacy_data()
    {
        QTest::addColumn<QString>("thresholds");
        QTest::addColumn<QStringList>("colors");
        QTest::addColumn<double>("warn");
        QTest::addColumn<double>("crit");
        QTest::addColumn<bool>("below");

        const QStringList ascending { u"rgba(50, 172, 45, 0.97)"_s, u"rgba(237, 129, 40, 0.89)"_s,
            u"rgba(245, 54, 54, 0.9)"_s };
        QTest::addRow("80,90") << u"80,90"_s << ascending << 80.0 << 90.0 << false;
        QTest::addRow("spaces") << u"85, 95"_s << ascending << 85.0 << 95.0 << false;
        QTest::addRow("descending") << u"10,20"_s
                                    << QStringList { u"#d44a3a"_s, u"rgba(237, 129, 40, 0.89)"_s, u"#299c46"_s } << 20.0
                                    << 10.0 << true;
        QTest::addRow("empty") << QString() << ascending << None << None << false;
    }

    void legacy()
    {
        QFETCH(QString, thresholds);
        QFETCH(QStringList, colors);
        QFETCH(double, warn);
        QFETCH(double, crit);
        QFETCH(bool, below);
        const GrafanaThresholds t
            = GrafanaThresholds::fromLegacy(QJsonValue(thresholds), QJsonArray::fromStringList(colors));
        QCOMPARE(line(t.warn), warn);
        QCOMPARE(line(t.crit), crit);
        QCOMPARE(t.below, below);
    }

    void graph()
    {
        const GrafanaThresholds t
            = GrafanaThresholds::fromGraph(json("{'v': [{'value': 5, 'op': 'lt', 'colorMode': 'warning'}, {'value': 1, "
                                                "'op': 'lt', 'colorMode': 'critical'}]}"));
        QCOMPARE(line(t.warn), 5.0);
        QCOMPARE(line(t.crit), 1.0);
        QVERIFY(t.below);
    }
};

QTEST_GUILESS_MAIN(TestGrafanaThresholds)
#include "tst_grafanathresholds.moc"
