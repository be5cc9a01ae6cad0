// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/endpointconditions.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class CurlProbe;

// Runs HTTP(S) probes on libcurl's multi interface in a thread of its own, so that no server, however slow or
// hostile, and no busy GUI thread can hold up another endpoint's probe or inflate its timings (they are taken by
// libcurl where the bytes arrive). Requests are built on the caller's thread (${NAME} values are looked up there);
// results come back queued to the thread this object lives in.
class CurlTransport final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ProbeResult &result, EndpointConditions::Outcome outcome)>;

    explicit CurlTransport(QObject *parent = nullptr);
    // Stops every probe (no callback runs) and joins the thread: within about the time of one libcurl step.
    ~CurlTransport() override;

    // Starts a probe; `done` always follows, on this object's thread, never from inside start().
    quint64 start(const Endpoint &endpoint, Done done);
    // Ends a running probe early: its `done` follows with `reason` as its transport error.
    void abort(quint64 id, const QString &reason);
    int running() const { return int(m_done.size()); }

private:
    class Worker;
    struct Delivery
    {
        quint64 id;
        ProbeResult result;
        EndpointConditions::Outcome outcome;
    };

    void deliver(const std::vector<Delivery> &batch);

    std::unique_ptr<Worker> m_worker;
    QHash<quint64, Done> m_done;
    quint64 m_nextId = 1;
};
