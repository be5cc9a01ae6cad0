// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
// An Alertmanager API v2 answer read as the alert list and as the silence list.
#include "sources/alertmanagerclient.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto alerts = AlertmanagerClient::parseAlerts(body);
    for (const Alert &alert : alerts.value) {
        (void)AlertmanagerClient::matchersFor(alert);
        (void)alert.silenced();
    }
    (void)AlertmanagerClient::parseSilences(body);
    return 0;
}
