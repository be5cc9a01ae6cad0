// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpreply.h"

class DemoState;

// The /admin/* routes: deployments, deploy, rollback, cache clear and statistics, fault injection, behind a bearer
// token; also seed 003's /api/cache/clear and /api/cache/stats.
class AdminApi final
{
public:
    AdminApi(DemoState *state, const QByteArray &token);

    HttpReply handle(
        const QByteArray &method, const QString &path, const QByteArray &authorization, const QByteArray &body);

    // Compares in time that depends only on the expected token's length.
    static bool tokenEquals(const QByteArray &given, const QByteArray &expected);

private:
    HttpReply dispatch(const QByteArray &method, const QString &path, const QByteArray &body);
    HttpReply deployments() const;
    HttpReply rollback(const QByteArray &body);
    HttpReply deploy(const QByteArray &body);
    int requestedVersion(const QJsonObject &request, HttpReply *error) const;
    HttpReply clearCache();
    HttpReply cacheStats() const;
    HttpReply faults(const QByteArray &method, const QByteArray &body);

    DemoState *m_state;
    QByteArray m_token;
};
