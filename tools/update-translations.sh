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

# English is the source language: its entries are the source texts, marked finished. Numerus forms derive from
# "(s)" in the source ("%n problem(s)" -> "%n problem", "%n problems").
python3 - translations/opsdeck_en.ts <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()

def fill(match):
    message = match.group(0)
    source = re.search(r"<source>(.*?)</source>", message, re.S).group(1)
    if 'numerus="yes"' in message:
        forms = [source.replace("(s)", ""), source.replace("(s)", "s")]
        body = "".join(f"\n            <numerusform>{f}</numerusform>" for f in forms)
        translation = f"<translation>{body}\n        </translation>"
    else:
        translation = f"<translation>{source}</translation>"
    return re.sub(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>", lambda _: translation, message, flags=re.S)

text = re.sub(r"<message[^>]*>.*?</message>", fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
