// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/metricfetch.h"

#include "probe/httpprobe.h"

namespace MetricFetch {

void send(QNetworkAccessManager *nam, const FetchRequest &request, QObject *context,
    std::function<void(const ProbeResult &)> done)
{
    Endpoint endpoint;
    endpoint.name = request.url;
    endpoint.url = request.url;
    endpoint.method = request.method;
    endpoint.headers = request.headers;
    endpoint.body = request.body;
    endpoint.timeout = request.timeout;
    endpoint.maxBodyBytes = request.maxBodyBytes;
    endpoint.maxRedirects = request.method == u"GET" ? 3 : 0; // state-changing requests never follow redirects
    auto *probe = new HttpProbe(nam, endpoint);
    QPointer<QObject> guard(context);
    QObject::connect(probe, &HttpProbe::finished, context, [probe, done = std::move(done)] {
        probe->deleteLater();
        done(probe->result());
    });
    // Without a context the probe would live forever; it dies with the context or after finishing.
    QObject::connect(context, &QObject::destroyed, probe, &QObject::deleteLater);
    probe->start();
}

} // namespace MetricFetch
