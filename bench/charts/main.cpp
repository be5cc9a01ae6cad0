// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// bench-charts (run offscreen): chart refresh cost for 24 h and 1 h windows of 10 series at 1 s resolution, the
// same refresh done naively with per-point append(), paint time at 1600 px, buffer ingest rate beside the sample
// store's ingest rate into a real SQLite file, and the time to parse a 100k-point query_range answer.
#include "charts/kpichartview.h"
#include "samples/samplestore.h"
#include "sources/promresponse.h"
#include "storage/storage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLineSeries>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

double p95(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(std::min(v.size() - 1, qsizetype(std::ceil(0.95 * double(v.size())) - 1)));
}

// Samples through SampleStore into a new SQLite file (WAL, as the app uses it) until the last batch has committed;
// samples per second, or a negative number on failure.
double sampleStoreIngest(int seriesCount, int perSeries)
{
    QTemporaryDir dir;
    Storage storage;
    QEventLoop loop;
    QObject::connect(&storage, &Storage::opened, &loop, &QEventLoop::quit);
    QObject::connect(&storage, &Storage::openFailed, &loop, &QEventLoop::quit);
    storage.open(Storage::databasePath(dir.path()));
    loop.exec();
    if (storage.state() != Storage::State::Open) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(storage.path()), qPrintable(storage.errorString()));
        return -1;
    }
    SampleStore store(&storage);
    store.setWorkspaceId(u"bench"_s);
    const qint64 total = qint64(seriesCount) * perSeries;
    qint64 written = 0;
    bool failed = false;
    QObject::connect(&store, &SampleStore::batchWritten, &loop, [&](int samples) {
        if ((written += samples) >= total) {
            loop.quit();
        }
    });
    QObject::connect(&store, &SampleStore::writeFailed, &loop, [&](const QString &error) {
        std::fprintf(stderr, "sample store write failed: %s\n", qPrintable(error));
        failed = true;
        loop.quit();
    });
    QStringList names;
    for (int s = 0; s < seriesCount; ++s) {
        names.append(u"kpi-%1"_s.arg(s));
    }
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(perSeries) * 1000;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < perSeries; ++i) {
        for (int s = 0; s < seriesCount; ++s) {
            store.add({ names[s], start + qint64(i) * 1000, 100 + 20 * std::sin(double(i) / (300.0 + s)) + s });
        }
    }
    store.flush();
    loop.exec();
    return failed ? -1 : double(total) / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    constexpr int seriesCount = 10;
    constexpr qint64 day = 86400;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const double endMs = double(end.toMSecsSinceEpoch());

    QList<ChartSeries> series;
    QElapsedTimer timer;
    timer.start();
    for (int s = 0; s < seriesCount; ++s) {
        auto buffer = std::make_shared<SeriesBuffer>();
        for (qint64 i = 0; i < day; ++i) {
            buffer->append(endMs - double(day - i) * 1000.0, 100 + 20 * std::sin(double(i) / (300.0 + s)) + s);
        }
        series.append({ u"series %1"_s.arg(s), buffer });
    }
    const double ingestSeconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("buffer ingest: %.0f samples/s (%d x %lld points in memory)\n",
        double(seriesCount * day) / ingestSeconds, seriesCount, day);
    QList<double> storeRates;
    for (int run = 0; run < 3; ++run) {
        storeRates.append(sampleStoreIngest(seriesCount, 20000));
    }
    std::printf("sample store ingest: %.0f samples/s (median of 3 runs, %d x 20000 samples into a SQLite file with "
                "minute and hour roll-ups; goal >= 100000), beside the in-memory buffer's %.0f samples/s\n",
        median(storeRates), seriesCount, double(seriesCount * day) / ingestSeconds);

    KpiChartView view;
    view.resize(1600 + 120, 700);
    view.show();
    QCoreApplication::processEvents();
    std::printf("plot width: %d px\n", view.plotWidth());

    const auto refreshCost = [&](qint64 windowSeconds) {
        QList<double> times;
        for (int run = 0; run < 15; ++run) {
            timer.restart();
            view.setData(series, end.addSecs(-windowSeconds), end);
            view.refreshNow();
            times.append(double(timer.nsecsElapsed()) / 1e6);
        }
        return median(times);
    };
    const double cost1h = refreshCost(3600);
    const double cost24h = refreshCost(day);
    std::printf("refresh 1 h window:  %.2f ms (median of 15)\n", cost1h);
    std::printf(
        "refresh 24 h window: %.2f ms (median of 15), %.2fx the 1 h cost (goal <= 1.5x)\n", cost24h, cost24h / cost1h);

    QList<double> paints;
    view.setData(series, end.addSecs(-day), end);
    view.refreshNow();
    for (int run = 0; run < 40; ++run) {
        timer.restart();
        const QPixmap shot = view.grab();
        paints.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("paint at 1600 px (24 h, 10 series): p95 %.2f ms (goal <= 16 ms)\n", p95(paints));

    // Naive: every point appended one by one to visible series. It is slow enough that it runs for at most 20 s
    // and the rest is extrapolated linearly (a lower bound: each append gets slower as the series grows).
    {
        QChartView naive;
        naive.resize(1720, 700);
        naive.show();
        QList<QLineSeries *> lines;
        for (int s = 0; s < seriesCount; ++s) {
            auto *line = new QLineSeries;
            naive.chart()->addSeries(line);
            lines.append(line);
        }
        naive.chart()->createDefaultAxes();
        QCoreApplication::processEvents();
        qint64 appended = 0;
        timer.restart();
        for (int s = 0; s < seriesCount && timer.elapsed() < 20000; ++s) {
            const QList<QPointF> all = series[s].buffer->downsample(endMs - double(day) * 1000, endMs, 1 << 30);
            for (const QPointF &p : all) {
                lines[s]->append(p);
                if (++appended % 1000 == 0 && timer.elapsed() >= 20000) {
                    break;
                }
            }
        }
        QCoreApplication::processEvents();
        const double spentMs = double(timer.nsecsElapsed()) / 1e6;
        const double naiveMs = spentMs * double(seriesCount * day) / double(appended);
        std::printf("naive per-point append, 24 h: %.0f ms (%lld of %lld points in %.0f ms, extrapolated), ours is "
                    "%.0fx faster (goal >= 20x)\n",
            naiveMs, appended, seriesCount * day, spentMs, naiveMs / cost24h);
    }

    // A 100k-point query_range answer: 10 series of 10,000 points.
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (int s = 0; s < 10; ++s) {
        body += (s ? "," : "") + QByteArray(R"({"metric":{"__name__":"x","series":")") + QByteArray::number(s)
            + R"("},"values":[)";
        for (int i = 0; i < 10000; ++i) {
            body += (i ? "," : "") + QByteArray("[") + QByteArray::number(1700000000 + i) + ",\""
                + QByteArray::number(100.0 + i % 37 * 0.25, 'g', 8) + "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    QList<double> parses;
    for (int run = 0; run < 9; ++run) {
        timer.restart();
        const PromResponse r = PromResponseParser::parse(body, 200);
        parses.append(double(timer.nsecsElapsed()) / 1e6);
        if (r.series.size() != 10 || r.series[0].points.size() != 10000) {
            std::fprintf(stderr, "parse produced the wrong result\n");
            return 1;
        }
    }
    QList<double> jsonOnly;
    for (int run = 0; run < 9; ++run) {
        timer.restart();
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        jsonOnly.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("parse 100k-point query_range (%.1f MB): %.1f ms median of 9 (goal <= 50 ms); for scale, "
                "QJsonDocument::fromJson alone (the previous parser's first step): %.1f ms\n",
        double(body.size()) / 1e6, median(parses), median(jsonOnly));
    return 0;
}
