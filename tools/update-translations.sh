#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Refreshes translations/opsdeck_{en,ko}.ts from the sources. Qt 6.4's qt_add_translations cannot scan several
# targets, so lupdate runs here over app/ widgets/ models/; CMake only compiles the .ts files (qt_add_lrelease).
# Afterwards translate the new entries (Qt Linguist, or edit the XML) so that tst_translations passes.
set -euo pipefail
cd "$(dirname "$0")/.."

LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$LUPDATE" ] || LUPDATE=$(command -v lupdate)

"$LUPDATE" app widgets models -ts translations/opsdeck_en.ts translations/opsdeck_ko.ts -no-obsolete -locations none
