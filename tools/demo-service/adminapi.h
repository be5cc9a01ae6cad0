// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpreply.h"

class DemoState;

// The /admin/* routes: deployments, rollback, cache clear and fault injection, behind a bearer token.
class AdminApi final
{
public:
    AdminApi(DemoState *state, const QByteArray &token);

    HttpReply handle(
        const QByteArray &method, const QString &path, const QByteArray &authorization, const QByteArray &body);

    // Compares in time that depends only on the expected token's length.
    static bool tokenEquals(const QByteArray &given, const QByteArray &expected);

private:
    HttpReply deployments() const;
    HttpReply rollback(const QByteArray &body);
    HttpReply clearCache();
    HttpReply faults(const QByteArray &method, const QByteArray &body);

    DemoState *m_state;
    QByteArray m_token;
};
