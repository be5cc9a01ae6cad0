#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
# systemd_unit.sh UNIT OPSDECK: the agent's unit (as configured for installation) passes `systemd-analyze verify`
# without a message, keeps its hardening, and `systemd-analyze security` rates it at most 2.5 ("OK"). The installed
# program may not exist yet, so ExecStart runs the built one. Skips (77) without systemd-analyze.
set -euo pipefail
unit=$1
program=$(realpath "$2")
command -v systemd-analyze >/dev/null || { echo "SKIP: no systemd-analyze"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s|^ExecStart=[^ ]*|ExecStart=$program|" "$unit" >"$tmp/opsdeck-agent@.service"
status=0
for key in DynamicUser=yes StateDirectory=opsdeck/%i ProtectSystem=strict ProtectHome=yes NoNewPrivileges=yes \
    PrivateTmp=yes RestrictAddressFamilies= 'ExecReload=/bin/kill -HUP $MAINPID' Type=notify; do
    grep -qF -- "$key" "$tmp/opsdeck-agent@.service" || { echo "FAIL: the unit lacks $key"; status=1; }
done
if ! out=$(systemd-analyze verify --man=no "$tmp/opsdeck-agent@demo.service" 2>&1) || [ -n "$out" ]; then
    echo "FAIL: systemd-analyze verify:"
    echo "$out"
    status=1
fi
if ! out=$(systemd-analyze security --offline=yes --threshold=25 "$tmp/opsdeck-agent@demo.service" 2>&1); then
    echo "FAIL: systemd-analyze security rates the unit above 2.5:"
    echo "$out" | tail -n 15
    status=1
fi
((status == 0)) && echo "unit: verified; $(echo "$out" | tail -n 1 | sed 's/→ //')"
exit $status
