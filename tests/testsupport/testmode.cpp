// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Linked into every test by opsdeck_add_test(): QStandardPaths' test mode from the moment the application object
// exists, before any test function, so QSettings (operator name, recent files, window state, workspace trust) and
// the data directory go to ~/.qttest instead of the user's own configuration.
#include <QCoreApplication>
#include <QStandardPaths>

namespace {
void enableTestMode()
{
    QStandardPaths::setTestModeEnabled(true);
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(enableTestMode)
