#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
# bash_completion.sh OPSDECK COMPLETION EXAMPLE_WORKSPACE: drives _opsdeck the way bash does (COMP_WORDS,
# COMP_CWORD) and checks what it offers.
set -uo pipefail
# Absolute paths: the cases run in a temporary directory.
opsdeck=$1
[[ -e $opsdeck ]] && opsdeck=$(realpath "$opsdeck")
completion=$(realpath "$2")
example=$(realpath "$3")
# shellcheck source=/dev/null
source "$completion"
complete -p opsdeck >/dev/null || { echo "FAIL: $completion does not register a completion for opsdeck"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir sub
touch team.opsdeck.yaml other.yml notes.txt
cp "$example" example.yaml

status=0
# complete WORDS...: the candidates for the last word, one a line, sorted.
complete_words() {
    COMP_WORDS=("$opsdeck" "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _opsdeck opsdeck "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort -u
}
expect() { # expect "WORDS" WANTED... -- UNWANTED...
    local words=$1
    shift
    local got
    # shellcheck disable=SC2086
    got=$(complete_words $words)
    [[ $words == *" " ]] && got=$(complete_words $words "")
    local unwanted=0 w
    for w in "$@"; do
        if [[ $w == -- ]]; then
            unwanted=1
            continue
        fi
        if grep -qxF -- "$w" <<<"$got"; then
            ((unwanted)) && { echo "FAIL: 'opsdeck $words' offers $w"; status=1; }
        else
            ((unwanted)) || { echo "FAIL: 'opsdeck $words' does not offer $w (got: $(tr '\n' ' ' <<<"$got"))"; status=1; }
        fi
    done
}

expect " " validate check runbook secret team.opsdeck.yaml other.yml sub -- notes.txt
expect "ch" check
expect "--l" --lang
expect "--" --demo --war-room --data-dir --database --lang --json --yes --help --version
expect "--lang " en ko
expect "--lang k" ko -- en
expect "--data-dir " sub -- team.opsdeck.yaml
expect "validate " team.opsdeck.yaml example.yaml sub -- notes.txt validate
expect "check te" team.opsdeck.yaml -- other.yml
expect "--lang ko check " team.opsdeck.yaml -- en ko
expect "secret " set delete
expect "--lang = " en ko
expect "--lang = ko check " team.opsdeck.yaml -- en ko check
expect "runbook " example.yaml -- notes.txt
expect "runbook example.yaml " emergency-rollback -- example.yaml
expect "runbook example.yaml emer" emergency-rollback
expect "runbook --yes example.yaml " emergency-rollback
expect "runbook team.opsdeck.yaml " -- emergency-rollback
expect "validate example.yaml " -- team.opsdeck.yaml
expect "ack " team.opsdeck.yaml example.yaml -- notes.txt
expect "a" ack
expect "--by Lee ack " team.opsdeck.yaml -- Lee
expect "ack example.yaml " -- example.yaml team.opsdeck.yaml
((status == 0)) && echo "bash completion: all cases pass"
exit $status
