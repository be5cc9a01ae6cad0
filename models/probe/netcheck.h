// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/endpointconditions.h"
#include "probe/endpointkind.h"
#include "probe/proberesult.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QPair>

#include <memory>
#include <vector>

typedef void CURL;
typedef void CURLM;
struct curl_waitfd;

// One non-HTTP check (tcp, tls, starttls, dns, icmp) run by CurlTransport's thread next to the HTTP probes: it
// never blocks, tells the thread which sockets to wait for and for how long, and does its work in step(). Every
// check ends by its endpoint's timeout, whatever the peer does; results use ProbeResult like HTTP probes.
class NetCheck
{
    Q_DECLARE_TR_FUNCTIONS(NetCheck)

public:
    static std::unique_ptr<NetCheck> create(const Endpoint &endpoint); // on the caller's thread: ${NAME} resolved
    virtual ~NetCheck();
    NetCheck(const NetCheck &) = delete;
    NetCheck &operator=(const NetCheck &) = delete;

    // On the transport's thread. False if the check ended at once (result final).
    bool begin(CURLM *multi);
    // An easy handle this check put into the multi handle (tcp, tls, starttls connect), if any.
    virtual CURL *handle() const { return nullptr; }
    // libcurl finished the handle's transfer (for CONNECT_ONLY: the connection is up, or failed).
    virtual void curlDone(int curlCode) { Q_UNUSED(curlCode); }
    // Adds the sockets to wait for; returns how long at most to wait (ms) before step() must run again.
    virtual int wait(std::vector<curl_waitfd> &fds) = 0;
    // Makes progress without blocking; checks the deadline.
    void step();
    bool isDone() const { return m_done; }
    void abort(const QString &reason);
    // Frees what the check holds in the multi handle (before it is destroyed).
    virtual void release(CURLM *multi) { Q_UNUSED(multi); }

    const ProbeResult &result() const { return m_result; }
    EndpointConditions::Outcome outcome() const { return m_outcome; }

protected:
    NetCheck(const Endpoint &endpoint, EndpointKind kind);

    virtual bool start(CURLM *multi) = 0;
    virtual void progress() = 0;
    virtual void stop() { } // the deadline passed or the check was aborted: close what is open

    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }
    qint64 remainingMs() const { return m_endpoint.timeout.count() - m_clock.elapsed(); }
    void succeed(); // result complete, conditions decide
    void fail(const QString &reason); // a transport error: CRITICAL
    void notSent(const QString &reason); // UNKNOWN
    QString deadlineError() const;
    QString redact(QString text) const;

    Endpoint m_endpoint; // url and body with ${NAME} resolved
    ProbeResult m_result;
    QList<QPair<QString, QString>> m_secrets;
    QString m_notSent;

private:
    void finish();

    QElapsedTimer m_clock;
    EndpointConditions::Outcome m_outcome = EndpointConditions::Outcome::Response;
    bool m_done = false;
};
