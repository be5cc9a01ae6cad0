// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "probetesthelpers.h"

#include "probe/curltransport.h"
#include "probe/endpointconditions.h"
#include "probe/httpprobe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

Endpoint testEndpoint(const QUrl &url, const QStringList &conditions, Milliseconds timeout)
{
    Endpoint e;
    e.name = u"test"_s;
    e.url = url.toString();
    e.conditions = conditions;
    e.timeout = timeout;
    return e;
}

ProbeRun runProbe(const Endpoint &endpoint)
{
    QNetworkAccessManager nam;
    HttpProbe probe(&nam, endpoint);
    QSignalSpy finished(&probe, &HttpProbe::finished);
    QElapsedTimer timer;
    timer.start();
    probe.start();
    ProbeRun run;
    run.finished = finished.wait(int(endpoint.timeout.count()) + 5000);
    run.elapsedMs = timer.elapsed();
    run.result = probe.result();
    EndpointConditions(endpoint).evaluate(run.result, probe.outcome(), QDateTime::currentDateTimeUtc());
    return run;
}

ProbeRun runCurlProbe(const Endpoint &endpoint, CurlTransport *transport)
{
    CurlTransport own;
    CurlTransport *used = transport ? transport : &own;
    ProbeRun run;
    bool done = false;
    EndpointConditions::Outcome outcome = EndpointConditions::Outcome::Response;
    QElapsedTimer timer;
    timer.start();
    used->start(endpoint, [&](const ProbeResult &result, EndpointConditions::Outcome o) {
        run.result = result;
        outcome = o;
        done = true;
    });
    run.finished = QTest::qWaitFor([&] { return done; }, int(endpoint.timeout.count()) + 5000);
    run.elapsedMs = timer.elapsed();
    if (run.finished) {
        EndpointConditions(endpoint).evaluate(run.result, outcome, QDateTime::currentDateTimeUtc());
    }
    return run;
}

qint64 peakRssKib()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}
