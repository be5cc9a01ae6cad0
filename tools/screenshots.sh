#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Saves every page in English and Korean to screenshots/<page>-<lang>.png at 1280x800, offscreen.
#   tools/screenshots.sh [WORKSPACE]    default: examples/meetpin.yaml (else the first example, else the demo)
# Settings and database go to a temporary directory, so the user's own are neither read nor changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PRESET=${PRESET:-dev}
OUT=${OUT:-screenshots}
[ -f "build/$PRESET/build.ninja" ] || cmake --preset "$PRESET" >/dev/null
cmake --build "build/$PRESET" --target opsdeck

workspace=${1:-}
if [ -z "$workspace" ]; then
    if [ -f examples/meetpin.yaml ]; then
        workspace=examples/meetpin.yaml
    else
        workspace=$(find examples -maxdepth 2 -name '*.yaml' 2>/dev/null | sort | head -n1 || true)
    fi
fi
args=()
if [ -n "$workspace" ]; then args+=("$workspace"); else args+=(--demo); fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$OUT"
XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" QT_QPA_PLATFORM=offscreen \
    timeout 120 "build/$PRESET/app/opsdeck" "${args[@]}" --data-dir "$tmp/data" --screenshot-dir "$OUT" \
    -qwindowgeometry 1280x800
echo "screenshots of ${workspace:-the demo} in $OUT/"
