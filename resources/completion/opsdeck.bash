# SPDX-FileCopyrightText: 2026 OpsDeck authors
# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for opsdeck: subcommands, options, workspace files (*.yaml, *.yml) and, for
# `opsdeck runbook WORKSPACE <TAB>`, the runbook ids of that workspace (from `opsdeck runbook --list-ids`).
# Self-contained: works with or without the bash-completion package's helpers.

_opsdeck_files() {
    local cur=$1 IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -d -- "$cur"))
    COMPREPLY+=($(compgen -f -X '!*.yaml' -- "$cur") $(compgen -f -X '!*.yml' -- "$cur"))
}

_opsdeck() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # bash splits "--lang=ko" into "--lang" "=" "ko".
    if [[ $cur == "=" ]]; then
        cur=""
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    COMPREPLY=()
    local opts="--help --help-all --version --demo --war-room --data-dir --database --lang --json --yes --output --var --force --merge --listen --location --check-config --by"

    case $prev in
    --lang)
        COMPREPLY=($(compgen -W "en ko" -- "$cur"))
        return 0
        ;;
    --data-dir)
        local IFS=$'\n'
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -d -- "$cur"))
        return 0
        ;;
    -o | --output | --merge)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return 0
        ;;
    --by)
        return 0
        ;;
    --database)
        COMPREPLY=($(compgen -W "postgresql://" -- "$cur"))
        compopt -o nospace 2>/dev/null
        return 0
        ;;
    --listen)
        COMPREPLY=($(compgen -W "127.0.0.1:9464" -- "$cur"))
        return 0
        ;;
    --location)
        return 0
        ;;
    esac

    # The positional words so far (neither options nor option values), before the one being completed.
    local words=() i w
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
        --lang | --data-dir | --database | -o | --output | --var | --merge | --listen | --location | --by)
            ((i++))
            [[ ${COMP_WORDS[i]:-} == "=" ]] && ((i++))
            ;;
        -*) ;;
        *) words+=("$w") ;;
        esac
    done

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return 0
    fi

    local sub=${words[0]:-}
    case $sub in
    "")
        COMPREPLY=($(compgen -W "validate check runbook trust secret import agent ack" -- "$cur"))
        _opsdeck_files "$cur"
        ;;
    validate | check | trust | agent | ack)
        ((${#words[@]} == 1)) && _opsdeck_files "$cur"
        ;;
    runbook)
        if ((${#words[@]} == 1)); then
            _opsdeck_files "$cur"
        elif ((${#words[@]} == 2)); then
            local workspace=${words[1]} ids
            [[ $workspace == "~/"* ]] && workspace=$HOME/${workspace#"~/"}
            ids=$("${COMP_WORDS[0]}" runbook --list-ids "$workspace" 2>/dev/null)
            COMPREPLY=($(compgen -W "$ids" -- "$cur"))
        fi
        ;;
    secret)
        ((${#words[@]} == 1)) && COMPREPLY=($(compgen -W "set delete" -- "$cur"))
        ;;
    import)
        if ((${#words[@]} == 1)); then
            COMPREPLY=($(compgen -W "prometheus-rules grafana gatus uptime-kuma blackbox" -- "$cur"))
        else
            # Rule files, dashboards, Gatus configurations (or their directory), kuma.db: any file.
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        ;;
    esac
    return 0
}

complete -F _opsdeck opsdeck
