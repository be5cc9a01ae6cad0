// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

using namespace Qt::StringLiterals;

// QSettings keys (organization "OpsDeck", application "opsdeck"), in one place so app/ and widgets/ agree.
namespace SettingsKeys {
inline QString language()
{
    return u"ui/language"_s;
}
inline QString theme()
{
    return u"ui/theme"_s;
}
inline QString geometry()
{
    return u"mainWindow/geometry"_s;
}
inline QString windowState()
{
    return u"mainWindow/state"_s;
}
inline QString lastWorkspace()
{
    return u"workspace/last"_s;
}
inline QString recentWorkspaces()
{
    return u"workspace/recent"_s;
}
} // namespace SettingsKeys
