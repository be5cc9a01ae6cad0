// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/netcheck.h"

#include <QByteArray>

typedef struct ares_channeldata *ares_channel;
struct hostent;

// icmp://host: one echo request over an unprivileged ICMP socket (SOCK_DGRAM, IPPROTO_ICMP / ICMPV6), which
// Linux allows to the groups in net.ipv4.ping_group_range; where it does not, the check is UNKNOWN with a message
// saying how to allow it (OpsDeck needs no root and no capability). A host name is looked up with c-ares.
// [CONNECTED] = an echo reply came back, [RESPONSE_TIME] = its round trip, [IP] = the address pinged.
class IcmpCheck final : public NetCheck
{
    Q_DECLARE_TR_FUNCTIONS(IcmpCheck)

public:
    explicit IcmpCheck(const Endpoint &endpoint);
    ~IcmpCheck() override;

    int wait(std::vector<curl_waitfd> &fds) override;
    // What to tell the user when the system refuses an unprivileged ICMP socket.
    static QString notAllowedMessage();

protected:
    bool start(CURLM *multi) override;
    void progress() override;
    void stop() override;

private:
    static void onHost(void *self, int status, int timeouts, hostent *host);
    void ping(int family, const void *address);
    void receive();

    ares_channel m_channel = nullptr;
    bool m_processing = false;
    int m_socket = -1;
    int m_family = 0;
    double m_sentMs = -1;
    quint16 m_sequence = 0;
};
