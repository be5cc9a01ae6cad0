// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/netcheck.h"

#include <QByteArray>
#include <QStringList>

typedef struct ares_channeldata *ares_channel;

// dns://server[:port] with dns: { query-name, query-type }: one query to that server (UDP, TCP when truncated)
// through c-ares, in its own channel. [DNS_RCODE] is the answer's rcode (NOERROR, NXDOMAIN, SERVFAIL, ...),
// [BODY] the answers of the asked type, comma-separated: addresses for A and AAAA, host names (with the final
// dot, as Gatus) for CNAME, NS and MX, the joined strings of each TXT record.
class DnsCheck final : public NetCheck
{
    Q_DECLARE_TR_FUNCTIONS(DnsCheck)

public:
    explicit DnsCheck(const Endpoint &endpoint);
    ~DnsCheck() override;

    int wait(std::vector<curl_waitfd> &fds) override;

    // Shared with IcmpCheck's name lookup: c-ares's sockets for curl_multi_poll, and processing them.
    static int aresWait(ares_channel channel, std::vector<curl_waitfd> &fds, qint64 remainingMs);
    static void aresProcess(ares_channel channel);
    static bool initAres();

    // The rcode's name and the answers of `type` in a raw DNS message; false with `error` if it is malformed.
    static bool parseAnswer(const QByteArray &message, int type, QString *rcode, QStringList *answers, QString *error);
    static int typeNumber(const QString &type);

protected:
    bool start(CURLM *multi) override;
    void progress() override;
    void stop() override;

private:
    static void onAnswer(void *self, int status, int timeouts, unsigned char *answer, int length);
    void answered(int status, const QByteArray &message);

    ares_channel m_channel = nullptr;
    QString m_server;
    bool m_processing = false;
};
