// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/workspace.h"

#include <QByteArray>
#include <QString>

using namespace Qt::StringLiterals;

namespace TeamTest {

// Policy "oncall": level 1 → /l1 at once, level 2 → /l2 after `second`, level 3 → /l3 after `third`, all on the
// receiver at `base` (http://127.0.0.1:PORT), through ${TEAMESC_Ln} secrets set here.
inline Workspace escalationWorkspace(const QString &base, Milliseconds second, Milliseconds third)
{
    Workspace w;
    w.info.id = u"meetpin"_s;
    w.incidents.severities = IncidentSettings::defaultSeverities();
    EscalationPolicy policy;
    policy.id = u"oncall"_s;
    const Milliseconds afters[] = { Milliseconds(0), second, third };
    for (int i = 1; i <= 3; ++i) {
        const QString secret = u"TEAMESC_L%1"_s.arg(i);
        qputenv(secret.toLatin1().constData(), (base + u"/l%1"_s.arg(i)).toUtf8());
        NotifyProvider p;
        p.id = u"l%1"_s.arg(i);
        p.kind = u"slack"_s;
        p.url = u"${"_s + secret + u'}';
        w.notifications.providers.append(p);
        EscalationLevel level;
        level.after = afters[i - 1];
        level.targets = { p.id };
        policy.levels.append(level);
    }
    w.notifications.escalationPolicies = { policy };
    return w;
}

} // namespace TeamTest
