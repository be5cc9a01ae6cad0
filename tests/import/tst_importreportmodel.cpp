// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importreportmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ImportResult sample()
{
    ImportResult r;
    ImportedEndpoint api;
    api.name = u"api"_s;
    api.group = u"shop"_s;
    ImportedEndpoint web;
    web.name = u"web"_s;
    web.group = u"shop"_s;
    ImportedEndpoint dns;
    dns.name = u"dns"_s;
    dns.group = u"infra"_s;
    r.endpoints = { api, web, dns };
    ImportedRoute route;
    route.id = u"slack"_s;
    r.routes = { route };
    r.report.created = {
        { u"api"_s, u"config.yaml:3:5"_s, u"api"_s, QString(), u"endpoint"_s },
        { u"web"_s, u"config.yaml:9:5"_s, u"web"_s, u"client.proxy-url"_s, u"endpoint"_s },
        { u"HighErrors"_s, u"rules.yaml:4:9"_s, u"high-errors"_s, QString(), QString() },
    };
    r.report.skip(u"grpc"_s, u"config.yaml:20:5"_s, u"grpc:// is not supported"_s, u"endpoint"_s);
    return r;
}

} // namespace

class TestImportReportModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndColumns()
    {
        ImportReportModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setResult(sample());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ImportReportModel::ColumnCount));

        const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, ImportReportModel::ResultColumn).toString(), u"created"_s);
        QCOMPARE(cell(0, ImportReportModel::KindColumn).toString(), u"endpoint"_s);
        QCOMPARE(cell(0, ImportReportModel::DetailColumn).toString(), u"→ api"_s);
        QCOMPARE(cell(1, ImportReportModel::DetailColumn).toString(), u"→ web (not carried over: client.proxy-url)"_s);
        QCOMPARE(cell(2, ImportReportModel::KindColumn).toString(), u"KPI tile"_s);
        QCOMPARE(cell(3, ImportReportModel::ResultColumn).toString(), u"skipped"_s);
        QCOMPARE(cell(3, ImportReportModel::DetailColumn).toString(), u"grpc:// is not supported"_s);
        QCOMPARE(cell(3, ImportReportModel::OriginColumn).toString(), u"config.yaml:20:5"_s);
        QCOMPARE(cell(3, 0, ImportReportModel::CreatedRole).toBool(), false);
        QCOMPARE(cell(0, 0, ImportReportModel::CreatedRole).toBool(), true);
        QCOMPARE(cell(2, 0, ImportReportModel::KindRole).toString(), QString());
        QCOMPARE(cell(1, 0, ImportReportModel::OriginRole).toString(), u"config.yaml:9:5"_s);
        QCOMPARE(model.headerData(ImportReportModel::OriginColumn, Qt::Horizontal).toString(), u"Source position"_s);

        const ImportReportModel::Summary s = model.summary();
        QCOMPARE(s.endpoints, 3);
        QCOMPARE(s.routes, 1);
        QCOMPARE(s.groups, 2);
        QCOMPARE(s.skipped, 1);
        QCOMPARE(s.kpis, 0);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.summary().endpoints, 0);
    }
};

QTEST_GUILESS_MAIN(TestImportReportModel)
#include "tst_importreportmodel.moc"
