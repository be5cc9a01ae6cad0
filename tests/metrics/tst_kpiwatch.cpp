// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "kpi/kpimodel.h"
#include "kpi/kpireader.h"
#include "kpi/kpiwatch.h"

#include <QLocale>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestKpiWatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void evidenceForChecklistVerify();

private:
    void apply(double value);
    std::unique_ptr<KpiModel> m_model;
    QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), QTimeZone::utc());
};

void TestKpiWatch::init()
{
    Kpi k;
    k.id = u"errors"_s;
    k.title = { u"Error rate"_s, u"에러율"_s };
    k.unit = u"%"_s;
    k.decimals = 1;
    k.thresholds.warn = 1;
    k.thresholds.crit = 5;
    k.thresholds.direction = Thresholds::Direction::Above;
    k.interval = 10s;
    k.source.kind = KpiSource::Kind::Prometheus;
    k.source.query = u"rate(errors[5m])"_s;
    m_model = std::make_unique<KpiModel>();
    m_model->setKpis({ k });
    m_model->setClock([this] { return m_now; });
}

void TestKpiWatch::apply(double value)
{
    KpiFigure f;
    f.value = value;
    f.at = m_now;
    m_model->applyFigure(u"errors"_s, f);
}

void TestKpiWatch::evidenceForChecklistVerify()
{
    KpiWatch watch(m_model.get());
    QVERIFY(!watch.evidence({ {}, u"errors"_s, {} })); // not read yet
    apply(0.3);
    const auto ok = watch.evidence({ {}, u"errors"_s, {} });
    QVERIFY(ok);
    QCOMPARE(ok->target, u"kpi:errors"_s);
    QVERIFY(ok->verified && ok->passed);
    QCOMPARE(ok->state, u"normal"_s);
    QCOMPARE(ok->at, m_now);
    QCOMPARE(ok->value, QLocale().toString(0.3, 'f', 1) + u" %"_s);
    apply(3);
    const auto warn = watch.evidence({ {}, u"errors"_s, {} });
    QVERIFY(!warn->passed);
    QCOMPARE(warn->state, u"warning"_s);
    QVERIFY(watch.evidence({ {}, u"errors"_s, u"WARNING"_s })->passed);
    QVERIFY(!watch.evidence({ {}, u"missing"_s, {} }));
}

QTEST_GUILESS_MAIN(TestKpiWatch)
#include "tst_kpiwatch.moc"
