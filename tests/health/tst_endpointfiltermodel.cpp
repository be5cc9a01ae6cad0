// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthfixtures.h"
#include "probe/endpointfiltermodel.h"
#include "probe/endpointmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

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
    m_model->addResult(ok(QStringLiteral("readyz"), 20));
    m_model->addResult(ok(QStringLiteral("livez"), 5));
    m_model->addResult(critical(QStringLiteral("api-health")));
    m_model->addResult(slow(QStringLiteral("stripe"), 740));
    m_model->addResult(refused(QStringLiteral("status-page")));
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
                                << QStringList { QStringLiteral("api:api-health,readyz,livez"),
                                       QStringLiteral("payments:stripe,kakao-maps"), QStringLiteral(":status-page") };
    QTest::addRow("critical") << QList<int> { int(S::Critical) } << QString()
                              << QStringList { QStringLiteral("api:api-health"), QStringLiteral(":status-page") };
    QTest::addRow("problems") << QList<int> { int(S::Warning), int(S::Unknown), int(S::Critical) } << QString()
                              << QStringList { QStringLiteral("api:api-health"), QStringLiteral("payments:stripe"),
                                     QStringLiteral(":status-page") };
    QTest::addRow("text in name") << QList<int> {} << QStringLiteral("  LIVE ")
                                  << QStringList { QStringLiteral("api:livez") };
    QTest::addRow("text in title, other case")
        << QList<int> {} << QStringLiteral("kakao MAPS") << QStringList { QStringLiteral("payments:kakao-maps") };
    QTest::addRow("text in korean title")
        << QList<int> {} << QStringLiteral("카카오") << QStringList { QStringLiteral("payments:kakao-maps") };
    QTest::addRow("text in group") << QList<int> {} << QStringLiteral("payments")
                                   << QStringList { QStringLiteral("payments:stripe,kakao-maps") };
    QTest::addRow("text in url") << QList<int> {} << QStringLiteral("status.meetpin")
                                 << QStringList { QStringLiteral(":status-page") };
    QTest::addRow("text and state") << QList<int> { int(S::Ok) } << QStringLiteral("api")
                                    << QStringList { QStringLiteral("api:readyz,livez") };
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
    QCOMPARE(visible(m_filter), (QStringList { QStringLiteral("api:api-health"), QStringLiteral(":status-page") }));
    m_model->addResult(critical(QStringLiteral("kakao-maps")));
    m_model->addResult(ok(QStringLiteral("api-health"), 40));
    QCOMPARE(
        visible(m_filter), (QStringList { QStringLiteral("payments:kakao-maps"), QStringLiteral(":status-page") }));
}

void TestEndpointFilterModel::sortsByLatency()
{
    m_filter->sort(EndpointModel::LatencyColumn, Qt::DescendingOrder);
    // Groups sort by name: payments, api, (ungrouped).
    QCOMPARE(m_filter->index(0, 0).data(EndpointModel::NameRole).toString(), QStringLiteral("payments"));
    const QModelIndex api = m_filter->index(1, 0);
    QCOMPARE(api.data(EndpointModel::NameRole).toString(), QStringLiteral("api"));
    QStringList order;
    for (int r = 0; r < m_filter->rowCount(api); ++r) {
        order << m_filter->index(r, 0, api).data(EndpointModel::NameRole).toString();
    }
    QCOMPARE(order, (QStringList { QStringLiteral("api-health"), QStringLiteral("readyz"), QStringLiteral("livez") }));
}

QTEST_GUILESS_MAIN(TestEndpointFilterModel)
#include "tst_endpointfiltermodel.moc"
