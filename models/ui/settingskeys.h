// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// QSettings keys (organization "OpsDeck", application "opsdeck"), in one place so app/ and widgets/ agree.
namespace SettingsKeys {
inline QString language()
{
    return QStringLiteral("ui/language");
}
inline QString theme()
{
    return QStringLiteral("ui/theme");
}
inline QString geometry()
{
    return QStringLiteral("mainWindow/geometry");
}
inline QString windowState()
{
    return QStringLiteral("mainWindow/state");
}
inline QString lastWorkspace()
{
    return QStringLiteral("workspace/last");
}
inline QString recentWorkspaces()
{
    return QStringLiteral("workspace/recent");
}
} // namespace SettingsKeys
