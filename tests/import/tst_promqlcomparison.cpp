// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/promqlcomparison.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPromqlComparison final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("query"); // empty = not expressible
        QTest::addColumn<QString>("op");
        QTest::addColumn<double>("constant");
        QTest::addColumn<QString>("reason"); // a part of the reason

        QTest::addRow("greater") << u"rate(errors_total[5m]) > 0.05"_s << u"rate(errors_total[5m])"_s << u">"_s << 0.05
                                 << QString();
        QTest::addRow("less") << u"avg(up) < 0.95"_s << u"avg(up)"_s << u"<"_s << 0.95 << QString();
        QTest::addRow("greater or equal") << u"cpu >= 90"_s << u"cpu"_s << u">="_s << 90.0 << QString();
        QTest::addRow("equal zero") << u"probe_success == 0"_s << u"probe_success"_s << u"=="_s << 0.0 << QString();
        QTest::addRow("reversed") << u"3 <= free_days"_s << u"free_days"_s << u">="_s << 3.0 << QString();
        QTest::addRow("ratio") << u"a / b > 0.1"_s << u"a / b"_s << u">"_s << 0.1 << QString();
        QTest::addRow("leading dot") << u"x < .10"_s << u"x"_s << u"<"_s << 0.1 << QString();
        QTest::addRow("exponent") << u"x > 1e3"_s << u"x"_s << u">"_s << 1000.0 << QString();
        QTest::addRow("negative") << u"x < -1"_s << u"x"_s << u"<"_s << -1.0 << QString();
        QTest::addRow("multi-line") << u"(\n  sum(rate(a[5m]))\n/\n  sum(rate(b[5m]))\n) * 100\n  > 5\n"_s
                                    << u"(\n  sum(rate(a[5m]))\n/\n  sum(rate(b[5m]))\n) * 100"_s << u">"_s << 5.0
                                    << QString();
        QTest::addRow("outer parentheses") << u"((x > 2))"_s << u"x"_s << u">"_s << 2.0 << QString();
        QTest::addRow("comparison inside parentheses")
            << u"count(up == 0) / count(up) > 0.1"_s << u"count(up == 0) / count(up)"_s << u">"_s << 0.1 << QString();
        QTest::addRow("operators in strings")
            << u"x{path=\"a>b\", q='c<d'} > 1"_s << u"x{path=\"a>b\", q='c<d'}"_s << u">"_s << 1.0 << QString();
        QTest::addRow("regex matcher") << u"x{code=~\"5..\",job!~\"a\"} != 1"_s << u"x{code=~\"5..\",job!~\"a\"}"_s
                                       << u"!="_s << 1.0 << QString();
        QTest::addRow("on after operator") << u"x > on(instance) 5"_s << u"x"_s << u">"_s << 5.0 << QString();
        QTest::addRow("ignoring group_left")
            << u"x < ignoring(job) group_left(a) 2"_s << u"x"_s << u"<"_s << 2.0 << QString();
        QTest::addRow("comment") << u"x > 1 # was > 2"_s << u"x"_s << u">"_s << 1.0 << QString();
        QTest::addRow("and keyword in a label")
            << u"x{mode=\"and\"} > 1"_s << u"x{mode=\"and\"}"_s << u">"_s << 1.0 << QString();

        QTest::addRow("or") << u"a <= 199 OR a >= 400"_s << QString() << QString() << 0.0 << u"\"OR\""_s;
        QTest::addRow("and") << u"(a < 40 and b == 0)"_s << QString() << QString() << 0.0 << u"\"and\""_s;
        QTest::addRow("unless") << u"a > 1 unless b"_s << QString() << QString() << 0.0 << u"\"unless\""_s;
        QTest::addRow("and on") << u"a > 1 and on(instance) b"_s << QString() << QString() << 0.0 << u"\"and\""_s;
        QTest::addRow("absent") << u"absent(up{job=\"x\"})"_s << QString() << QString() << 0.0 << u"no comparison"_s;
        QTest::addRow("two queries") << u"a > b"_s << QString() << QString() << 0.0 << u"two queries"_s;
        QTest::addRow("range") << u"3 <= x < 20"_s << QString() << QString() << 0.0 << u"more than one"_s;
        QTest::addRow("bool") << u"x > bool 1"_s << QString() << QString() << 0.0 << u"bool"_s;
        QTest::addRow("two constants") << u"1 > 0"_s << QString() << QString() << 0.0 << u"two constants"_s;
        QTest::addRow("infinite") << u"x > 1e999"_s << QString() << QString() << 0.0 << u"finite"_s;
        QTest::addRow("unbalanced") << u"sum(x > 1"_s << QString() << QString() << 0.0 << u"unbalanced"_s;
    }

    void split()
    {
        QFETCH(QString, expr);
        QFETCH(QString, query);
        QFETCH(QString, op);
        QFETCH(double, constant);
        QFETCH(QString, reason);
        QString why;
        const auto c = PromqlComparison::split(expr, &why);
        if (query.isEmpty()) {
            QVERIFY(!c);
            QVERIFY2(why.contains(reason), qPrintable(why));
            return;
        }
        QVERIFY2(c, qPrintable(why));
        QCOMPARE(c->query, query);
        QCOMPARE(c->op, op);
        QCOMPARE(c->constant, constant);
    }
};

QTEST_GUILESS_MAIN(TestPromqlComparison)
#include "tst_promqlcomparison.moc"
