// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthfixtures.h"
#include "probe/endpointfiltermodel.h"
#include "probe/endpointmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace HealthFixtures;

class TestEndpointFilterModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void filters_data();
    void filters();
    void followsNewResults();
    void sortsByLatency();

private:
    static QStringList visible(const QAbstractItemModel *model);

    EndpointModel *m_model = nullptr;
    EndpointFilterModel *m_filter = nullptr;
    QList<QAbstractItemModelTester *> m_testers;
};

void TestEndpointFilterModel::init()
{
    m_model = new EndpointModel(this);
    m_filter = new EndpointFilterModel(this);
    m_filter->setSourceModel(m_model);
    using Mode = QAbstractItemModelTester::FailureReportingMode;
    m_testers = { new QAbstractItemModelTester(m_model, Mode::QtTest, this),
        new QAbstractItemModelTester(m_filter, Mode::QtTest, this) };
    m_model->setWorkspace(workspace());
    m_model->addResult(ok(u"readyz"_s, 20));
    m_model->addResult(ok(u"livez"_s, 5));
    m_model->addResult(critical(u"api-health"_s));
    m_model->addResult(slow(u"stripe"_s, 740));
    m_model->addResult(refused(u"status-page"_s));
    // kakao-maps has no result yet
}

void TestEndpointFilterModel::cleanup()
{
    qDeleteAll(m_testers);
    m_testers.clear();
    delete m_filter;
    delete m_model;
}

QStringList TestEndpointFilterModel::visible(const QAbstractItemModel *model)
{
    QStringList names;
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        QStringList children;
        for (int r = 0; r < model->rowCount(group); ++r) {
            children << model->index(r, 0, group).data(EndpointModel::NameRole).toString();
        }
        names << group.data(EndpointModel::NameRole).toString() + QLatin1Char(':') + children.join(QLatin1Char(','));
    }
    return names;
}

void TestEndpointFilterModel::filters_data()
{
    QTest::addColumn<QList<int>>("states");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    using S = EndpointState;
    QTest::addRow("everything") << QList<int> {} << QString()
                                << QStringList { u"api:api-health,readyz,livez"_s, u"payments:stripe,kakao-maps"_s,
                                       u":status-page"_s };
    QTest::addRow("critical") << QList<int> { int(S::Critical) } << QString()
                              << QStringList { u"api:api-health"_s, u":status-page"_s };
    QTest::addRow("problems") << QList<int> { int(S::Warning), int(S::Unknown), int(S::Critical) } << QString()
                              << QStringList { u"api:api-health"_s, u"payments:stripe"_s, u":status-page"_s };
    QTest::addRow("text in name") << QList<int> {} << u"  LIVE "_s << QStringList { u"api:livez"_s };
    QTest::addRow("text in title, other case")
        << QList<int> {} << u"kakao MAPS"_s << QStringList { u"payments:kakao-maps"_s };
    QTest::addRow("text in korean title") << QList<int> {} << u"카카오"_s << QStringList { u"payments:kakao-maps"_s };
    QTest::addRow("text in group") << QList<int> {} << u"payments"_s << QStringList { u"payments:stripe,kakao-maps"_s };
    QTest::addRow("text in url") << QList<int> {} << u"status.meetpin"_s << QStringList { u":status-page"_s };
    QTest::addRow("text and state") << QList<int> { int(S::Ok) } << u"api"_s << QStringList { u"api:readyz,livez"_s };
    QTest::addRow("nothing") << QList<int> { int(S::Maintenance) } << QString() << QStringList {};
}

void TestEndpointFilterModel::filters()
{
    QFETCH(QList<int>, states);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QList<EndpointState> list;
    for (int state : states) {
        list << EndpointState(state);
    }
    m_filter->setStates(list);
    m_filter->setText(text);
    QCOMPARE(m_filter->states(), list);
    QCOMPARE(visible(m_filter), expected);
}

void TestEndpointFilterModel::followsNewResults()
{
    m_filter->setStates({ EndpointState::Critical });
    QCOMPARE(visible(m_filter), (QStringList { u"api:api-health"_s, u":status-page"_s }));
    m_model->addResult(critical(u"kakao-maps"_s));
    m_model->addResult(ok(u"api-health"_s, 40));
    QCOMPARE(visible(m_filter), (QStringList { u"payments:kakao-maps"_s, u":status-page"_s }));
}

void TestEndpointFilterModel::sortsByLatency()
{
    m_filter->sort(EndpointModel::LatencyColumn, Qt::DescendingOrder);
    // Groups sort by name: payments, api, (ungrouped).
    QCOMPARE(m_filter->index(0, 0).data(EndpointModel::NameRole).toString(), u"payments"_s);
    const QModelIndex api = m_filter->index(1, 0);
    QCOMPARE(api.data(EndpointModel::NameRole).toString(), u"api"_s);
    QStringList order;
    for (int r = 0; r < m_filter->rowCount(api); ++r) {
        order << m_filter->index(r, 0, api).data(EndpointModel::NameRole).toString();
    }
    QCOMPARE(order, (QStringList { u"api-health"_s, u"readyz"_s, u"livez"_s }));
}

QTEST_GUILESS_MAIN(TestEndpointFilterModel)
#include "tst_endpointfiltermodel.moc"
