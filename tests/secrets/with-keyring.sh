#!/bin/sh
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command on its own D-Bus session bus with a freshly unlocked GNOME keyring in a temporary home, so tests
# store and read real keychain entries without touching the user's.
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing (tools/dev.sh deps installs it)" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/run"
HOME=$home XDG_DATA_HOME=$home/data XDG_RUNTIME_DIR=$home/run XDG_CONFIG_HOME=$home/config \
    dbus-run-session -- sh -c '
        printf opsdeck-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        "$@"' sh "$@"
