// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QString>
#include <QUrl>

// An endpoint with test defaults: a short deadline and the given conditions.
Endpoint testEndpoint(const QUrl &url, const QStringList &conditions = {}, Milliseconds timeout = Milliseconds(3000));

// Runs one HttpProbe for `endpoint`, evaluates its conditions and waits for it (up to its deadline + 5 s).
struct ProbeRun
{
    ProbeResult result;
    qint64 elapsedMs = 0;
    bool finished = false;
};
ProbeRun runProbe(const Endpoint &endpoint);
// The same through a CurlTransport of its own (the engine's transport), or through `transport` if given.
class CurlTransport;
ProbeRun runCurlProbe(const Endpoint &endpoint, CurlTransport *transport = nullptr);

// Peak resident memory of this process so far (VmHWM), in KiB.
qint64 peakRssKib();
