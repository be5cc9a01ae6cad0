// SPDX-FileCopyrightText: 2026 OpsDeck authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mainwindow.h"

class Storage;

// Shows the storage's state (opening, open with its schema, failed, online/offline in team mode) in the window.
void bindStorageStatus(Storage *storage, MainWindow *window);
