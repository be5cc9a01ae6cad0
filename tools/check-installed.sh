#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks an installed OpsDeck package from its installed files only (run by `tools/dev.sh package-check` after
# `apt-get install ./opsdeck_*.deb`): the version, every installed example validates, `opsdeck --demo` renders
# screenshots offscreen with live data, `opsdeck check` against the installed demo service, the desktop file and
# AppStream metadata validate. Nothing from the source or build tree is used. PREFIX defaults to /usr.
set -euo pipefail
PREFIX=${PREFIX:-/usr}
opsdeck=$PREFIX/bin/opsdeck
service=$PREFIX/libexec/opsdeck/opsdeck-demo-service
tmp=$(mktemp -d)
service_pid=
cleanup() {
    [ -z "$service_pid" ] || kill "$service_pid" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
# Settings, data and keychain lookups stay in the temporary directory.
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_CACHE_HOME=$tmp/cache
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
mkdir -p "$HOME"

step() { echo "== $*"; }

step "opsdeck --version"
version=$("$opsdeck" --version)
echo "$version"
grep -qE '^opsdeck [0-9]+\.[0-9]+\.[0-9]+' <<<"$version"

step "opsdeck validate every installed example"
examples=("$PREFIX"/share/opsdeck/examples/*.yaml)
[ -f "${examples[0]}" ] || { echo "no examples installed in $PREFIX/share/opsdeck/examples" >&2; exit 1; }
for example in "${examples[@]}"; do
    "$opsdeck" validate "$example"
done

step "opsdeck --demo offscreen, screenshots with live data"
shots=$tmp/shots
timeout 180 "$opsdeck" --demo --data-dir "$tmp/demo-data" --screenshot-dir "$shots" --screenshot-delay 5000 \
    -qwindowgeometry 1280x800 --lang en
count=0
for png in "$shots"/*.png; do
    [ -f "$png" ] || continue
    size=$(stat -c %s "$png")
    # A blank 1280x800 page compresses to a few kB; a page with tiles, text and charts is far larger.
    if ((size < 20000)); then
        echo "screenshot $png is only $size bytes: nothing rendered?" >&2
        exit 1
    fi
    count=$((count + 1))
done
((count >= 12)) || { echo "expected every page in English and Korean, got $count screenshots" >&2; exit 1; }
for page in overview health; do
    for lang in en ko; do
        [ -f "$shots/$page-$lang.png" ] || { echo "missing $page-$lang.png" >&2; exit 1; }
    done
done
echo "$count screenshots, $(du -sk "$shots" | cut -f1) kB"
if [ -n "${SCREENSHOT_OUT:-}" ]; then
    mkdir -p "$SCREENSHOT_OUT" && cp "$shots"/*.png "$SCREENSHOT_OUT"/
fi

step "opsdeck check against the installed demo service"
export OPSDECK_DEMO_TOKEN=package-check-token DEMO_ADMIN_TOKEN=package-check-token
"$service" --port 0 >"$tmp/service.out" 2>"$tmp/service.err" &
service_pid=$!
url=
for _ in $(seq 100); do
    url=$(sed -nE 's|^opsdeck-demo-service listening on (http://127\.0\.0\.1:[0-9]+)$|\1|p' "$tmp/service.out")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "the demo service printed no address:" >&2; cat "$tmp/service.err" >&2; exit 1; }
echo "demo service at $url"
# The workspace `opsdeck --demo` wrote, pointed at this service instead of the one that run started.
workspace=$tmp/demo.opsdeck.yaml
sed -E "s|http://127\.0\.0\.1:[0-9]+|$url|g" "$tmp/demo-data/demo-workspace.yaml" >"$workspace"
# The exit code is the worst state (the demo injects faults, and a KPI without samples yet is UNKNOWN), so it does
# not say whether the service was reached; every endpoint having an HTTP status does.
# The rewritten file is a new version, not trusted yet: --yes lets its admin endpoint send the demo token.
"$opsdeck" check "$workspace" --yes || true
"$opsdeck" check "$workspace" --yes --json >"$tmp/check.json" || true
answered=$(grep -cE '"httpStatus": [1-9][0-9]*' "$tmp/check.json" || true)
unanswered=$(grep -cE '"httpStatus": 0,?$' "$tmp/check.json" || true)
if ((answered < 5 || unanswered > 0)); then
    echo "opsdeck check: $answered endpoints answered, $unanswered did not: the installed demo service was not reached" >&2
    exit 1
fi
echo "opsdeck check: all $answered endpoints of the demo workspace answered"

step "desktop file, AppStream metadata, MIME type"
desktop-file-validate "$PREFIX/share/applications/io.github.opsdeck.OpsDeck.desktop"
appstreamcli validate --no-net "$PREFIX/share/metainfo/io.github.opsdeck.OpsDeck.metainfo.xml"
# shared-mime-info's dpkg trigger has rebuilt the database: the workspace glob maps to our type.
grep -qx '60:application/x-opsdeck-workspace:\*.opsdeck.yaml' "$PREFIX/share/mime/globs2"
echo "installed package checks passed"
