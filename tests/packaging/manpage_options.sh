#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
# manpage_options.sh OPSDECK MANPAGE: every option and subcommand that `opsdeck --help` (and each subcommand's
# --help) lists must appear in the manual page, so the two cannot drift apart.
set -euo pipefail
opsdeck=$1
man=$2
# The page as text: roff's \- is a plain hyphen; font escapes go.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$man")
status=0
checked=0
for sub in "" validate check runbook trust secret import agent ack; do
    help=$(LC_ALL=C LANG=C QT_QPA_PLATFORM=offscreen "$opsdeck" $sub --help --lang en) || {
        echo "FAIL: opsdeck $sub --help exited non-zero"
        status=1
        continue
    }
    # QCommandLineParser's option lines: "  -h, --help   text" or "  --data-dir <dir>   text".
    mapfile -t options < <(printf '%s\n' "$help" | grep -E '^  +-' | sed -E 's/^ +//; s/  .*//' |
        grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z-]*' | tr -d ' ,' | sort -u)
    if ((${#options[@]} == 0)); then
        echo "FAIL: no options found in: opsdeck $sub --help"
        status=1
    fi
    for option in "${options[@]}"; do
        checked=$((checked + 1))
        if ! grep -qE -- "(^|[^A-Za-z-])${option}([^A-Za-z-]|$)" <<<"$text"; then
            echo "FAIL: $option (from opsdeck $sub --help) is missing from $man"
            status=1
        fi
    done
    # The subcommands named in the description ("  validate FILE  ...").
    for word in $(printf '%s\n' "$help" | grep -oE '^  (validate|check|runbook|secret|import|agent)\b' | sort -u); do
        if ! grep -qE "^\.B[IR]? \"?${word}\b" <<<"$text"; then
            echo "FAIL: subcommand $word (from opsdeck $sub --help) has no entry in $man"
            status=1
        fi
    done
done
# Every exit code the help names for check and runbook is described.
for phrase in "0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN" "3 declined or interrupted"; do
    grep -qF -- "$phrase" <<<"$(tr '\n' ' ' <<<"$text" | tr -s ' ')" || {
        echo "FAIL: \"$phrase\" is missing from $man"
        status=1
    }
done
echo "checked $checked options of opsdeck --help against $man"
exit $status
