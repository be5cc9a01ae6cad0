// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/netcheck.h"

#include <QByteArray>

#include <memory>

struct TlsPeer;

// tcp://host:port, tls://host:port and starttls://host:port (SMTP: greeting, EHLO, STARTTLS, then TLS). libcurl
// connects (CURLOPT_CONNECT_ONLY: its resolver, connect and TLS with the phase timings, the system store plus the
// ca-file, host name verified); then the optional body is sent and, when a body was sent or a condition reads
// [BODY], the first answer is read: until the server has sent a chunk and paused, closed, max-body is reached or
// the deadline passes.
class StreamCheck final : public NetCheck
{
    Q_DECLARE_TR_FUNCTIONS(StreamCheck)

public:
    explicit StreamCheck(const Endpoint &endpoint);
    ~StreamCheck() override;

    CURL *handle() const override { return m_phase == Phase::Connecting ? m_easy : nullptr; }
    void curlDone(int curlCode) override;
    int wait(std::vector<curl_waitfd> &fds) override;

protected:
    bool start(CURLM *multi) override;
    void progress() override;
    void stop() override;

private:
    enum class Phase { Connecting, Sending, Reading, Done };

    void send();
    void receive();
    void readTimings();
    QString connectError(int curlCode) const;

    EndpointKind m_kind;
    CURLM *m_multi = nullptr;
    CURL *m_easy = nullptr;
    std::shared_ptr<TlsPeer> m_tls;
    QByteArray m_url;
    QByteArray m_errorBuffer;
    Phase m_phase = Phase::Connecting;
    qsizetype m_sent = 0;
    long long m_socket = -1;
    bool m_readAnswer = false;
};
