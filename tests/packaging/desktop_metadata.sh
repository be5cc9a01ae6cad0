#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
# desktop_metadata.sh RESOURCES_DIR: the desktop file, AppStream metainfo and MIME package validate, and name one
# application id. Skipped (77) when desktop-file-utils or appstream is not installed (`tools/dev.sh package-check`
# installs them).
set -euo pipefail
dir=$1
id=io.github.opsdeck.OpsDeck
for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
desktop-file-validate "$dir/$id.desktop"
appstreamcli validate --no-net "$dir/$id.metainfo.xml"
status=0
grep -q "<id>$id</id>" "$dir/$id.metainfo.xml" || { echo "FAIL: metainfo id is not $id"; status=1; }
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$dir/$id.metainfo.xml" ||
    { echo "FAIL: metainfo does not launch $id.desktop"; status=1; }
grep -qx "Icon=$id" "$dir/$id.desktop" || { echo "FAIL: the desktop file's icon is not $id"; status=1; }
# The desktop file opens the type the MIME package defines.
type=$(sed -nE 's|.*<mime-type type="([^"]+)".*|\1|p' "$dir/$id.mime.xml")
grep -qE "^MimeType=(.*;)?$type;" "$dir/$id.desktop" || { echo "FAIL: MimeType= does not list $type"; status=1; }
grep -q "<mediatype>$type</mediatype>" "$dir/$id.metainfo.xml" || { echo "FAIL: metainfo does not provide $type"; status=1; }
exit $status
